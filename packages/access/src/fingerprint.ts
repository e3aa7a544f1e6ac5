import type { LiveState } from './model.js';

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

  /** A field and its separator (a tab, which no field holds). */
  field(text: string): void {
    for (let i = 0; i < text.length; i++) this.char(text.charCodeAt(i));
    this.char(9);
  }

  /** An address, ignoring case: ASCII folded here, anything else by toLowerCase. */
  email(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Rare: the rest of the address, folded properly.
      if (c > 127) return this.field(text.slice(i).toLowerCase());
      this.char(c >= 65 && c <= 90 ? c + 32 : c);
    }
    this.char(9);
  }

  /** Final mixing, so that lines differing in one character differ in every bit, then the lane-wise sum. */
  addTo(sums: Uint32Array): void {
    const { h1, h2, h3, h4 } = this;
    sums[0] = (sums[0]! + (Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909))) >>> 0;
    sums[1] = (sums[1]! + (Math.imul(h2 ^ (h2 >>> 16), 2654435761) ^ Math.imul(h3 ^ (h3 >>> 13), 1597334677))) >>> 0;
    sums[2] = (sums[2]! + (Math.imul(h3 ^ (h3 >>> 16), 3266489909) ^ Math.imul(h4 ^ (h4 >>> 13), 2246822507))) >>> 0;
    sums[3] = (sums[3]! + (Math.imul(h4 ^ (h4 >>> 16), 1597334677) ^ Math.imul(h1 ^ (h1 >>> 13), 2654435761))) >>> 0;
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
  const hash = new LineHash();
  let count = 0;
  for (const user of live.users) {
    if (isIgnored(user.email)) continue;
    hash.start();
    hash.email(user.email);
    hash.field(user.status);
    hash.field(user.role);
    hash.field(user.inviteStatus ?? '');
    hash.field(user.uid ?? '');
    if (user.groups === null) hash.field('-');
    else for (const group of user.groups) hash.field(group);
    hash.addTo(sums);
    count += 1;
  }
  hash.start();
  hash.field(`extension=${live.extension}`);
  hash.field(`groups=${live.groups === null ? '-' : live.groups.join(',')}`);
  hash.field(`users=${count}`);
  hash.addTo(sums);
  return `v1:${[...sums].map((h) => h.toString(16).padStart(8, '0')).join('')}`;
}
