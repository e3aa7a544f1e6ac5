import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executed, launchBrowser, mutationsSeen, screenshot, setUp } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const rowsShown = (page: Page) => page.locator('tbody tr:not(.spacer) td.email').allTextContents();

describe('bulk changes, as a plan', () => {
  it('turns a selection into a plan, shows it as a diff, applies it in order and shows each outcome', async () => {
    const setup = await setUp(browser);
    try {
      const { page, server } = setup;
      const [admin1, admin2] = server.store.listActive().filter((user) => user.accountType === 'ADMIN');
      const developer = server.store.listActive().find((user) => user.accountType === 'DEVELOPER')!;
      await page.getByLabel(`Select ${developer.email}`).check();
      await page.getByLabel(`Select ${admin2!.email}`).check();
      const bulk = page.getByRole('group', { name: 'Selected users' });
      await bulk.getByText('2 selected').waitFor();
      await bulk.getByLabel('New role').selectOption('ANALYST');
      await bulk.getByRole('button', { name: 'Plan role change…' }).click();
      const plan = page.getByRole('dialog', { name: 'Plan' });
      const lines = plan.getByRole('list', { name: 'Planned changes' }).getByRole('listitem');
      // The planner's order: the admin's demotion last.
      await expect(lines.allTextContents()).resolves.toEqual([
        `~ change role ${developer.email} DEVELOPER → ANALYST`,
        `~ change role ${admin2!.email} ADMIN → ANALYST`,
      ]);
      expect(mutationsSeen(server)).toEqual([]);
      await screenshot(page, 'plan');
      await plan.getByRole('button', { name: 'Apply 2 changes' }).click();
      await plan.getByText('Applied: 2 done.').waitFor();
      await expect(lines.filter({ hasText: '— done' }).count()).resolves.toBe(2);
      await screenshot(page, 'plan-applied');
      // The demotion of an admin comes after the other change.
      expect(mutationsSeen(server)).toEqual(['UpdateUserAccountType', 'UpdateUserAccountType']);
      const sent = server.requests.filter((request) => (request.body as { operationName?: string })?.operationName === 'UpdateUserAccountType');
      expect(sent.map((request) => (request.body as { variables: { uid: string } }).variables.uid)).toEqual([developer.uid, admin2!.uid]);
      expect(server.store.listActive().filter((user) => user.accountType === 'ANALYST').map((user) => user.uid).sort()).toEqual([developer.uid, admin2!.uid].sort());
      await plan.getByRole('button', { name: 'Close' }).click();
      // The page plans from the table it shows: wait for it to show the demotion (the refresh
      // after applying can lag on a loaded machine), or the next plan starts from stale rows.
      await page.waitForFunction(
        (email) => (document.querySelector<HTMLSelectElement>(`select[aria-label="Role of ${email}"]`)?.value ?? '') === 'ANALYST',
        admin2!.email,
      );
      // A plan that would leave no admin is refused before anything is sent.
      await page.getByLabel(`Select ${admin1!.email}`).check();
      await page.getByRole('group', { name: 'Selected users' }).getByRole('button', { name: 'Plan disable…' }).click();
      await page.getByRole('dialog', { name: 'Plan' }).getByText('Refused: this roster would leave the workspace with no enabled ADMIN', { exact: false }).waitFor();
      expect(await page.getByRole('dialog', { name: 'Plan' }).getByRole('button', { name: /^Apply/ }).isDisabled()).toBe(true);
      expect(mutationsSeen(server)).toEqual(['UpdateUserAccountType', 'UpdateUserAccountType']);
    } finally {
      await setup.close();
    }
  });
});

describe('a plan made against a workspace that changed since', () => {
  it('is refused on Apply, and nothing is sent', async () => {
    const setup = await setUp(browser);
    try {
      const { page, server } = setup;
      const developer = server.store.listActive().find((user) => user.accountType === 'DEVELOPER')!;
      await page.getByLabel(`Select ${developer.email}`).check();
      const bulk = page.getByRole('group', { name: 'Selected users' });
      await bulk.getByLabel('New role').selectOption('ANALYST');
      await bulk.getByRole('button', { name: 'Plan role change…' }).click();
      const plan = page.getByRole('dialog', { name: 'Plan' });
      await plan.getByRole('listitem').first().waitFor();
      // Somebody else invites a user meanwhile.
      server.store.invite('newcomer@example.com', 'ANALYST');
      await plan.getByRole('button', { name: 'Apply 1 change' }).click();
      await plan.getByText('The workspace changed since this plan was made: nothing was applied.', { exact: false }).waitFor();
      expect(mutationsSeen(server)).toEqual([]);
      expect(await plan.getByRole('button', { name: 'Apply 1 change' }).isDisabled()).toBe(true);
    } finally {
      await setup.close();
    }
  });
});

describe('errors shown for what they are', () => {
  it('waits out a rate-limit storm in the page, saying so, and sends each invitation once', async () => {
    const setup = await setUp(browser);
    try {
      const { page, server } = setup;
      await page.getByRole('button', { name: 'Invite…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite users' });
      const emails = ['a1@example.com', 'a2@example.com', 'a3@example.com', 'a4@example.com', 'a5@example.com'];
      server.resetRequests();
      server.faults.enqueue(...Array.from({ length: 8 }, () => ({ kind: 'rateLimit' as const, retryAfter: '0.3' })));
      await dialog.getByRole('textbox', { name: /One address per line/ }).fill(emails.map((email, i) => (i % 2 ? `${email},ANALYST` : email)).join('\n'));
      await dialog.getByRole('button', { name: 'Invite 5' }).click();
      await page.getByTestId('rate-limit-banner').first().waitFor();
      await screenshot(page, 'rate-limited');
      await dialog.getByText('5 invited, 0 failed.').waitFor();
      const invites = server.requests.filter((request) => (request.body as { operationName?: string })?.operationName === 'InviteUser');
      expect(invites.filter((request) => request.status === 429)).toHaveLength(8);
      const accepted = invites.filter((request) => request.status === 200).map((request) => (request.body as { variables: { email: string } }).variables.email);
      expect(accepted.sort()).toEqual(emails);
      expect(server.store.listInvited().filter((user) => emails.includes(user.email)).map((user) => [user.email, user.accountType]).sort()).toEqual(
        emails.map((email, i) => [email, i % 2 ? 'ANALYST' : 'DEVELOPER']),
      );
      await expect(page.getByTestId('rate-limit-banner').count()).resolves.toBe(0);
    } finally {
      await setup.close();
    }
  });

  it('gives up after six rate-limited attempts and says so; a permission refusal makes the page read-only', async () => {
    const setup = await setUp(browser);
    try {
      const { page, server } = setup;
      const user = server.store.listActive().find((candidate) => candidate.accountType === 'DEVELOPER')!;
      server.faults.enqueue(...Array.from({ length: 6 }, () => ({ kind: 'rateLimit' as const, retryAfter: '0.05' })));
      // A failed change is followed by one refresh of the list: ListUsers, and the disabled users' page.
      const refresh = { ListUsers: 1, ListUsersPage: 2 };
      let before = server.stats;
      await page.getByLabel(`Role of ${user.email}`).selectOption('BUSINESS');
      const limited = page.getByTestId('notice').filter({ hasText: 'RATE_LIMITED' });
      await limited.waitFor();
      expect(await limited.textContent()).toMatch(/^RATE_LIMITED: Rate limited in UpdateUserAccountType \(HTTP 429\).* The API is rate limiting: the page waited and retried, and gave up/);
      expect(server.requests.filter((request) => (request.body as { operationName?: string })?.operationName === 'UpdateUserAccountType').map((request) => request.status)).toEqual([429, 429, 429, 429, 429, 429]);
      expect(server.store.listActive().find((candidate) => candidate.uid === user.uid)?.accountType).toBe('DEVELOPER');

      // An API that answers ok: false changed nothing, and the page says so.
      await executed(server, before, refresh);
      server.faults.enqueue({ kind: 'okFalse' });
      before = server.stats;
      await page.getByLabel(`Role of ${user.email}`).selectOption('BUSINESS');
      await page.getByTestId('notice').filter({ hasText: 'OPERATION_FAILED: Operation failed in UpdateUserAccountType: the server answered ok: false' }).waitFor();
      expect(server.store.listActive().find((candidate) => candidate.uid === user.uid)?.accountType).toBe('DEVELOPER');

      // A key that turns out read-only (the API says FORBIDDEN): the message, and no more actions.
      await executed(server, before, { ...refresh, UpdateUserAccountType: 1 });
      server.faults.enqueue({ kind: 'graphqlError', code: 'FORBIDDEN', message: 'updateUserAccountType needs the User Management Admin capability' });
      await page.getByLabel(`Role of ${user.email}`).selectOption('ANALYST');
      const denied = page.getByTestId('notice').filter({ hasText: 'FORBIDDEN' });
      await denied.waitFor();
      expect(await denied.textContent()).toContain('Permission denied: these credentials are read-only (a viewer key).');
      await page.getByText('Read-only: viewer key').waitFor();
      expect(await page.getByRole('combobox', { name: /^Role of / }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Invite…' }).count()).toBe(0);
    } finally {
      await setup.close();
    }
  });

  it('shows the last-admin refusal and changes nothing', async () => {
    const setup = await setUp(browser);
    try {
      const { page, server } = setup;
      const [first, second] = server.store.listActive().filter((user) => user.accountType === 'ADMIN');
      await page.getByRole('button', { name: `Disable ${second!.email}` }).click();
      await page.getByRole('dialog', { name: `Disable ${second!.email}?` }).getByRole('button', { name: 'Disable' }).click();
      await page.getByTestId('notice').filter({ hasText: 'is disabled' }).waitFor();
      await page.getByLabel(`Role of ${first!.email}`).selectOption('DEVELOPER');
      const notice = page.getByTestId('notice').filter({ hasText: 'FAILED_PRECONDITION' });
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(/^FAILED_PRECONDITION: Refused by a workspace rule in UpdateUserAccountType \(HTTP 200\): .*admin.* The workspace must keep at least one enabled admin/i);
      await screenshot(page, 'last-admin');
      expect(server.store.listActive().find((user) => user.uid === first!.uid)?.accountType).toBe('ADMIN');
      // The select shows the role the user still has once the list is read again.
      await expect.poll(() => page.getByLabel(`Role of ${first!.email}`).inputValue()).toBe('ADMIN');
      // The disabled admin is listed (extension) and can be enabled again.
      await page.getByLabel('Status').selectOption('DISABLED');
      await expect.poll(() => rowsShown(page)).toEqual([second!.email]);
      await page.getByRole('button', { name: `Enable ${second!.email}` }).click();
      await page.getByTestId('notice').filter({ hasText: `${second!.email} is enabled.` }).waitFor();
      expect(server.store.listActive().some((user) => user.uid === second!.uid)).toBe(true);
    } finally {
      await setup.close();
    }
  });
});

describe('a core-only server', () => {
  it('offers no extension-only action, and resends an invitation by inviting again', async () => {
    const setup = await setUp(browser, { server: { mode: 'core' } });
    try {
      const { page, server } = setup;
      await page.getByText('Core API only').waitFor();
      expect(await page.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Enable/ }).count()).toBe(0);
      expect(await page.getByLabel('Status').locator('option').allTextContents()).toEqual(['All', 'Active', 'Invited']);
      const invited = server.store.listInvited()[0]!;
      await page.getByRole('button', { name: `Resend the invitation to ${invited.email}` }).click();
      await page.getByTestId('notice').filter({ hasText: `The invitation to ${invited.email} was sent again.` }).waitFor();
      expect(mutationsSeen(server)).toEqual(['InviteUser']);
      await page.getByLabel(`Select ${invited.email}`).check();
      const bulk = page.getByRole('group', { name: 'Selected users' });
      expect(await bulk.getByRole('button').allTextContents()).toEqual(['Plan role change…', 'Plan disable…', 'Plan resend…', 'Clear selection']);
      await screenshot(page, 'core-only');
    } finally {
      await setup.close();
    }
  });
});
