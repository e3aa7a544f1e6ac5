import { EXAMPLE_WORKSPACE } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import { applyPlan, parseRosterYaml, planRoster, readLiveState, StalePlanError, type Plan } from '../src/index.js';
import { executedMutations, operationsOf, rejectionOf, rosterFor, useServer } from './helpers.js';

const ctx = useServer();
const yaml = (lines: string[]) => `${lines.join('\n')}\n`;

async function planFor(text: string, options: Parameters<typeof planRoster>[2] = {}): Promise<Plan> {
  const file = parseRosterYaml(text);
  return planRoster(file, await readLiveState(rosterFor(ctx.server), { groups: file.members.some((m) => m.groups) }), options);
}

const swapAdmins = yaml([
  'mode: authoritative',
  'members:',
  '  - { email: alexandra@acme.io, role: DEVELOPER, groups: [] }',
  '  - { email: jonny@acme.io, role: ANALYST }',
  '  - { email: matt@acme.io, role: ADMIN, groups: [admins, data-team] }',
  '  - { email: max@acme.io, role: ADMIN }',
  '  - { email: new-1@acme.io, role: DEVELOPER }',
  '  - { email: new-2@acme.io, role: ADMIN }',
]);

describe('applyPlan', () => {
  it('reaches the file state, records every outcome, and a second plan is empty', async () => {
    const plan = await planFor(swapAdmins);
    const progress: number[] = [];
    const result = await applyPlan(rosterFor(ctx.server), plan, { onProgress: (_o, done) => progress.push(done) });
    expect(result).toMatchObject({ applied: plan.actions.length, failed: 0, skipped: 0, fingerprint: plan.fingerprint });
    expect(result.outcomes.map((o) => o.action)).toEqual(plan.actions);
    expect(progress).toEqual(plan.actions.map((_a, i) => i + 1));
    const store = ctx.server.store;
    expect(store.getByEmail('matt@acme.io')).toMatchObject({ accountType: 'ADMIN', enabled: true });
    expect(store.getByEmail('alexandra@acme.io')?.accountType).toBe('DEVELOPER');
    expect(store.groups.of(store.getByEmail('matt@acme.io')!.uid).map((g) => g.id)).toEqual(['admins', 'data-team']);
    expect(store.groups.of(store.getByEmail('alexandra@acme.io')!.uid)).toEqual([]);
    expect(store.getInvited('john@acme.io')).toBeUndefined();
    expect(store.getInvited('max@acme.io')).toMatchObject({ inviteStatus: 'SENT', sendCount: 2 });
    expect((await planFor(swapAdmins)).actions).toEqual([]);
  });

  it('grants ADMIN before any is taken away, whatever the order of the file and the concurrency', async () => {
    const members = swapAdmins.split('\n').filter((line) => line.startsWith('  - '));
    const orders = [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [2, 0, 4, 1, 5, 3], [1, 3, 5, 0, 2, 4]];
    for (const [i, order] of orders.entries()) {
      ctx.server.store.reset(EXAMPLE_WORKSPACE);
      ctx.server.resetRequests();
      const plan = await planFor(yaml(['mode: authoritative', 'members:', ...order.map((j) => members[j]!)]));
      const result = await applyPlan(rosterFor(ctx.server), plan, { concurrency: 1 + (i % 4) * 3 });
      expect(result.failed).toBe(0);
      const mutations = executedMutations(ctx.server);
      const promoted = mutations.findIndex((m) => m.operation === 'UpdateUserAccountType' && m.variables.accountType === 'ADMIN');
      const firstRemoval = mutations.findIndex((m) => (m.operation === 'UpdateUserAccountType' && m.variables.accountType !== 'ADMIN') || m.operation === 'DisableUser');
      expect(promoted).toBeGreaterThanOrEqual(0);
      expect(promoted).toBeLessThan(firstRemoval);
      expect(mutations.map((m) => m.operation).lastIndexOf('InviteUser')).toBeLessThan(firstRemoval);
    }
  });

  it('refuses a plan made against a workspace that changed since, and sends nothing', async () => {
    const plan = await planFor(swapAdmins);
    ctx.server.store.invite('someone@acme.io', 'ANALYST');
    ctx.server.resetRequests();
    const error = await rejectionOf(applyPlan(rosterFor(ctx.server), plan));
    expect(error).toBeInstanceOf(StalePlanError);
    expect(error.message).toMatch(/changed since this plan was made .* Run the plan again/);
    expect(executedMutations(ctx.server)).toEqual([]);
    expect(operationsOf(ctx.server).every((name) => name.startsWith('List') || name === 'RosterServerInfo')).toBe(true);
  });

  it('loses and duplicates nothing through a storm of 429s', async () => {
    const text = yaml(['members:', ...Array.from({ length: 24 }, (_, i) => `  - { email: storm-${i}@acme.io, role: ${i % 3 === 0 ? 'ANALYST' : 'DEVELOPER'} }`), '  - { email: matt@acme.io, role: ANALYST }']);
    const plan = await planFor(text);
    expect(plan.actions).toHaveLength(25);
    // Every other request of the run (the listing that checks the fingerprint included) is
    // refused at first, half of them with a fractional Retry-After.
    ctx.server.faults.enqueue(
      ...Array.from({ length: 40 }, (_, i) => [{ kind: 'rateLimit' as const, retryAfter: i % 4 === 0 ? '0.01' : '0' }, { kind: 'latency' as const, ms: 0 }]).flat(),
    );
    ctx.server.resetRequests();
    const result = await applyPlan(rosterFor(ctx.server), plan, { concurrency: 6, retry: { maxAttempts: 12 } });
    expect(result).toMatchObject({ applied: 25, failed: 0, skipped: 0 });
    // The mutations met about one 429 each (the storm outlasts the run).
    expect(ctx.server.requests.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(25);
    const sent = executedMutations(ctx.server);
    const perTarget = new Map<string, number>();
    for (const m of sent) {
      const key = String(m.variables.email ?? m.variables.uid);
      perTarget.set(key, (perTarget.get(key) ?? 0) + 1);
    }
    expect(sent).toHaveLength(25);
    expect([...perTarget.values()].every((n) => n === 1)).toBe(true);
    expect(ctx.server.store.listInvited().filter((u) => u.email.startsWith('storm-')).every((u) => u.sendCount === 1)).toBe(true);
    expect((await planFor(text)).actions).toEqual([]);
  });

  it('after a partial failure, re-planning shows only what is left and a second apply converges', async () => {
    const text = yaml(['members:', '  - { email: a-1@acme.io, role: DEVELOPER }', '  - { email: a-2@acme.io, role: DEVELOPER }', '  - { email: a-3@acme.io, role: DEVELOPER }']);
    const plan = await planFor(text);
    const live = await readLiveState(rosterFor(ctx.server));
    // The second mutation meets a server error, which a non-idempotent retry rule would not repeat.
    ctx.server.faults.enqueue({ kind: 'latency', ms: 0 }, { kind: 'status', status: 500 });
    const result = await applyPlan(rosterFor(ctx.server), plan, { concurrency: 1, live });
    expect(result.outcomes.map((o) => o.status)).toEqual(['applied', 'failed', 'applied']);
    expect(result.outcomes[1]?.error).toMatchObject({ code: 'SERVER_ERROR' });
    const rest = await planFor(text);
    expect(rest.actions).toEqual([{ kind: 'invite', email: 'a-2@acme.io', role: 'DEVELOPER' }]);
    expect(await applyPlan(rosterFor(ctx.server), rest)).toMatchObject({ applied: 1, failed: 0 });
    expect((await planFor(text)).actions).toEqual([]);
  });

  it('does not take ADMIN away when granting it failed', async () => {
    const text = yaml(['members:', '  - { email: alexandra@acme.io, role: DEVELOPER }', '  - { email: matt@acme.io, role: ADMIN }']);
    const plan = await planFor(text);
    const live = await readLiveState(rosterFor(ctx.server));
    ctx.server.faults.enqueue({ kind: 'graphqlError', code: 'INTERNAL_SERVER_ERROR', message: 'boom' });
    const result = await applyPlan(rosterFor(ctx.server), plan, { live });
    expect(result.outcomes.map((o) => [o.action.email, o.status, o.error?.code])).toEqual([
      ['matt@acme.io', 'failed', 'SERVER_ERROR'],
      ['alexandra@acme.io', 'skipped', 'SKIPPED'],
    ]);
    expect(ctx.server.store.getByEmail('alexandra@acme.io')?.accountType).toBe('ADMIN');
  });
});
