// The per-launch token and the session cookie. The token travels once, in the URL the
// studio prints and opens (as Jupyter's does), and is taken once; the page then lives on an HttpOnly,
// SameSite=Strict cookie, so neither scripts nor other sites can read or send it.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Compares two secrets in constant time (their digests have the same length whatever the input). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** A fresh random value for a token or a session: 256 bits, URL-safe. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** The launch token and the session it is exchanged for, with the cookie's name for this port. */
export class StudioSessionKeys {
  /** The token of the URL the studio opens. */
  readonly launchToken = randomToken();
  /** The cookie's value once the token was exchanged. */
  readonly #session = randomToken();
  /**
   * Cookies are shared by every port of a host: a name per port keeps two studios (or a
   * studio and another local app) from overwriting each other's cookie.
   */
  readonly cookieName: string;

  constructor(port: number) {
    this.cookieName = `roster_studio_${port}`;
  }

  /** The `Set-Cookie` value that opens a session. */
  cookie(): string {
    return `${this.cookieName}=${this.#session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** True when the request carries this launch's session cookie. */
  hasSession(request: IncomingMessage): boolean {
    const header = request.headers.cookie ?? '';
    for (const part of header.split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name === this.cookieName && sameSecret(rest.join('='), this.#session)) return true;
    }
    return false;
  }

  #launchTokenUsed = false;

  /**
   * Exchanges the launch token for the session, once: `'ok'` the first time, `'used'` for the
   * right token afterwards, `'wrong'` for any other value. A link that opens the page only once
   * is worth nothing from a browser's history, a shell's scrollback or a log once the user is in.
   */
  exchangeLaunchToken(token: string): 'ok' | 'used' | 'wrong' {
    if (!sameSecret(token, this.launchToken)) return 'wrong';
    if (this.#launchTokenUsed) return 'used';
    this.#launchTokenUsed = true;
    return 'ok';
  }
}
