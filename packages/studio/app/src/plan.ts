// Bulk selection → plan, with the planner `roster plan` uses (`@roster/access/planner`, pure,
// no I/O): the selection becomes a desired roster, the rows on screen the live state, and the
// planner orders the actions and refuses what would break a rule (no admin left, mass removal).
import type { UserAccountType } from '@roster/client';
import { PlanRefusedError, planRoster, type Action, type LiveState, type RosterFile, type RosterMember } from '@roster/access/planner';
import type { Row } from './rows';

/** What the user asked to do to the selected rows. */
export type BulkChange =
  | { readonly kind: 'setRole'; readonly accountType: UserAccountType }
  | { readonly kind: 'disable' }
  | { readonly kind: 'enable' }
  | { readonly kind: 'resend' }
  | { readonly kind: 'revoke' };

/** A plan as the page shows it. */
export interface StudioPlan {
  /** The actions in the order they are applied (the planner's order). */
  readonly actions: readonly Action[];
  /** Selected rows the change does not apply to, and why. */
  readonly unchanged: readonly { readonly email: string; readonly reason: string }[];
  /** Why the planner refused, when it did: nothing may be applied. */
  readonly refusal: { readonly reason: 'no-admin' | 'mass-removal'; readonly message: string } | undefined;
}

/** The rows on screen as the planner's live state. */
export function liveStateOf(rows: readonly Row[], extension: boolean): LiveState {
  return {
    extension,
    groups: null,
    users: rows.map((row) => ({ uid: row.uid, email: row.email, name: row.name, role: row.accountType, status: row.status, inviteStatus: row.inviteStatus, groups: null })),
  };
}

const member = (row: Row, role: string = row.accountType): RosterMember => ({ email: row.email, role: role as UserAccountType });

/** Which selected rows a change applies to; the others get a reason. */
function targetsOf(selected: readonly Row[], change: BulkChange, extension: boolean): { targets: Row[]; unchanged: { email: string; reason: string }[] } {
  const targets: Row[] = [];
  const unchanged: { email: string; reason: string }[] = [];
  const check = (row: Row): string | undefined => {
    switch (change.kind) {
      case 'setRole':
        return row.status === 'DISABLED' ? 'disabled: enable it first' : row.accountType === change.accountType ? `already ${change.accountType}` : undefined;
      case 'disable':
        return row.status === 'ACTIVE' ? undefined : row.status === 'DISABLED' ? 'already disabled' : 'an invitation: revoke it instead';
      case 'enable':
        return !extension ? 'enabling needs the Roster extension' : row.status === 'DISABLED' ? undefined : 'not disabled';
      case 'resend':
        return row.status !== 'INVITED' ? 'not an invitation' : row.inviteStatus === 'EXPIRED' ? undefined : 'still pending: only expired invitations are sent again';
      case 'revoke':
        return !extension ? 'revoking needs the Roster extension' : row.status === 'INVITED' ? undefined : 'not an invitation';
    }
  };
  for (const row of selected) {
    const reason = check(row);
    if (reason === undefined) targets.push(row);
    else unchanged.push({ email: row.email, reason });
  }
  return { targets, unchanged };
}

/**
 * The desired roster for a change. Grants and role changes name only the targets
 * (`additive`: nobody else is touched). Removals name everyone else who is active or
 * invited, as they are (`authoritative`: whoever is not named is disabled or revoked).
 */
function desiredOf(all: readonly Row[], targets: readonly Row[], change: BulkChange): RosterFile {
  const base = { ignore: [], resendExpired: change.kind === 'resend' };
  if (change.kind === 'disable' || change.kind === 'revoke') {
    const removed = new Set(targets.map((row) => row.key));
    const seen = new Set<string>();
    const members = all.filter((row) => {
      const email = row.email.toLowerCase();
      if (row.status === 'DISABLED' || removed.has(row.key) || seen.has(email)) return false;
      seen.add(email);
      return true;
    });
    return { ...base, mode: 'authoritative', members: members.map((row) => member(row)) };
  }
  return { ...base, mode: 'additive', members: targets.map((row) => member(row, change.kind === 'setRole' ? change.accountType : row.accountType)) };
}

/** Plans a bulk change of the selected rows against everything on screen. */
export function planBulk(all: readonly Row[], selected: readonly Row[], change: BulkChange, extension: boolean, options: { allowMassRemoval?: boolean } = {}): StudioPlan {
  const { targets, unchanged } = targetsOf(selected, change, extension);
  if (targets.length === 0) return { actions: [], unchanged, refusal: undefined };
  try {
    const plan = planRoster(desiredOf(all, targets, change), liveStateOf(all, extension), { allowMassRemoval: options.allowMassRemoval === true });
    return { actions: plan.actions, unchanged, refusal: undefined };
  } catch (error) {
    if (error instanceof PlanRefusedError) return { actions: [], unchanged, refusal: { reason: error.reason, message: error.message } };
    throw error;
  }
}
