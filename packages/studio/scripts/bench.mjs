#!/usr/bin/env node
/* global process, console, performance, window, document, MutationObserver, PerformanceObserver, requestAnimationFrame, setTimeout */
// `pnpm --filter @roster/studio bench`: Roster Studio's performance, measured in Debian's
// Chromium against the reference server (figures printed, never asserted):
//   1. the JavaScript the first page loads, gzipped (budget: 150 kB);
//   2. a 10,000-user table: from the arrival of its data to rows on screen, and to the first
//      frame after it (the page can take input again) (target: 300 ms);
//   3. typing in the search box over 100,000 users: the longest frame and the frames over
//      50 ms while typing (target: every frame under 50 ms); then scrolling those rows.
// Needs the package built (`pnpm --filter @roster/studio build`). Run with `--json` to print
// the figures as JSON only.
import { gzipSync } from 'node:zlib';
import { EXAMPLE_CREDENTIALS, startServer } from '@roster/fixtures';
import { chromium } from 'playwright-core';
import { startStudio } from '../dist/index.js';

const json = process.argv.includes('--json');
const log = (line) => json || console.log(line);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const started = performance.now();

// Runs in the page before its own scripts (an init script: the page's CSP does not apply).
// It notes when the summary line first counts the users, then when the next frame has run.
const probe = () => {
  const marks = (window.__bench = { frames: [] });
  const observer = new MutationObserver(() => {
    const summary = document.querySelector('[data-testid="summary"]');
    if (marks.rendered === undefined && summary && /shown of [1-9]/.test(summary.textContent ?? '') && document.querySelector('tbody tr:not(.spacer)')) {
      marks.rendered = performance.now();
      requestAnimationFrame(() => setTimeout(() => (marks.interactive = performance.now())));
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) marks.frames.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No Long Animation Frames API: the rAF gaps below still tell.
  }
};

async function open(browser, users) {
  const server = await startServer({ users });
  const studio = await startStudio({ credentials: { apiEndpoint: server.url, ...EXAMPLE_CREDENTIALS.admin } });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(probe);
  const scripts = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.push({ url: response.url(), body: await response.body() });
  });
  await page.goto(studio.url);
  await page.waitForFunction(() => window.__bench.interactive !== undefined, undefined, { timeout: 120_000 });
  const close = async () => {
    await context.close();
    await studio.close();
    await server.close();
  };
  return { page, scripts, close };
}

/** When the largest GraphQL answer (the user list) finished arriving, from Resource Timing. */
const dataArrived = (page) =>
  page.evaluate(() => {
    const entries = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/graphql'));
    entries.sort((a, b) => b.encodedBodySize - a.encodedBodySize);
    return { at: entries[0].responseEnd, bytes: entries[0].encodedBodySize };
  });

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'], headless: true });
const figures = {};
try {
  // 1 and 2: the first page with 10,000 users.
  {
    const { page, scripts, close } = await open(browser, 10_000 - 3);
    const js = scripts.reduce((sum, script) => sum + gzipSync(script.body).length, 0);
    figures.firstPageJsGzipBytes = js;
    log(`first page JavaScript: ${(js / 1024).toFixed(1)} kB gzipped in ${scripts.length} file(s) (budget 150 kB)`);
    const data = await dataArrived(page);
    const marks = await page.evaluate(() => window.__bench);
    figures.table10k = { dataBytes: data.bytes, renderedMs: marks.rendered - data.at, interactiveMs: marks.interactive - data.at };
    const rows = await page.locator('tbody tr:not(.spacer)').count();
    log(
      `10,000-user table: ${(data.bytes / 1e6).toFixed(2)} MB of data; rows on screen ${figures.table10k.renderedMs.toFixed(0)} ms after it arrived, ` +
        `next frame at ${figures.table10k.interactiveMs.toFixed(0)} ms (target 300 ms); ${rows} rows in the DOM`,
    );
    await close();
  }
  // 3: typing over 100,000 users.
  {
    const { page, close } = await open(browser, 100_000 - 3);
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.focus();
    await page.evaluate(() => {
      const bench = window.__bench;
      bench.frames = [];
      bench.gaps = [];
      let last = performance.now();
      const tick = (now) => {
        bench.gaps.push(now - last);
        last = now;
        if (!bench.stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const text = 'june gupta 42';
    const typing = performance.now();
    await page.keyboard.type(text, { delay: 80 });
    await page.waitForFunction(() => {
      const [, shown, total] = /^(\d+) shown of (\d+)/.exec(document.querySelector('[data-testid="summary"]')?.textContent ?? '') ?? [];
      return shown !== undefined && shown !== total;
    });
    await page.waitForTimeout(300);
    const typedMs = performance.now() - typing;
    const result = await page.evaluate(() => {
      window.__bench.stop = true;
      return { gaps: window.__bench.gaps, loaf: window.__bench.frames.map((f) => f.duration) };
    });
    const gaps = result.gaps.slice(1).sort((a, b) => a - b);
    const p95 = gaps[Math.floor(gaps.length * 0.95)] ?? 0;
    figures.search100k = {
      keystrokes: text.length,
      frames: gaps.length,
      longestFrameMs: gaps.at(-1) ?? 0,
      p95FrameMs: p95,
      framesOver50Ms: gaps.filter((gap) => gap > 50).length,
      longAnimationFramesMs: result.loaf,
      shown: await page.getByTestId('summary').textContent(),
    };
    log(
      `search over 100,000 users, ${text.length} keystrokes in ${(typedMs / 1000).toFixed(1)} s: ${gaps.length} frames, longest ${figures.search100k.longestFrameMs.toFixed(1)} ms, ` +
        `p95 ${p95.toFixed(1)} ms, ${figures.search100k.framesOver50Ms} over 50 ms (target: none); long animation frames: ${result.loaf.map((d) => d.toFixed(0)).join(", ") || "none"}; then "${figures.search100k.shown}"`,
    );
    // Scrolling the 100,000 rows: a fast fling of the mouse wheel over the table (400 px, about
    // nine rows, every 16 ms), then jumps of a screenful and more.
    await search.fill('');
    await page.waitForFunction(() => /^(\d+) shown of \1:/.test(document.querySelector('[data-testid="summary"]')?.textContent ?? ''));
    await page.evaluate(() => {
      const bench = window.__bench;
      bench.gaps = [];
      bench.stop = false;
      let last = performance.now();
      const tick = (now) => {
        bench.gaps.push(now - last);
        last = now;
        if (!bench.stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.getByTestId('table-scroller').hover();
    for (let i = 0; i < 100; i += 1) {
      await page.mouse.wheel(0, i < 80 ? 400 : 2_000);
      await page.waitForTimeout(16);
    }
    const scrolled = await page.evaluate(() => {
      window.__bench.stop = true;
      return { gaps: window.__bench.gaps, top: document.querySelector('[data-testid="table-scroller"]').scrollTop, rows: document.querySelectorAll('tbody tr:not(.spacer)').length };
    });
    const scrollGaps = scrolled.gaps.slice(1).sort((a, b) => a - b);
    figures.scroll100k = {
      frames: scrollGaps.length,
      longestFrameMs: scrollGaps.at(-1) ?? 0,
      framesOver50Ms: scrollGaps.filter((gap) => gap > 50).length,
      scrolledPx: scrolled.top,
      rowsInDom: scrolled.rows,
    };
    log(
      `scrolling 100,000 rows by ${(scrolled.top / 1000).toFixed(0)},000 px: ${scrollGaps.length} frames, longest ${figures.scroll100k.longestFrameMs.toFixed(1)} ms, ` +
        `${figures.scroll100k.framesOver50Ms} over 50 ms; ${scrolled.rows} rows in the DOM`,
    );
    await close();
  }
} finally {
  await browser.close();
}
figures.wallSeconds = (performance.now() - started) / 1000;
if (json) console.log(JSON.stringify(figures, null, 2));
else log(`(${figures.wallSeconds.toFixed(1)} s)`);
