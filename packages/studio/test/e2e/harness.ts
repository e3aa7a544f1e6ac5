// Shared set-up of the end-to-end tests: the reference server over HTTP, a studio in front
// of it, and Debian's Chromium driven by playwright-core.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLE_CREDENTIALS, startServer, type RosterServer, type ServerOptions, type ServerStats } from '@roster/fixtures';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startStudio, type StudioServer } from '../../src/index.js';

/** Where screenshots go (gitignored), for a reviewer to look at. */
export const OUTPUT_DIR = path.resolve(import.meta.dirname, '../../test-output');
/** Debian's Chromium: the test tool's own browser download does not work on these machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches Chromium headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'], headless: true });
}

/** One response body the browser received. */
export interface ReceivedBody {
  readonly url: string;
  /** Playwright's resource type: `document`, `script`, `stylesheet`, `fetch`… */
  readonly type: string;
  readonly text: string;
}

/** A reference server, a studio in front of it with the given credentials, and a page with its session. */
export interface Setup {
  readonly server: RosterServer;
  readonly studio: StudioServer;
  readonly context: BrowserContext;
  readonly page: Page;
  /** The URL and headers of every response the browser received, redirects included. */
  readonly headers: string[];
  /** How many requests of the page got a response with a body: not redirected, not given up on (an aborted fetch has none). */
  answeredRequests(): number;
  /** Every response body the browser received (redirects have none), once all were read. */
  bodies(): Promise<ReceivedBody[]>;
  /** The errors the page logged (a CSP violation would be one). */
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

/** Starts everything and opens the studio's URL; resolves once the table shows its first rows. */
export async function setUp(
  browser: Browser,
  options: { server?: ServerOptions; credentials?: { apiKey: string; apiSecret: string }; wait?: boolean } = {},
): Promise<Setup> {
  const server = await startServer(options.server ?? {});
  const credentials = options.credentials ?? EXAMPLE_CREDENTIALS.admin;
  const studio = await startStudio({ credentials: { apiEndpoint: server.url, ...credentials, retry: { baseDelayMs: 1, maxDelayMs: 5 } } });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const headers: string[] = [];
  const bodies: Promise<ReceivedBody>[] = [];
  let requested = 0;
  let failed = 0;
  let redirected = 0;
  page.on('request', () => (requested += 1));
  page.on('requestfailed', () => (failed += 1));
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('response', (response) => {
    headers.push(`${response.url()}\n${JSON.stringify(response.headers())}`);
    if (response.status() >= 300 && response.status() < 400) {
      redirected += 1;
      return;
    }
    // Read at once (the browser may drop a body after a navigation); a body that cannot be
    // read fails bodies(), so no response goes unchecked.
    const body = response.text().then((text) => ({ url: response.url(), type: response.request().resourceType(), text }));
    // A test that never asks for the bodies closes the page under them: not an unhandled rejection.
    body.catch(() => undefined);
    bodies.push(body);
  });
  await page.goto(studio.url);
  if (options.wait !== false) await page.getByTestId('summary').filter({ hasText: /shown of/ }).waitFor();
  return {
    server,
    studio,
    context,
    page,
    headers,
    answeredRequests: () => requested - failed - redirected,
    bodies: () => Promise.all(bodies),
    consoleErrors,
    close: async () => {
      await context.close();
      await studio.close();
      await server.close();
    },
  };
}

/** Saves a screenshot under the test output folder. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

type Body = { operationName?: string; query?: string } | undefined;

/** Every mutation the reference server received, by operation name, in order. */
export function mutationsSeen(server: RosterServer): string[] {
  return server.requests
    .map((request) => request.body as Body)
    .filter((body) => typeof body?.query === 'string' && body.query.trimStart().startsWith('mutation'))
    .map((body) => body?.operationName ?? '');
}

/**
 * Resolves once the reference server has executed, since `since` (a `server.stats` snapshot),
 * at least `more` operations of each name: the requests an action of the page leads to have
 * all arrived, so a fault queued next is taken by the next request the test causes. Counted by
 * the server's stats, not its request log (which keeps only the last entries).
 */
export async function executed(server: RosterServer, since: ServerStats, more: Readonly<Record<string, number>>): Promise<void> {
  const seen = () => Object.fromEntries(Object.keys(more).map((name) => [name, (server.stats.operations[name] ?? 0) - (since.operations[name] ?? 0)]));
  await expect.poll(seen, { timeout: 30_000, interval: 20 }).toEqual(more);
}
