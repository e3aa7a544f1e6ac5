import { describe, expect, it } from 'vitest';
import { applyPlan, parseRosterYaml, planRoster, readLiveState, PlanRefusedError, type Action, type Plan } from '../src/index.js';
import { rejectionOf, rosterFor, useServer } from './helpers.js';

const ctx = useServer();

// A reviewed, harmless plan (one invitation), the way `roster plan -o` saves it.
async function savedPlan(): Promise<Plan> {
  const file = parseRosterYaml('mode: additive\nmembers:\n  - { email: new-1@acme.io, role: DEVELOPER }\n');
  return JSON.parse(JSON.stringify(planRoster(file, await readLiveState(rosterFor(ctx.server))))) as Plan;
}

const MUTATIONS = ['InviteUser', 'ResendInvite', 'RevokeInvite', 'UpdateUserAccountType', 'DisableUser', 'EnableUser', 'AddUserToGroup', 'RemoveUserFromGroup', 'DeleteUser', 'UpdateUser'];
/** The mutations the server executed, counted by the server itself. */
const mutationsSent = () => MUTATIONS.reduce((sum, name) => sum + (ctx.server.stats.operations[name] ?? 0), 0);

async function tamper(edit: (live: Awaited<ReturnType<typeof readLiveState>>) => Action[], guard?: Plan['guard']): Promise<Plan> {
  const plan = await savedPlan();
  const live = await readLiveState(rosterFor(ctx.server));
  return { ...plan, actions: edit(live), ...(guard ? { guard } : {}) };
}

describe('applyPlan on an edited plan', () => {
  it('records the removal guard it was made with', async () => {
    expect((await savedPlan()).guard).toEqual({ allowMassRemoval: false, removalLimit: { count: 10, share: 0.25 } });
  });

  it('refuses actions that leave no enabled ADMIN, and sends nothing', async () => {
    const plan = await tamper((live) =>
      live.users.filter((u) => u.status === 'ACTIVE' && u.role === 'ADMIN').map((u) => ({ kind: 'change-role', uid: u.uid, email: u.email, from: 'ADMIN', to: 'DEVELOPER' })),
    );
    expect(plan.actions.length).toBeGreaterThan(0);
    ctx.server.resetRequests();
    const error = await rejectionOf(applyPlan(rosterFor(ctx.server), plan));
    expect(error).toBeInstanceOf(PlanRefusedError);
    expect(error).toMatchObject({ reason: 'no-admin' });
    expect(ctx.server.stats.operations.ListUsersPage ?? ctx.server.stats.operations.ListUsers).toBeGreaterThan(0);
    expect(mutationsSent()).toBe(0);
  });

  it('refuses more removals than the recorded limit, and an edited allowMassRemoval does not lift the caller limit', async () => {
    // Everyone but the admins disabled or revoked: more than a quarter of the workspace.
    const removeAll = (live: Awaited<ReturnType<typeof readLiveState>>) =>
      live.users.flatMap((u): Action[] =>
        u.status === 'INVITED' ? [{ kind: 'revoke', email: u.email, role: String(u.role) }]
        : u.status === 'ACTIVE' && u.role !== 'ADMIN' ? [{ kind: 'disable', uid: u.uid!, email: u.email, role: String(u.role) }]
        : [],
      );
    const plan = await tamper(removeAll);
    expect(plan.actions.length).toBeGreaterThan(2);
    ctx.server.resetRequests();
    expect(await rejectionOf(applyPlan(rosterFor(ctx.server), plan))).toMatchObject({ reason: 'mass-removal' });
    // A plan saved before the guard was recorded gets the default limit.
    const old: Plan = { ...plan, guard: undefined };
    expect(await rejectionOf(applyPlan(rosterFor(ctx.server), old))).toMatchObject({ reason: 'mass-removal' });
    const lifted: Plan = { ...plan, guard: { allowMassRemoval: true, removalLimit: { count: 10, share: 0.25 } } };
    expect(await rejectionOf(applyPlan(rosterFor(ctx.server), lifted, { allowMassRemoval: false }))).toMatchObject({ reason: 'mass-removal' });
    expect(mutationsSent()).toBe(0);
    // The same plan without the edits goes through: the refusal is the guard's, not the server's.
    const fine = await tamper((live) => removeAll(live).slice(0, 1));
    expect(await applyPlan(rosterFor(ctx.server), fine)).toMatchObject({ applied: 1, failed: 0 });
    expect(mutationsSent()).toBe(1);
  });
});
