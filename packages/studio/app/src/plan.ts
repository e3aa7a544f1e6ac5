// Bulk selection → plan: what the page would change, in a safe order, before anything is sent.
import type { UserAccountType } from '@roster/client';
import type { Row } from './rows';

/** What the user asked to do to the selected rows. */
export type BulkChange =
  | { readonly kind: 'setRole'; readonly accountType: UserAccountType }
  | { readonly kind: 'disable' }
  | { readonly kind: 'enable' }
  | { readonly kind: 'resend' }
  | { readonly kind: 'revoke' };

/** One step of a plan. */
export interface PlanAction {
  readonly kind: 'changeRole' | 'disable' | 'enable' | 'resend' | 'revoke';
  readonly email: string;
  readonly uid: string | null;
  readonly accountType: string;
  /** For a role change: the role before and after. */
  readonly from?: string;
  readonly to?: string;
}

/** A plan: the actions in the order they are applied, the rows it leaves alone and why, or why it is refused. */
export interface Plan {
  readonly actions: readonly PlanAction[];
  readonly unchanged: readonly { readonly email: string; readonly reason: string }[];
  /** Set when applying the plan would break a workspace rule: it must not be applied. */
  readonly refusal: string | undefined;
}

const ADMIN = 'ADMIN';

// Promotions and additions first, removals and demotions last: the workspace keeps an
// enabled admin at every step, not only at the end.
const ORDER: Record<PlanAction['kind'], number> = { enable: 0, changeRole: 1, resend: 2, disable: 3, revoke: 4 };
const rank = (action: PlanAction): number =>
  action.kind === 'changeRole' ? (action.to === ADMIN ? 0 : action.from === ADMIN ? 3 : 1) : ORDER[action.kind];

function actionFor(row: Row, change: BulkChange, extension: boolean): PlanAction | string {
  const base = { email: row.email, uid: row.uid, accountType: row.accountType };
  switch (change.kind) {
    case 'setRole':
      if (row.status !== 'ACTIVE') return 'only active users change role here';
      if (row.accountType === change.accountType) return `already ${change.accountType}`;
      return { ...base, kind: 'changeRole', from: row.accountType, to: change.accountType };
    case 'disable':
      return row.status === 'ACTIVE' ? { ...base, kind: 'disable' } : row.status === 'DISABLED' ? 'already disabled' : 'an invitation: revoke it instead';
    case 'enable':
      if (!extension) return 'enabling needs the Roster extension';
      return row.status === 'DISABLED' ? { ...base, kind: 'enable' } : 'not disabled';
    case 'resend':
      return row.status === 'INVITED' ? { ...base, kind: 'resend' } : 'not an invitation';
    case 'revoke':
      if (!extension) return 'revoking needs the Roster extension';
      return row.status === 'INVITED' ? { ...base, kind: 'revoke' } : 'not an invitation';
  }
}

/** Plans a bulk change of the selected rows against the whole workspace (for the admin rule). */
export function planBulk(all: readonly Row[], selected: readonly Row[], change: BulkChange, extension: boolean): Plan {
  const actions: PlanAction[] = [];
  const unchanged: { email: string; reason: string }[] = [];
  for (const row of selected) {
    const action = actionFor(row, change, extension);
    if (typeof action === 'string') unchanged.push({ email: row.email, reason: action });
    else actions.push(action);
  }
  actions.sort((a, b) => rank(a) - rank(b));
  const touched = new Map(actions.map((action) => [action.uid, action]));
  const adminsAfter = all.filter((row) => {
    if (row.status === 'INVITED' || row.uid === null) return false;
    const action = touched.get(row.uid);
    if (action?.kind === 'disable') return false;
    const enabled = row.status === 'ACTIVE' || action?.kind === 'enable';
    const role = action?.kind === 'changeRole' ? action.to : row.accountType;
    return enabled && role === ADMIN;
  }).length;
  const hadAdmin = all.some((row) => row.status === 'ACTIVE' && row.accountType === ADMIN);
  const refusal = hadAdmin && adminsAfter === 0 ? 'This plan would leave the workspace without an enabled admin: keep or promote one.' : undefined;
  return { actions, unchanged, refusal };
}
