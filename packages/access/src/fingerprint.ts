import type { LiveState, LiveUser } from './model.js';

// A hand-written digest rather than SHA-256: the planner must run unchanged in a browser,
// where WebCrypto's digest is asynchronous (and needs a secure context), and Node's crypto
// does not exist. The fingerprint detects change, it does not resist an attacker: four
// independent 32-bit multiply-xorshift lanes (128 bits) make an accidental collision
// between two states of one workspace vanishingly unlikely.
function digest(lines: readonly string[]): string {
  let h1 = 0x9e3779b9, h2 = 0x85ebca6b, h3 = 0xc2b2ae35, h4 = 0x27d4eb2f;
  for (const line of lines) {
    for (let i = 0; i <= line.length; i++) {
      // The line's end is hashed as a 0x10000 code (outside UTF-16) so that lines cannot run together.
      const c = i < line.length ? line.charCodeAt(i) : 0x10000;
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
      h3 = Math.imul(h3 ^ c, 2246822507);
      h4 = Math.imul(h4 ^ c, 3266489909);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ h2;
    h2 = Math.imul(h2 ^ (h2 >>> 13), 3266489909) ^ h3;
    h3 = Math.imul(h3 ^ (h3 >>> 16), 2654435761) ^ h4;
    h4 = Math.imul(h4 ^ (h4 >>> 13), 1597334677) ^ h1;
  }
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

function line(user: LiveUser): string {
  const groups = user.groups === null ? '-' : user.groups.join(',');
  return `${user.email.toLowerCase()}\t${user.status}\t${user.role}\t${user.inviteStatus ?? ''}\t${user.uid ?? ''}\t${groups}`;
}

/**
 * A digest of what a plan depends on in a live workspace: every user's address, status,
 * role, invitation status, uid and groups (not names nor timestamps), and whether the server
 * has the extension. Users matched by `isIgnored` are left out, as the plan leaves them out.
 * The order in which the server lists users does not matter.
 */
export function fingerprintOf(live: LiveState, isIgnored: (email: string) => boolean = () => false): string {
  const lines: string[] = [];
  for (const user of live.users) if (!isIgnored(user.email)) lines.push(line(user));
  lines.sort();
  lines.unshift(`extension=${live.extension}`, `groups=${live.groups === null ? '-' : live.groups.join(',')}`);
  return `v1:${digest(lines)}`;
}
