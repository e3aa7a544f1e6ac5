import { RosterError, ValidationError, type CallOptions, type Roster } from '@roster/users';
import { StalePlanError } from './errors.js';
import { checkPlanSafety } from './guard.js';
import { fingerprintOf } from './fingerprint.js';
import { ignoreMatcher } from './ignore.js';
import { readLiveState } from './live.js';
import type { Action, LiveState, Plan } from './model.js';
import { phaseOf, type RemovalLimit } from './plan.js';

/** What happened to one action of an applied plan. */
export interface ActionOutcome {
  /** The action, as planned. */
  readonly action: Action;
  /**
   * `applied`: the server made the change; `failed`: it refused or could not be reached (see
   * `error`); `skipped`: not sent, because the run was aborted or because an action that
   * grants ADMIN failed and this one takes ADMIN away.
   */
  readonly status: 'applied' | 'failed' | 'skipped';
  /** Why it failed or was skipped. */
  readonly error?: ActionError | undefined;
}

/** Why an action failed or was not sent, as plain JSON (a result file keeps it). */
export interface ActionError {
  /** The error's code, e.g. `RATE_LIMITED`, `FAILED_PRECONDITION`, `SERVER_ERROR`; `SKIPPED` or `ABORTED` when not sent. */
  readonly code: string;
  /** What happened. */
  readonly message: string;
}

/** What {@link applyPlan} did: one outcome per action, in plan order. */
export interface ApplyResult {
  /** The fingerprint of the workspace the plan was applied to (the plan's own). */
  readonly fingerprint: string;
  /** One outcome per action of the plan, in plan order. */
  readonly outcomes: readonly ActionOutcome[];
  /** How many actions were applied. */
  readonly applied: number;
  /** How many failed. */
  readonly failed: number;
  /** How many were not sent. */
  readonly skipped: number;
}

/** Options of {@link applyPlan}; call options (`timeoutMs`, `retry`, `signal`) apply to every request. */
export interface ApplyOptions extends CallOptions {
  /**
   * How many actions of one phase are in flight at once (1 to 16).
   * @defaultValue 4
   */
  readonly concurrency?: number | undefined;
  /**
   * The live state the plan was just made from, when the caller holds it (plan and apply in
   * one step): the fingerprint is checked against it instead of reading the workspace again.
   */
  readonly live?: LiveState | undefined;
  /**
   * Apply even when the plan disables or revokes more than the removal limit. The plan's own
   * recorded guard must allow it too; given here, it must also hold.
   */
  readonly allowMassRemoval?: boolean | undefined;
  /** The removal limit to enforce on top of the one recorded in the plan. */
  readonly removalLimit?: RemovalLimit | undefined;
  /** Called after each action settles. An exception it throws is ignored. */
  readonly onProgress?: ((outcome: ActionOutcome, done: number, total: number) => void) | undefined;
}

// Array.isArray would narrow the plan's readonly array to any[].
const isList = (value: unknown): boolean => Array.isArray(value);

// Applying meets rate limits by design, as inviteMany does: give each request room to wait them out.
const BULK_RETRY = { maxAttempts: 6 } as const;

const grantsAdmin = (a: Action): boolean => (a.kind === 'change-role' && a.uid !== null && a.to === 'ADMIN') || (a.kind === 'enable' && a.role === 'ADMIN');
const takesAdmin = (a: Action): boolean => (a.kind === 'change-role' && a.uid !== null && a.from === 'ADMIN') || (a.kind === 'disable' && a.role === 'ADMIN');

function validGuard(guard: unknown): boolean {
  const g = guard as Plan['guard'];
  const count = g?.removalLimit?.count;
  const share = g?.removalLimit?.share;
  return typeof g?.allowMassRemoval === 'boolean' && Number.isInteger(count) && count! >= 0 && typeof share === 'number' && share >= 0 && share <= 1;
}

async function send(roster: Roster, action: Action, call: CallOptions): Promise<void> {
  switch (action.kind) {
    case 'invite':
      return roster.users.invite({ email: action.email, accountType: action.role }, call);
    case 'resend':
      await roster.users.resendInvite({ email: action.email }, call);
      return;
    case 'change-role':
      // A pending invitation takes a new role by being sent again with it.
      if (action.uid === null) return roster.users.invite({ email: action.email, accountType: action.to }, call);
      return roster.users.updateAccountType({ userUid: action.uid, accountType: action.to }, call);
    case 'enable':
      await roster.users.enable({ userUid: action.uid }, call);
      return;
    case 'add-to-group':
      return roster.groups.addUser({ groupId: action.group, userUid: action.uid }, call);
    case 'remove-from-group':
      return roster.groups.removeUser({ groupId: action.group, userUid: action.uid }, call);
    case 'revoke':
      return roster.users.revokeInvite({ email: action.email }, call);
    case 'disable':
      return roster.users.disable({ userUid: action.uid }, call);
  }
}

/**
 * Applies a plan: first checks that the workspace is still the one the plan was made
 * against (its fingerprint), then sends each action once, phase by phase (access granted
 * before any is taken away), a few at a time within a phase. Rate limits are waited out by
 * the client's retries; a failed action does not stop the others, and is reported in its
 * outcome. Re-planning afterwards shows only what is left.
 * Its actions are first replayed on the live state and judged by the planner's rules (a saved
 * plan is a file anyone can edit).
 * @throws {@link StalePlanError} when the workspace changed since the plan (nothing is sent);
 * `PlanRefusedError` when its actions would leave no enabled ADMIN, or remove more than
 * the removal limit recorded in the plan (or given in `options`) allows (nothing is sent);
 * `ValidationError` for a malformed plan or options; `RosterError` subclasses when the
 * workspace cannot be read.
 * @example
 * ```ts
 * const result = await applyPlan(roster, plan, { onProgress: (o) => console.log(o.status, o.action.email) });
 * if (result.failed > 0) process.exitCode = 1;
 * ```
 */
export async function applyPlan(roster: Roster, plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const { concurrency = 4, live: given, onProgress, signal, allowMassRemoval, removalLimit, ...rest } = options;
  if (plan?.format !== 'roster-plan/v1' || !isList(plan.actions) || typeof plan.fingerprint !== 'string') {
    throw new ValidationError('Invalid input to applyPlan: not a roster plan (format roster-plan/v1)', { issues: [{ path: 'plan', message: 'not a roster plan' }] });
  }
  if (plan.guard !== undefined && !validGuard(plan.guard)) {
    throw new ValidationError('Invalid input to applyPlan: the plan\'s guard is malformed', { issues: [{ path: 'plan.guard', message: 'allowMassRemoval must be a boolean, removalLimit a count and a share from 0 to 1' }] });
  }
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) {
    throw new ValidationError('Invalid input to applyPlan: concurrency must be an integer from 1 to 16', { issues: [{ path: 'concurrency', message: 'must be an integer from 1 to 16' }] });
  }
  const call: CallOptions = { ...rest, signal, retry: rest.retry === false ? false : { ...BULK_RETRY, ...rest.retry } };
  const live = given ?? (await readLiveState(roster, { ...call, groups: plan.groups }));
  const actual = fingerprintOf(live, ignoreMatcher(plan.ignore));
  if (actual !== plan.fingerprint) throw new StalePlanError(plan.fingerprint, actual);
  checkPlanSafety(plan, live, allowMassRemoval !== undefined || removalLimit !== undefined ? { allowMassRemoval, removalLimit } : undefined);

  const outcomes: (ActionOutcome | undefined)[] = new Array<ActionOutcome | undefined>(plan.actions.length);
  let done = 0;
  let adminGrantFailed = false;
  const settle = (index: number, outcome: ActionOutcome) => {
    outcomes[index] = outcome;
    done += 1;
    if (outcome.status === 'failed' && grantsAdmin(outcome.action)) adminGrantFailed = true;
    try {
      onProgress?.(outcome, done, plan.actions.length);
    } catch {
      // Progress reporting must not stop the run.
    }
  };

  const phases = new Map<number, number[]>();
  plan.actions.forEach((action, index) => {
    const phase = phaseOf(action);
    phases.set(phase, [...(phases.get(phase) ?? []), index]);
  });
  for (const phase of [...phases.keys()].sort((a, b) => a - b)) {
    const queue = phases.get(phase)!;
    let next = 0;
    const worker = async () => {
      while (next < queue.length) {
        const index = queue[next++]!;
        const action = plan.actions[index]!;
        if (signal?.aborted) settle(index, { action, status: 'skipped', error: { code: 'ABORTED', message: 'the run was aborted before this action was sent' } });
        else if (adminGrantFailed && takesAdmin(action)) {
          settle(index, { action, status: 'skipped', error: { code: 'SKIPPED', message: 'not sent: an action granting ADMIN failed, so none is taken away' } });
        } else {
          try {
            await send(roster, action, call);
            settle(index, { action, status: 'applied' });
          } catch (error) {
            const failure = error instanceof RosterError ? error : undefined;
            settle(index, { action, status: 'failed', error: { code: failure?.code ?? 'ERROR', message: failure?.message ?? String(error) } });
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  }
  const all = outcomes as ActionOutcome[];
  const count = (status: ActionOutcome['status']) => all.filter((o) => o.status === status).length;
  return { fingerprint: plan.fingerprint, outcomes: all, applied: count('applied'), failed: count('failed'), skipped: count('skipped') };
}
