// Opening the page in the user's browser, with the machine it runs on passed in, so that every
// branch (a Linux box without a display above all) is tested on any platform.
import type { ChildProcess } from 'node:child_process';

// How long an opener (xdg-open, open, start) may take to fail before we take it as started.
const OPENER_GRACE_MS = 2_000;

/** The machine the studio runs on, as far as opening a browser goes. */
export interface BrowserHost {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Starts the system's opener for a URL (the `open` package by default). */
  readonly opener: (url: string) => Promise<ChildProcess>;
}

/** This machine, with the `open` package as the opener. */
export const thisHost = (): BrowserHost => ({
  platform: process.platform,
  env: process.env,
  opener: async (url) => (await import('open')).default(url),
});

/**
 * Opens `url`: `true` with the system's opener, a function by calling it. Resolves whether a
 * browser was opened; never throws (the URL can still be opened by hand).
 */
export async function openBrowser(url: string, open: boolean | ((url: string) => Promise<unknown>) | undefined, host: BrowserHost = thisHost()): Promise<boolean> {
  if (open === undefined || open === false) return false;
  try {
    if (open !== true) {
      await open(url);
      return true;
    }
    // A Linux machine without a display (a server, a container, CI) has no browser to open.
    if (host.platform === 'linux' && !host.env.DISPLAY && !host.env.WAYLAND_DISPLAY) return false;
    const child = await host.opener(url);
    // The opener hands the URL to the browser and exits 0; without a browser it exits non-zero.
    return await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(true), OPENER_GRACE_MS);
      timer.unref();
      child.once('error', () => resolve(false));
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code === 0);
      });
    });
  } catch {
    return false;
  }
}
