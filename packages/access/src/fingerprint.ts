import type { LiveState, LiveUser } from './model.js';

// A hand-written digest rather than SHA-256: the planner must run unchanged in a browser,
// where WebCrypto's digest is asynchronous (and needs a secure context), and Node's crypto
// does not exist. The fingerprint detects change, it does not resist an attacker: each user
// gets four independent 32-bit multiply-xorshift lanes (128 bits), and the users' digests
// are added lane by lane, so the order in which a server lists users does not matter and no
// sort of 100,000 lines is needed (addition, unlike xor, does not cancel a repeated line).
const SEEDS = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f] as const;

/** Hashes one user's line field by field, without building it (100,000 strings less). */
class LineHash {
  h1 = 0;
  h2 = 0;
  h3 = 0;
  h4 = 0;

  start(): void {
    [this.h1, this.h2, this.h3, this.h4] = SEEDS;
  }

  char(c: number): void {
    this.h1 = Math.imul(this.h1 ^ c, 2654435761);
    this.h2 = Math.imul(this.h2 ^ c, 1597334677);
    this.h3 = Math.imul(this.h3 ^ c, 2246822507);
    this.h4 = Math.imul(this.h4 ^ c, 3266489909);
  }

  /**
   * Hashes the characters of `text`; with `asciiOnly`, ASCII letters folded to lower case and
   * stopping at the first character beyond ASCII. Returns where it stopped. What `char` does
   * per character, with the lanes in locals: a large workspace hashes millions of
   * characters, and this runs while the listing waits.
   */
  chars(text: string, asciiOnly: boolean): number {
    let { h1, h2, h3, h4 } = this;
    let i = 0;
    for (; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (asciiOnly) {
        if (c > 127) break;
        if (c >= 65 && c <= 90) c += 32;
      }
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
      h3 = Math.imul(h3 ^ c, 2246822507);
      h4 = Math.imul(h4 ^ c, 3266489909);
    }
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.h4 = h4;
    return i;
  }

  /** A field and its separator (a tab, which no field holds). */
  field(text: string): void {
    this.chars(text, false);
    this.char(9);
  }

  /** An address, ignoring case: ASCII folded as it is hashed, anything else by toLowerCase. */
  email(text: string): void {
    const ascii = this.chars(text, true);
    // Rare: the rest of the address, from its first character beyond ASCII, folded properly.
    if (ascii < text.length) this.chars(text.slice(ascii).toLowerCase(), false);
    this.char(9);
  }

  /** Final mixing, so that lines differing in one character differ in every bit; written at `out[at..at+3]`. */
  digestInto(out: Uint32Array | number[], at: number): void {
    const { h1, h2, h3, h4 } = this;
    out[at] = (Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)) >>> 0;
    out[at + 1] = (Math.imul(h2 ^ (h2 >>> 16), 2654435761) ^ Math.imul(h3 ^ (h3 >>> 13), 1597334677)) >>> 0;
    out[at + 2] = (Math.imul(h3 ^ (h3 >>> 16), 3266489909) ^ Math.imul(h4 ^ (h4 >>> 13), 2246822507)) >>> 0;
    out[at + 3] = (Math.imul(h4 ^ (h4 >>> 16), 1597334677) ^ Math.imul(h1 ^ (h1 >>> 13), 2654435761)) >>> 0;
  }

  /** The digest of one user's line. */
  user(user: LiveUser, out: Uint32Array | number[], at: number): void {
    this.start();
    this.email(user.email);
    this.field(user.status);
    this.field(user.role);
    this.field(user.inviteStatus ?? '');
    this.field(user.uid ?? '');
    if (user.groups === null) this.field('-');
    else for (const group of user.groups) this.field(group);
    this.digestInto(out, at);
  }
}

// Digests computed while a listing waited on the server (see DigestRecorder), by the users
// array they describe. A LiveState is not changed after it is read; the length check catches
// an array grown since.
const RECORDED = new WeakMap<readonly LiveUser[], readonly number[]>();

/**
 * Computes each user's digest as the user is read, so that the fingerprint of a large
 * workspace costs a sum once the last page has arrived. Used by `readLiveState`.
 */
export class DigestRecorder {
  readonly #hash = new LineHash();
  readonly #digests: number[] = [];

  /** Records the digest of the next user of the listing. */
  add(user: LiveUser): void {
    this.#hash.user(user, this.#digests, this.#digests.length);
  }

  /** Attaches the digests to the finished users array. */
  finish(users: readonly LiveUser[]): void {
    if (this.#digests.length === users.length * 4) RECORDED.set(users, this.#digests);
  }
}

/**
 * A digest of what a plan depends on in a live workspace: every user's address, status,
 * role, invitation status, uid and groups (not names nor timestamps), and whether the server
 * has the extension. Users matched by `isIgnored` are left out, as the plan leaves them out.
 * The order in which the server lists users does not matter.
 */
export function fingerprintOf(live: LiveState, isIgnored: (email: string) => boolean = () => false): string {
  const sums = new Uint32Array(4);
  const one = new Uint32Array(4);
  const hash = new LineHash();
  const recorded = RECORDED.get(live.users);
  const digests = recorded?.length === live.users.length * 4 ? recorded : undefined;
  let count = 0;
  for (let i = 0; i < live.users.length; i++) {
    const user = live.users[i]!;
    if (isIgnored(user.email)) continue;
    if (digests) for (let lane = 0; lane < 4; lane++) sums[lane] = (sums[lane]! + digests[i * 4 + lane]!) >>> 0;
    else {
      hash.user(user, one, 0);
      for (let lane = 0; lane < 4; lane++) sums[lane] = (sums[lane]! + one[lane]!) >>> 0;
    }
    count += 1;
  }
  hash.start();
  hash.field(`extension=${live.extension}`);
  hash.field(`groups=${live.groups === null ? '-' : live.groups.join(',')}`);
  hash.field(`users=${count}`);
  hash.digestInto(one, 0);
  for (let lane = 0; lane < 4; lane++) sums[lane] = (sums[lane]! + one[lane]!) >>> 0;
  return `v1:${[...sums].map((h) => h.toString(16).padStart(8, '0')).join('')}`;
}
