import { RosterFileError, PlanRefusedError, type FileProblem } from './errors.js';
import { fingerprintOf } from './fingerprint.js';
import { ignoreMatcher } from './ignore.js';
import { liveIndexOf } from './live-index.js';
import type { Action, ActionKind, LiveState, LiveUser, Plan, PlanSummary, RosterFile, RosterMember, UnsupportedChange } from './model.js';

/** Options of {@link planRoster}. */
export interface PlanOptions {
  /**
   * Make the plan even when it disables or revokes more than `removalLimit` allows.
   * @defaultValue false
   */
  readonly allowMassRemoval?: boolean | undefined;
  /**
   * The most removals (disables and revocations) a plan may hold without `allowMassRemoval`.
   * @defaultValue {@link DEFAULT_REMOVAL_LIMIT}
   */
  readonly removalLimit?: RemovalLimit | undefined;
}

/** The removal guard's limit: a plan may disable or revoke at most this many users. */
export interface RemovalLimit {
  /**
   * At most this many users.
   * @defaultValue 10
   */
  readonly count?: number | undefined;
  /**
   * At most this share of the live workspace (enabled users and pending invitations), rounded up.
   * @defaultValue 0.25
   */
  readonly share?: number | undefined;
}

/** The default removal limit: 10 users, and a quarter of the workspace. */
export const DEFAULT_REMOVAL_LIMIT: Required<{ readonly [K in keyof RemovalLimit]: number }> = { count: 10, share: 0.25 };

const KINDS: readonly ActionKind[] = ['invite', 'resend', 'change-role', 'enable', 'add-to-group', 'remove-from-group', 'revoke', 'disable'];

/**
 * The phase an action is applied in; phases run one after another, lowest first. Access is
 * granted (enable, invite, promote) before anything is taken away (demote, revoke, disable),
 * so a workspace that ends with an enabled ADMIN has one at every step in between.
 */
export function phaseOf(action: Action): number {
  switch (action.kind) {
    case 'enable':
      return 0;
    case 'invite':
    case 'resend':
      return 1;
    case 'change-role':
      if (action.uid === null) return 1;
      if (action.to === 'ADMIN') return 2;
      return action.from === 'ADMIN' ? 5 : 3;
    case 'add-to-group':
    case 'remove-from-group':
      return 4;
    case 'revoke':
      return 6;
    case 'disable':
      return 7;
  }
}

const locationOf = (member: RosterMember) => member.source ?? { file: '<roster>', line: 0, column: 0 };

function groupActions(member: RosterMember, user: LiveUser, known: ReadonlySet<string>, problems: FileProblem[], out: Action[]): void {
  const wanted = new Set(member.groups);
  for (const group of wanted) {
    if (!known.has(group)) problems.push({ ...locationOf(member), message: `unknown group '${group}' for ${member.email} (the workspace has: ${[...known].join(', ') || 'none'})` });
  }
  const current = new Set(user.groups ?? []);
  for (const group of [...wanted].sort()) {
    if (!current.has(group) && known.has(group)) out.push({ kind: 'add-to-group', uid: user.uid!, email: user.email, group });
  }
  for (const group of [...current].sort()) {
    if (!wanted.has(group)) out.push({ kind: 'remove-from-group', uid: user.uid!, email: user.email, group });
  }
}

/**
 * Computes what it takes to bring a live workspace to a roster file's state. Pure: no
 * request, no I/O, the same answer for the same input, so the browser can run it too.
 *
 * Members are matched to users by address, ignoring case. For each member: an absent
 * address is invited; a disabled user enabled (extension); a wrong role changed (for a
 * pending invitation, by inviting it again with the new role); an expired invitation sent
 * again (when `resendExpired`); listed groups made exact (extension). In `authoritative`
 * mode whoever the file does not name is disabled, or their invitation revoked (extension).
 * Users matched by `ignore` are never touched. Changes the server cannot make are listed in
 * `unsupported`, not planned.
 * @throws {@link RosterFileError} when a member names a group the workspace lacks.
 * @throws {@link PlanRefusedError} when the workspace would end with no enabled ADMIN
 * (`no-admin`), or when removals exceed the limit without `allowMassRemoval` (`mass-removal`).
 * @example
 * ```ts
 * const plan = planRoster(parseRosterFile(text, 'roster.yaml'), await readLiveState(roster));
 * console.log(formatPlan(plan));
 * ```
 */
export function planRoster(file: RosterFile, live: LiveState, options: PlanOptions = {}): Plan {
  const isIgnored = ignoreMatcher(file.ignore);
  const { byEmail, slots } = liveIndexOf(live.users);
  // Which slots the file names, by their position in `slots` (the index is shared, not changed).
  const named = new Uint8Array(slots.length);
  const knownGroups = new Set(live.groups ?? []);
  const manageGroups = live.extension && live.groups !== null;
  const actions: Action[] = [];
  const unsupported: UnsupportedChange[] = [];
  const warnings: string[] = [];
  const problems: FileProblem[] = [];
  let groupsIgnored = 0;
  let groupsPending = 0;
  let finalAdmins = 0;

  for (const member of file.members) {
    // A parsed file never names an ignored address; a roster built in code might.
    if (isIgnored(member.email)) continue;
    const at = byEmail.get(member.email.toLowerCase());
    const slot = at === undefined ? undefined : slots[at];
    if (at !== undefined) named[at] = 1;
    const user = slot?.active ?? slot?.invited ?? slot?.disabled;
    if (member.groups !== undefined && !manageGroups) groupsIgnored += 1;
    if (!user) {
      actions.push({ kind: 'invite', email: member.email, role: member.role });
      if (member.groups !== undefined && member.groups.length > 0 && manageGroups) groupsPending += 1;
      continue;
    }
    if (user.status === 'INVITED') {
      if (user.role !== member.role) actions.push({ kind: 'change-role', uid: null, email: user.email, from: user.role, to: member.role });
      else if (user.inviteStatus === 'EXPIRED' && file.resendExpired) actions.push({ kind: 'resend', email: user.email, role: user.role });
      if (member.groups !== undefined && member.groups.length > 0 && manageGroups) groupsPending += 1;
      continue;
    }
    // An active user, or a disabled one to enable (only the extension lists disabled users).
    if (user.status === 'DISABLED') actions.push({ kind: 'enable', uid: user.uid!, email: user.email, role: user.role });
    if (user.role !== member.role) actions.push({ kind: 'change-role', uid: user.uid, email: user.email, from: user.role, to: member.role });
    if (member.role === 'ADMIN') finalAdmins += 1;
    if (member.groups !== undefined && manageGroups) groupActions(member, user, knownGroups, problems, actions);
  }
  if (problems.length > 0) throw new RosterFileError(problems);

  let liveSize = 0;
  for (let at = 0; at < slots.length; at++) {
    const slot = slots[at]!;
    if (isIgnored(slot.key)) continue;
    if (slot.active ?? slot.invited) liveSize += 1;
    if (named[at] === 1) continue;
    if (slot.active) {
      if (file.mode === 'authoritative') actions.push({ kind: 'disable', uid: slot.active.uid!, email: slot.active.email, role: slot.active.role });
      else if (slot.active.role === 'ADMIN') finalAdmins += 1;
    }
    if (slot.invited && file.mode === 'authoritative') {
      const revoke: Action = { kind: 'revoke', email: slot.invited.email, role: slot.invited.role };
      if (live.extension) actions.push(revoke);
      else unsupported.push({ action: revoke, reason: 'revoking an invitation needs the Roster extension' });
    }
  }
  // Ignored users are never touched: an ignored enabled ADMIN (a break-glass account) stays one.
  for (const user of live.users) if (isIgnored(user.email) && user.status === 'ACTIVE' && user.role === 'ADMIN') finalAdmins += 1;

  if (groupsIgnored > 0) {
    warnings.push(
      live.extension
        ? `group membership of ${groupsIgnored} member(s) was not compared: the live state was read without groups`
        : `group membership of ${groupsIgnored} member(s) is not managed: the server has no Roster extension`,
    );
  }
  if (groupsPending > 0) warnings.push(`groups of ${groupsPending} invited member(s) are set once they sign up and the roster is applied again`);

  if (finalAdmins === 0) {
    throw new PlanRefusedError('no-admin', 'Refused: this roster would leave the workspace with no enabled ADMIN. Keep at least one member with role ADMIN.');
  }
  const removals = actions.filter((a) => a.kind === 'disable' || a.kind === 'revoke').length;
  checkRemovals(removals, liveSize, options);

  actions.sort((a, b) => phaseOf(a) - phaseOf(b) || compareEmail(a.email, b.email) || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || groupOf(a).localeCompare(groupOf(b)));
  return {
    format: 'roster-plan/v1',
    fingerprint: fingerprintOf(live, isIgnored),
    mode: file.mode,
    extension: live.extension,
    groups: live.groups !== null,
    ignore: [...file.ignore],
    actions,
    summary: summarize(actions),
    unsupported,
    warnings,
    liveSize,
    guard: {
      allowMassRemoval: options.allowMassRemoval === true,
      removalLimit: { count: options.removalLimit?.count ?? DEFAULT_REMOVAL_LIMIT.count, share: options.removalLimit?.share ?? DEFAULT_REMOVAL_LIMIT.share },
    },
  };
}

const compareEmail = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};
const groupOf = (action: Action): string => ('group' in action ? action.group : '');

/** Refuses `removals` disables and revocations out of `liveSize` users beyond the limit of `options`. Shared with applyPlan. */
export function checkRemovals(removals: number, liveSize: number, options: PlanOptions): void {
  if (options.allowMassRemoval === true || removals === 0) return;
  const count = options.removalLimit?.count ?? DEFAULT_REMOVAL_LIMIT.count;
  const share = options.removalLimit?.share ?? DEFAULT_REMOVAL_LIMIT.share;
  const byShare = Math.ceil(share * liveSize);
  if (removals > count || removals > byShare) {
    throw new PlanRefusedError(
      'mass-removal',
      `Refused: this roster disables or revokes ${removals} of ${liveSize} users, more than the limit (${count} users and ${Math.round(share * 100)}% of the workspace, here ${Math.min(count, byShare)}). Check the file; if this is really meant, allow mass removal.`,
    );
  }
}

/** Counts actions by kind. */
export function summarize(actions: readonly Action[]): PlanSummary {
  const summary = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<ActionKind, number>;
  for (const action of actions) summary[action.kind] += 1;
  return summary;
}
