// The safety rules of planRoster, enforced again on a plan about to be applied. A saved plan
// is a file anyone can edit: its actions, not the roster file it came from, are what is sent,
// so they are replayed on the live state and judged by the same rules.
import { PlanRefusedError } from './errors.js';
import { ignoreMatcher } from './ignore.js';
import type { LiveState, Plan } from './model.js';
import { checkRemovals, DEFAULT_REMOVAL_LIMIT, type PlanOptions } from './plan.js';

interface Member {
  enabled: boolean;
  role: string;
}

/** How many enabled ADMINs the workspace has once every action of `plan` is applied to `live`. */
export function adminsAfter(plan: Plan, live: LiveState): number {
  const byUid = new Map<string, Member>();
  for (const user of live.users) {
    if (user.uid === null) continue;
    // Listings run oldest first: an address's newest record wins, as the planner reads it.
    byUid.set(user.uid, { enabled: user.status === 'ACTIVE', role: String(user.role) });
  }
  for (const action of plan.actions) {
    // Invitations never count: an invited ADMIN is not an enabled one until they sign up.
    if (action.kind === 'enable') {
      const member = byUid.get(action.uid);
      if (member) member.enabled = true;
    } else if (action.kind === 'disable') {
      const member = byUid.get(action.uid);
      if (member) member.enabled = false;
    } else if (action.kind === 'change-role' && action.uid !== null) {
      const member = byUid.get(action.uid);
      if (member) member.role = action.to;
    }
  }
  let admins = 0;
  for (const member of byUid.values()) if (member.enabled && member.role === 'ADMIN') admins += 1;
  return admins;
}

/** Enabled users and pending invitations of `live` by address, ignored ones left out, as planRoster counts them. */
function sizeOf(live: LiveState, ignore: readonly string[]): number {
  const isIgnored = ignoreMatcher(ignore);
  const counted = new Set<string>();
  for (const user of live.users) {
    if (isIgnored(user.email) || (user.status !== 'ACTIVE' && user.status !== 'INVITED')) continue;
    counted.add(user.email.toLowerCase());
  }
  return counted.size;
}

/**
 * Refuses a plan whose actions would leave `live` with no enabled ADMIN, or that disable or
 * revoke more than the removal limit allows. The limit is the one recorded in the plan (the
 * default for a plan without one) and, when the caller gives one, that one too: an edited
 * `allowMassRemoval` in a file does not lift the caller's limit.
 * @throws {@link PlanRefusedError}
 */
export function checkPlanSafety(plan: Plan, live: LiveState, caller: PlanOptions | undefined): void {
  if (adminsAfter(plan, live) === 0) {
    throw new PlanRefusedError('no-admin', 'Refused: applying this plan would leave the workspace with no enabled ADMIN: nothing was applied. Plan again from the roster file.');
  }
  const removals = plan.actions.filter((a) => a.kind === 'disable' || a.kind === 'revoke').length;
  const size = sizeOf(live, plan.ignore);
  const recorded = plan.guard;
  checkRemovals(removals, size, {
    allowMassRemoval: recorded?.allowMassRemoval === true,
    removalLimit: recorded?.removalLimit ?? DEFAULT_REMOVAL_LIMIT,
  });
  if (caller && (caller.allowMassRemoval !== undefined || caller.removalLimit !== undefined)) checkRemovals(removals, size, caller);
}
