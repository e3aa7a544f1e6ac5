import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, mutationsSeen, screenshot, setUp, type ReceivedBody } from './harness.js';

/** The bodies the browser received from the studio, by what they are; anything else fails the count. */
function countByKind(bodies: readonly ReceivedBody[], origin: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const body of bodies) {
    const url = new URL(body.url);
    const kind =
      url.origin !== origin ? `foreign ${body.url}`
      : url.pathname === '/' && body.type === 'document' ? 'page'
      : url.pathname === '/api/session' ? 'session'
      : url.pathname === '/graphql' ? 'graphql'
      : body.type === 'script' || body.type === 'stylesheet' ? body.type
      : `other ${body.url}`;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Roster Studio in Chromium, against the reference server', () => {
  it('lists every user of the example workspace, and searches, filters and sorts', async () => {
    const setup = await setUp(browser);
    try {
      const { page, server } = setup;
      const active = server.store.listActive();
      const invited = server.store.listInvited();
      await expect.poll(() => page.locator('tbody tr:not(.spacer)').count()).toBe(active.length + invited.length);
      for (const user of [...active, ...invited]) await expect(page.getByRole('cell', { name: user.email, exact: true }).count()).resolves.toBe(1);
      await screenshot(page, 'list');

      const first = active[0]!;
      await page.getByRole('searchbox', { name: 'Search' }).fill(first.email.slice(0, 4).toUpperCase());
      await expect.poll(() => page.locator('tbody tr:not(.spacer) td.email').allTextContents()).toEqual(
        [...active, ...invited].map((user) => user.email).filter((email) => email.toLowerCase().includes(first.email.slice(0, 4).toLowerCase())).sort(),
      );
      await page.getByRole('searchbox', { name: 'Search' }).fill('');
      await page.getByLabel('Status').selectOption('INVITED');
      await expect.poll(() => page.locator('tbody tr:not(.spacer) td.email').allTextContents()).toEqual(invited.map((user) => user.email).sort());
      await page.getByLabel('Status').selectOption('');
      await page.getByRole('button', { name: /^Email/ }).click();
      const descending = await page.locator('tbody tr:not(.spacer) td.email').allTextContents();
      expect(descending).toEqual([...descending].sort().reverse());
      expect(await page.getByRole('columnheader', { name: /Email/ }).getAttribute('aria-sort')).toBe('descending');
      // Everything the browser received (the page, its script, every GraphQL answer) holds no credential.
      // Polled: the last answers may still be on their way to the page.
      await expect.poll(async () => (await setup.bodies()).length).toBe(setup.answeredRequests());
      const bodies = await setup.bodies();
      // One load of the page, its script, stylesheet and session; the first listing (ListUsers and
      // the disabled users): search, filters and sorts are answered locally.
      expect(countByKind(bodies, setup.studio.origin)).toEqual({ page: 1, script: 1, stylesheet: 1, session: 1, graphql: 2 });
      expect(bodies.filter((body) => body.type === 'script').every((body) => body.text.includes('createRoot'))).toBe(true);
      const everything = [...setup.headers, ...bodies.map((body) => body.text), await page.content()].join('\n');
      expect(everything).not.toContain(EXAMPLE_CREDENTIALS.admin.apiSecret);
      expect(everything).not.toContain(EXAMPLE_CREDENTIALS.admin.apiKey);
      // The page runs under its strict CSP without a single violation or error.
      expect(setup.consoleErrors).toEqual([]);
    } finally {
      await setup.close();
    }
  });

  it('invites, changes a role inline and disables after a confirmation', async () => {
    const setup = await setUp(browser);
    try {
      const { page, server } = setup;
      await page.getByRole('button', { name: 'Invite…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite users' });
      await dialog.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
      await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
      await expect(dialog.getByRole('alert').first().textContent()).resolves.toBe("email must be an email address like name@example.com, got 'not-an-email'");
      expect(mutationsSeen(server)).toEqual([]);
      await dialog.getByRole('textbox', { name: 'Email' }).fill('grace@example.com');
      await dialog.getByRole('combobox', { name: 'Role' }).selectOption('ANALYST');
      await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
      await dialog.getByText('Invitation sent.').waitFor();
      await screenshot(page, 'invite');
      await dialog.getByRole('button', { name: 'Close' }).click();
      expect(server.store.listInvited().find((user) => user.email === 'grace@example.com')?.accountType).toBe('ANALYST');
      await page.getByRole('cell', { name: 'grace@example.com', exact: true }).waitFor();

      const target = server.store.listActive().find((user) => user.accountType !== 'ADMIN')!;
      await page.getByLabel(`Role of ${target.email}`).selectOption('BUSINESS');
      await page.getByTestId('notice').filter({ hasText: `${target.email} is now BUSINESS.` }).waitFor();
      expect(server.store.listActive().find((user) => user.uid === target.uid)?.accountType).toBe('BUSINESS');

      await page.getByRole('button', { name: `Disable ${target.email}` }).click();
      const confirm = page.getByRole('dialog', { name: `Disable ${target.email}?` });
      await screenshot(page, 'confirm-disable');
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      expect(mutationsSeen(server).filter((name) => name === 'DisableUser')).toEqual([]);
      await page.getByRole('button', { name: `Disable ${target.email}` }).click();
      await confirm.getByRole('button', { name: 'Disable' }).click();
      await page.getByTestId('notice').filter({ hasText: `${target.email} is disabled.` }).waitFor();
      expect(server.store.listActive().some((user) => user.uid === target.uid)).toBe(false);
      // The user's own changes and nothing else: no mutation is sent to find out what the key may do.
      expect(mutationsSeen(server)).toEqual(['InviteUser', 'UpdateUserAccountType', 'DisableUser']);
    } finally {
      await setup.close();
    }
  });

  it('invites everyone of a CSV file, after showing what is wrong in it', async () => {
    const setup = await setUp(browser);
    try {
      const { page, server } = setup;
      await page.getByRole('button', { name: 'Invite…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite users' });
      const file = dialog.getByLabel(/Or a CSV file/);
      const csv = (rows: string[]) => ({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFFE-mail,Name,Role\r\n${rows.join('\r\n')}\r\n`) });
      await file.setInputFiles(csv(['ann@example.com,"Ann, A.",analyst', 'bad-address,Bad,ADMIN', 'ben@example.com,Ben,']));
      await dialog.getByText("line 3: email must be an email address like name@example.com, got 'bad-address'").waitFor();
      expect(await dialog.getByRole('button', { name: 'Invite 2' }).isDisabled()).toBe(true);
      await file.setInputFiles(csv(['ann@example.com,"Ann, A.",analyst', 'ben@example.com,Ben,']));
      await dialog.getByRole('button', { name: 'Invite 2' }).click();
      await dialog.getByText('2 invited, 0 failed.').waitFor();
      expect(mutationsSeen(server)).toEqual(['InviteUser', 'InviteUser']);
      const invited = new Map(server.store.listInvited().map((user) => [user.email, user.accountType]));
      expect([invited.get('ann@example.com'), invited.get('ben@example.com')]).toEqual(['ANALYST', 'DEVELOPER']);
    } finally {
      await setup.close();
    }
  });

  it('refuses another local page, though the browser counts it as the same site', async () => {
    const setup = await setUp(browser);
    try {
      const { context, server, studio } = setup;
      // Another app on 127.0.0.1 (here: the reference server's port) is same-site for the
      // cookie, so SameSite alone would not keep it out: the Origin check does.
      const other = await context.newPage();
      await other.goto(server.url.replace('/graphql', '/elsewhere'));
      const graphql = () => server.requests.filter((request) => request.path === '/graphql').length;
      const before = graphql();
      const answers = await other.evaluate(async (target) => {
        const mutation = JSON.stringify({ query: 'mutation InviteUser($email: String!, $accountType: UserAccountType!) { inviteUser(email: $email, accountType: $accountType) { ok } }', variables: { email: 'evil@example.com', accountType: 'ADMIN' } });
        const json = await fetch(`${target}/graphql`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: mutation }).then((r) => r.status, () => 'blocked');
        const simple = await fetch(`${target}/graphql`, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: mutation }).then((r) => r.type, () => 'blocked');
        return { json, simple };
      }, studio.origin);
      // The JSON request needs a preflight the studio does not grant; the simple one reaches it
      // and is refused on its Origin and content type (its answer is then hidden from the page).
      expect(answers.json).toBe('blocked');
      expect(['blocked', 'opaque']).toContain(answers.simple);
      expect(graphql()).toBe(before);
      expect(server.store.listInvited().some((user) => user.email === 'evil@example.com')).toBe(false);
    } finally {
      await setup.close();
    }
  });

  it('gives a viewer key a read-only page after its first refusal, and the secret reaches the browser nowhere', async () => {
    const setup = await setUp(browser, { credentials: EXAMPLE_CREDENTIALS.viewer });
    try {
      const { page, server } = setup;
      // Nothing was asked of the API but reads: the page offers every action until one is refused.
      await page.getByText('Access checked on the first change').waitFor();
      expect(mutationsSeen(server)).toEqual([]);
      const user = server.store.listActive().find((candidate) => candidate.accountType === 'DEVELOPER')!;
      await page.getByLabel(`Role of ${user.email}`).selectOption('ANALYST');
      await page.getByTestId('notice').filter({ hasText: 'FORBIDDEN' }).waitFor();
      await page.getByText('Read-only: viewer key').waitFor();
      expect(mutationsSeen(server)).toEqual(['UpdateUserAccountType']);
      expect(server.store.listActive().find((candidate) => candidate.uid === user.uid)?.accountType).toBe('DEVELOPER');
      // Every answer of the first load is in (the refresh after the refusal too), so a reload aborts nothing.
      await expect.poll(async () => (await setup.bodies()).length).toBe(setup.answeredRequests());
      // The studio server remembers the refusal: a reload is read-only from the start.
      await page.reload();
      await page.getByTestId('summary').filter({ hasText: /shown of/ }).waitFor();
      await page.getByText('Read-only: viewer key').waitFor();
      expect(await page.getByRole('button', { name: 'Invite…' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Disable / }).count()).toBe(0);
      expect(await page.getByRole('combobox', { name: /^Role of / }).count()).toBe(0);
      expect(await page.locator('tbody tr:not(.spacer)').count()).toBe(server.store.listActive().length + server.store.listInvited().length);
      expect(mutationsSeen(server)).toEqual(['UpdateUserAccountType']);
      await screenshot(page, 'viewer');
      // Polled: the last answers may still be on their way to the page.
      await expect.poll(async () => (await setup.bodies()).length).toBe(setup.answeredRequests());
      const bodies = await setup.bodies();
      // Two loads of the page, each with its script, stylesheet and session; the GraphQL answers:
      // two listings (ListUsers and the disabled users), the refused change and the refresh after it.
      expect(countByKind(bodies, setup.studio.origin)).toEqual({ page: 2, script: 2, stylesheet: 2, session: 2, graphql: expect.any(Number) as number });
      expect(countByKind(bodies, setup.studio.origin).graphql).toBeGreaterThanOrEqual(7);
      const everything = [...setup.headers, ...bodies.map((body) => body.text), await page.content()].join('\n');
      expect(everything).not.toContain(EXAMPLE_CREDENTIALS.viewer.apiSecret);
      expect(everything).not.toContain(EXAMPLE_CREDENTIALS.viewer.apiKey);
    } finally {
      await setup.close();
    }
  });

  it('turns the whole page read-only when the invite form is refused, without a reload', async () => {
    const setup = await setUp(browser, { credentials: EXAMPLE_CREDENTIALS.viewer });
    try {
      const { page, server } = setup;
      await page.getByRole('button', { name: 'Invite…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite users' });
      await dialog.getByRole('textbox', { name: 'Email' }).fill('grace@example.com');
      await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
      await page.getByText('Read-only: viewer key').waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      expect(await page.getByRole('button', { name: 'Invite…' }).count()).toBe(0);
      expect(await page.getByRole('combobox', { name: /^Role of / }).count()).toBe(0);
      expect(mutationsSeen(server)).toEqual(['InviteUser']);
      expect(server.store.listInvited().some((user) => user.email === 'grace@example.com')).toBe(false);
    } finally {
      await setup.close();
    }
  });
});
