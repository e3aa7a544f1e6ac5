// axe-core injected into the page in Chromium (not @axe-core/playwright: its current major
// wants Node 22), over the main views; and the main flow done with the keyboard alone.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, mutationsSeen, setUp } from './harness.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** Runs axe in the page. Evaluated through the DevTools protocol, so the page's CSP does not apply to it. */
async function violations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, {});
    // An axe that checked nothing would pass anything: it must have run its rules.
    if ((result as unknown as { passes: unknown[] }).passes.length < 10) throw new Error('axe ran almost no rule');
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

const serious = (found: readonly Violation[]) => found.filter((v) => v.impact === 'serious' || v.impact === 'critical');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility', () => {
  it('has no serious or critical axe violation on the table, the invite form, a plan and the read-only page', async () => {
    const setup = await setUp(browser);
    try {
      const { page, server } = setup;
      expect(serious(await violations(page))).toEqual([]);
      await page.getByRole('button', { name: 'Invite…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite users' });
      await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
      await dialog.getByRole('alert').first().waitFor();
      expect(serious(await violations(page))).toEqual([]);
      await dialog.getByRole('button', { name: 'Close' }).click();
      const user = server.store.listActive().find((candidate) => candidate.accountType === 'DEVELOPER')!;
      await page.getByLabel(`Select ${user.email}`).check();
      await page.getByRole('button', { name: 'Plan role change…' }).click();
      await page.getByRole('dialog', { name: 'Plan' }).waitFor();
      expect(serious(await violations(page))).toEqual([]);
    } finally {
      await setup.close();
    }
    const viewer = await setUp(browser, { credentials: EXAMPLE_CREDENTIALS.viewer });
    try {
      // A viewer key's page turns read-only on its first refused change.
      const user = viewer.server.store.listActive().find((candidate) => candidate.accountType === 'DEVELOPER')!;
      await viewer.page.getByLabel(`Role of ${user.email}`).selectOption('ANALYST');
      await viewer.page.getByText('Read-only: viewer key').waitFor();
      expect(serious(await violations(viewer.page))).toEqual([]);
    } finally {
      await viewer.close();
    }
  });

  it('works from the keyboard: search, open the invite form, invite, close it with Escape', async () => {
    const setup = await setUp(browser);
    try {
      const { page, server } = setup;
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
      await page.keyboard.type('MATT');
      await expect.poll(() => page.locator('tbody tr:not(.spacer) td.email').allTextContents()).toEqual(['matt@acme.io']);
      // Search, role, status, then the Invite button.
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Invite…');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Invite users' });
      await dialog.waitFor();
      // The email field has the focus inside the modal.
      await page.keyboard.type('keys@example.com');
      await page.keyboard.press('Enter');
      await dialog.getByText('Invitation sent.').waitFor();
      expect(mutationsSeen(server)).toEqual(['InviteUser']);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Invite…');

      // Into the table: Tab to a row's Disable button, confirm from the keyboard too.
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
      for (let i = 0; i < 20 && (await focused()) !== 'Disable matt@acme.io'; i += 1) await page.keyboard.press('Tab');
      expect(await focused()).toBe('Disable matt@acme.io');
      await page.keyboard.press('Enter');
      const confirm = page.getByRole('dialog', { name: 'Disable matt@acme.io?' });
      await confirm.waitFor();
      expect(await focused()).toBe('Cancel');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByTestId('notice').filter({ hasText: 'matt@acme.io is disabled.' }).waitFor();
      expect(mutationsSeen(server)).toEqual(['InviteUser', 'DisableUser']);
    } finally {
      await setup.close();
    }
  });
});
