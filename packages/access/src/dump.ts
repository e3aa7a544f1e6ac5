import { Document, isSeq, type YAMLMap } from 'yaml';
import { ignoreMatcher } from './ignore.js';
import type { LiveState, RosterMode } from './model.js';

/** Where editors find the roster file's JSON Schema (the package ships it as `roster-file.schema.json`). */
export const ROSTER_FILE_SCHEMA_URL = 'https://unpkg.com/@roster/access/roster-file.schema.json';

/** Options of {@link dumpRoster}. */
export interface DumpOptions {
  /**
   * The mode written into the file.
   * @defaultValue `'additive'`
   */
  readonly mode?: RosterMode | undefined;
  /** Addresses or patterns to leave out and to write as the file's `ignore` list. */
  readonly ignore?: readonly string[] | undefined;
}

const byEmail = (a: { email: string }, b: { email: string }) => {
  const x = a.email.toLowerCase();
  const y = b.email.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Writes a live workspace as a roster file (YAML): every enabled member and pending
 * invitation, sorted by address, with role, name and (when the groups were read) group ids.
 * Planning that file against the same workspace shows no change: expired invitations are
 * kept as they are (`resendExpired: false`) until the file says otherwise. Disabled users are
 * left out, as they have no access.
 * @example
 * ```ts
 * await writeFile('roster.yaml', dumpRoster(await readLiveState(roster, { groups: true })));
 * ```
 */
export function dumpRoster(live: LiveState, options: DumpOptions = {}): string {
  const isIgnored = ignoreMatcher(options.ignore ?? []);
  const users = live.users.filter((u) => (u.status === 'ACTIVE' || u.status === 'INVITED') && !isIgnored(u.email)).sort(byEmail);
  const expired = users.filter((u) => u.status === 'INVITED' && u.inviteStatus === 'EXPIRED').length;
  const members = users.map((user) => ({
    email: user.email,
    role: user.role,
    ...(user.status === 'ACTIVE' && user.name !== null ? { name: user.name } : {}),
    ...(user.status === 'ACTIVE' && user.groups !== null && user.groups.length > 0 ? { groups: [...user.groups] } : {}),
  }));
  const doc = new Document({
    version: 1,
    mode: options.mode ?? 'additive',
    ...(options.ignore && options.ignore.length > 0 ? { ignore: [...options.ignore] } : {}),
    ...(expired > 0 ? { resendExpired: false } : {}),
    members,
  });
  doc.commentBefore = [
    ` yaml-language-server: $schema=${ROSTER_FILE_SCHEMA_URL}`,
    ' The members of the workspace, kept in review. `roster plan` shows what applying it would change.',
    ' mode: additive manages only the members listed; authoritative disables whoever is not listed.',
  ].join('\n');
  if (expired > 0) {
    const pair = (doc.contents as YAMLMap).items.find((p) => (p.key as { value?: unknown }).value === 'resendExpired');
    if (pair) (pair.key as { commentBefore?: string }).commentBefore = ` ${expired} invitation(s) expired; set true to send them again`;
  }
  const seq = doc.get('members');
  if (isSeq(seq)) {
    for (const item of seq.items as YAMLMap[]) {
      const groups = item.get('groups', true);
      if (isSeq(groups)) groups.flow = true;
    }
  }
  return doc.toString({ lineWidth: 0 });
}
