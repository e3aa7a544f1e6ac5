import { describe, expect, it } from 'vitest';
import { planRoster, PlanRefusedError, type Action, type LiveState, type LiveUser, type RosterMember } from '../src/planner.js';

// The admin rule under every ordering: whatever the order of the file and of the listing,
// the plan is the same, and applying its actions one by one in plan order never leaves the
// workspace without an enabled ADMIN.

const uid = (n: number) => n.toString(16).padStart(64, '0');
const active = (n: number, role: string, status = 'ACTIVE'): LiveUser => ({ uid: uid(n), email: `u${n}@acme.io`, name: `U${n}`, role, status, inviteStatus: null, groups: null });
const LIVE: LiveUser[] = [active(1, 'ADMIN'), active(2, 'ADMIN'), active(3, 'DEVELOPER'), active(4, 'ADMIN', 'DISABLED'), active(5, 'ANALYST'), { ...active(6, 'ADMIN'), uid: null, name: null, status: 'INVITED', inviteStatus: 'SENT' }];
const MEMBERS: RosterMember[] = [
  { email: 'u1@acme.io', role: 'DEVELOPER' },
  { email: 'u2@acme.io', role: 'ANALYST' },
  { email: 'u3@acme.io', role: 'ADMIN' },
  { email: 'u4@acme.io', role: 'DEVELOPER' },
  { email: 'u6@acme.io', role: 'ADMIN' },
];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Enabled ADMINs after each action, applied one at a time to a model of the workspace. */
function adminsAlong(live: readonly LiveUser[], actions: readonly Action[]): number[] {
  const users = new Map(live.filter((u) => u.uid !== null).map((u) => [u.uid!, { role: u.role, enabled: u.status === 'ACTIVE' }]));
  const count = () => [...users.values()].filter((u) => u.enabled && u.role === 'ADMIN').length;
  const counts = [count()];
  for (const action of actions) {
    if (action.kind === 'enable') users.get(action.uid)!.enabled = true;
    if (action.kind === 'disable') users.get(action.uid)!.enabled = false;
    if (action.kind === 'change-role' && action.uid !== null) users.get(action.uid)!.role = action.to;
    counts.push(count());
  }
  return counts;
}

describe('the admin rule under every ordering', () => {
  it('gives one plan for every order of the file and of the listing, safe at every step', () => {
    const orders = permutations(MEMBERS);
    expect(orders).toHaveLength(120);
    let reference: readonly Action[] | undefined;
    for (const [i, members] of orders.entries()) {
      const users = i % 2 === 0 ? LIVE : [...LIVE].reverse();
      for (const mode of ['additive', 'authoritative'] as const) {
        const live: LiveState = { extension: true, users, groups: null };
        const plan = planRoster({ mode, members, ignore: [], resendExpired: true }, live, { allowMassRemoval: true });
        if (mode === 'authoritative') {
          reference ??= plan.actions;
          expect(plan.actions).toEqual(reference);
        }
        expect(Math.min(...adminsAlong(users, plan.actions))).toBeGreaterThanOrEqual(1);
      }
    }
    // Two admins demoted and one disabled admin enabled then demoted, one promoted: the
    // promotion and the enable come first, every demotion and the disable after them.
    expect(reference!.map((a) => `${a.kind} ${a.email}`)).toEqual([
      'enable u4@acme.io',
      'change-role u3@acme.io',
      'change-role u1@acme.io',
      'change-role u2@acme.io',
      'change-role u4@acme.io',
      'disable u5@acme.io',
    ]);
  });

  it('refuses, in every order, a file that leaves no enabled ADMIN', () => {
    const noAdmin = MEMBERS.map((m) => (m.role === 'ADMIN' ? { ...m, role: 'DEVELOPER' as const } : m));
    for (const members of permutations(noAdmin)) {
      expect(() => planRoster({ mode: 'additive', members, ignore: [], resendExpired: true }, { extension: true, users: LIVE, groups: null })).toThrow(PlanRefusedError);
    }
  });
});
