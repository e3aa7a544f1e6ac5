import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RosterServer } from '@roster/fixtures';
import { envFor, expectNoSecret, mutations, roster, useServer } from './helpers.js';

// The access-as-code commands (dump, plan, apply, drift) as processes of the built bin,
// against the reference server.

const dir = mkdtempSync(path.join(tmpdir(), 'roster-cli-access-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text?: string) => {
  const at = path.join(dir, name);
  if (text !== undefined) writeFileSync(at, text);
  return at;
};

const ctx = useServer();

const MUTATIONS = ['InviteUser', 'ResendInvite', 'RevokeInvite', 'UpdateUserAccountType', 'DisableUser', 'EnableUser', 'AddUserToGroup', 'RemoveUserFromGroup', 'DeleteUser', 'UpdateUser'];
/** The mutations the server executed, by its own exact count. */
const mutationCount = (server: RosterServer) => MUTATIONS.reduce((sum, name) => sum + (server.stats.operations[name] ?? 0), 0);
const run = (args: string[], env: Record<string, string> = {}) => roster(args, { env: { ...envFor(ctx.server), ...env }, cwd: dir });

const changes = [
  'mode: authoritative',
  'members:',
  '  - { email: alexandra@acme.io, role: ADMIN }',
  '  - { email: jonny@acme.io, role: DEVELOPER }',
  '  - { email: matt@acme.io, role: ADMIN }',
  '  - { email: max@acme.io, role: ADMIN }',
  '  - { email: new@acme.io, role: ANALYST }',
  '',
].join('\n');

const DIFF = [
  '~ resend invitation max@acme.io (expired, ADMIN)',
  '+ invite            new@acme.io as ANALYST',
  '~ change role       matt@acme.io DEVELOPER → ADMIN',
  '~ change role       jonny@acme.io ADMIN → DEVELOPER',
  '- revoke invitation john@acme.io (ADMIN)',
  '',
  'Plan: 1 to add, 3 to change, 1 to remove.',
  '',
].join('\n');

describe('roster dump, then roster plan', () => {
  it('prints "No changes" and exits 0', async () => {
    const dumped = await run(['dump']);
    expect(dumped).toMatchObject({ code: 0, stderr: '' });
    expect(dumped.stdout).toContain('  - email: matt@acme.io\n    role: DEVELOPER\n    name: Matt McDonald\n    groups: [ data-team ]\n');
    const planned = await run(['plan', file('dumped.yaml', dumped.stdout)]);
    expect(planned).toMatchObject({ code: 0, stdout: 'No changes. The workspace matches the roster.\n' });
    expect(mutations(ctx.server)).toEqual([]);
    expectNoSecret(dumped);
  });

  it('does the same against a core-only server, and writes to a file with -o', async () => {
    const core = useServerOnce();
    const server = await core;
    try {
      const env = envFor(server);
      expect(await roster(['dump', '-o', file('core.yaml')], { env, cwd: dir })).toMatchObject({ code: 0, stdout: '' });
      expect(readFileSync(file('core.yaml'), 'utf8')).not.toContain('groups');
      expect(await roster(['plan', file('core.yaml')], { env, cwd: dir })).toMatchObject({ code: 0, stdout: 'No changes. The workspace matches the roster.\n' });
    } finally {
      await server.close();
    }
  });
});

async function useServerOnce() {
  const { startServer } = await import('@roster/fixtures');
  return startServer({ seed: 'example', mode: 'core' });
}

describe('roster plan', () => {
  it('shows the diff, exits 2, saves the plan and sends nothing', async () => {
    const result = await run(['plan', file('changes.yaml', changes), '-o', file('plan.json')]);
    expect(result).toMatchObject({ code: 2, stdout: DIFF });
    expect(result.stderr).toContain('plan saved to');
    expect(JSON.parse(readFileSync(file('plan.json'), 'utf8'))).toMatchObject({ format: 'roster-plan/v1', summary: { invite: 1, revoke: 1 }, fingerprint: expect.stringMatching(/^v1:/) });
    expect(mutations(ctx.server)).toEqual([]);
  });

  it('writes JSON with --format json, and colours the diff only when asked for a terminal', async () => {
    const json = await run(['plan', file('changes.yaml', changes), '--format', 'json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).actions).toHaveLength(5);
    expect((await run(['plan', file('changes.yaml')])).stdout).not.toContain('\u001b[');
    expect((await run(['plan', file('changes.yaml')], { FORCE_COLOR: '1' })).stdout).toContain('\u001b[31m- revoke invitation john@acme.io (ADMIN)');
    expect((await run(['plan', file('changes.yaml')], { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).toBe(DIFF);
  });

  it('exits 1 naming the file, line and column of a bad roster file', async () => {
    const result = await run(['plan', file('bad.yaml', 'members:\n  - { email: a@acme.io, role: OWNER }\n  - { email: A@ACME.IO, role: ADMIN }\n')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad.yaml:2:31: unknown role "OWNER"');
    expect(result.stderr).toContain('bad.yaml:3:14: duplicate email A@ACME.IO: already listed at line 2');
    expect(result.stdout).toBe('');
  });

  it('refuses a mass removal unless --allow-mass-removal, and a plan without an admin', async () => {
    const few = file('few.yaml', 'mode: authoritative\nmembers:\n  - { email: alexandra@acme.io, role: ADMIN }\n  - { email: matt@acme.io, role: DEVELOPER }\n');
    const refused = await run(['plan', few]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/disables or revokes 3 of 5 users[\s\S]*--allow-mass-removal/);
    expect((await run(['plan', few, '--allow-mass-removal'])).code).toBe(2);
    expect((await run(['plan', few, '--max-removals', '3', '--max-removal-share', '0.6'])).code).toBe(2);
    const noAdmin = await run(['plan', file('no-admin.yaml', 'members:\n  - { email: alexandra@acme.io, role: DEVELOPER }\n  - { email: jonny@acme.io, role: DEVELOPER }\n')]);
    expect(noAdmin.code).toBe(1);
    expect(noAdmin.stderr).toMatch(/no enabled ADMIN/);
  });

  it('reads a CSV roster with --mode and --ignore', async () => {
    const csv = file('team.csv', '\uFEFFEmail,Role\r\nalexandra@acme.io,admin\r\njonny@acme.io,Admin\r\nmatt@acme.io,developer\r\nmax@acme.io,ADMIN\r\n');
    const result = await run(['plan', csv, '--mode', 'authoritative', '--ignore', 'john@*']);
    expect(result).toMatchObject({ code: 2, stdout: '~ resend invitation max@acme.io (expired, ADMIN)\n\nPlan: 0 to add, 1 to change, 0 to remove.\n' });
    expect((await run(['plan', file('changes.yaml'), '--mode', 'additive'])).code).toBe(64);
  });
});

describe('roster apply', () => {
  it('applies a saved plan, writes every outcome, then refuses it once the workspace has changed', async () => {
    expect((await run(['plan', file('changes.yaml', changes), '-o', file('saved.json')])).code).toBe(2);
    ctx.server.resetRequests();
    // Off a terminal nobody can confirm: a saved plan needs --yes like a roster file does.
    const unconfirmed = await run(['apply', file('saved.json')]);
    expect(unconfirmed.code).toBe(64);
    expect(unconfirmed.stderr).toMatch(/apply these 5 changes to the workspace\?[\s\S]*--yes/);
    expect(mutationCount(ctx.server)).toBe(0);
    const applied = await run(['apply', file('saved.json'), '--yes', '--result', file('result.json')]);
    expect(applied.code).toBe(0);
    expect(applied.stderr).toContain('Apply complete: 5 applied, 0 failed, 0 not sent.');
    const result = JSON.parse(readFileSync(file('result.json'), 'utf8')) as { outcomes: { status: string }[] };
    expect(result.outcomes.map((o) => o.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    expect(mutations(ctx.server).filter((m) => m.status === 200)).toHaveLength(5);
    expect((await run(['plan', file('changes.yaml')])).code).toBe(0);

    ctx.server.resetRequests();
    const again = await run(['apply', file('saved.json'), '--yes']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/workspace changed since this plan was made[\s\S]*run `roster plan` again/);
    expect(again.stdout).toBe('');
    expect(mutations(ctx.server)).toEqual([]);
  });

  it('refuses a hand-edited plan.json whose actions leave no ADMIN or remove too many, sending nothing', async () => {
    expect((await run(['plan', file('changes.yaml', changes), '-o', file('reviewed.json')])).code).toBe(2);
    const reviewed = JSON.parse(readFileSync(file('reviewed.json'), 'utf8')) as { actions: Record<string, unknown>[]; guard?: { allowMassRemoval: boolean } };
    expect(reviewed.guard).toEqual({ allowMassRemoval: false, removalLimit: { count: 10, share: 0.25 } });
    const store = ctx.server.store;
    const admins = store.listActive().filter((user) => user.accountType === 'ADMIN' && user.enabled);
    expect(admins.length).toBeGreaterThan(0);
    const demoteAll = { ...reviewed, actions: admins.map((user) => ({ kind: 'disable', uid: user.uid, email: user.email, role: 'ADMIN' })) };
    ctx.server.resetRequests();
    const noAdmin = await run(['apply', file('no-admin.json', JSON.stringify(demoteAll)), '--yes']);
    expect(noAdmin.code).toBe(1);
    expect(noAdmin.stderr).toMatch(/no enabled ADMIN[\s\S]*nothing was applied/);
    // Flipping the recorded guard does not help either: this run's limit holds.
    // Everyone but one admin disabled, every invitation revoked: one admin is left, but far more than a quarter goes.
    const others = store.listActive().filter((user) => user.enabled && user.uid !== admins[0]!.uid);
    const removeAll = {
      ...reviewed,
      guard: { allowMassRemoval: true, removalLimit: { count: 10, share: 0.25 } },
      actions: [
        ...store.listInvited().map((invite) => ({ kind: 'revoke', email: invite.email, role: invite.accountType })),
        ...others.map((user) => ({ kind: 'disable', uid: user.uid, email: user.email, role: user.accountType })),
      ],
    };
    expect(removeAll.actions.length).toBeGreaterThan(2);
    const mass = await run(['apply', file('mass.json', JSON.stringify(removeAll)), '--yes']);
    expect(mass.code).toBe(1);
    expect(mass.stderr).toMatch(/disables or revokes/);
    expect(mutationCount(ctx.server)).toBe(0);
    expect(admins.every((user) => store.getByEmail(user.email)?.enabled)).toBe(true);
  });

  it('plans and applies a roster file only with --yes when not on a terminal; --dry-run sends nothing', async () => {
    const yaml = file('changes.yaml', changes);
    const refused = await run(['apply', yaml]);
    expect(refused.code).toBe(64);
    expect(refused.stderr).toMatch(/apply these 5 changes to the workspace\?[\s\S]*--yes/);
    const dry = await run(['apply', yaml, '--dry-run']);
    expect(dry).toMatchObject({ code: 2, stdout: DIFF });
    expect(mutations(ctx.server)).toEqual([]);
    const done = await run(['apply', yaml, '--yes']);
    expect(done.code).toBe(0);
    expect(ctx.server.store.getByEmail('matt@acme.io')?.accountType).toBe('ADMIN');
    expect(await run(['apply', yaml, '--yes'])).toMatchObject({ code: 0, stdout: 'No changes. The workspace matches the roster.\n' });
    expectNoSecret(done);
  });

  it('reports a partial failure with exit 3, and a re-plan shows only what is left', async () => {
    const yaml = file('three.yaml', 'members:\n  - { email: p-1@acme.io, role: ANALYST }\n  - { email: p-2@acme.io, role: ANALYST }\n  - { email: p-3@acme.io, role: ANALYST }\n');
    // The listing and the feature probe pass; then one invitation meets a server error that is not retried.
    ctx.server.faults.enqueue({ kind: 'latency', ms: 0 }, { kind: 'latency', ms: 0 }, { kind: 'status', status: 500 });
    const partial = await run(['apply', yaml, '--yes', '--concurrency', '1']);
    expect(partial.code).toBe(3);
    expect(partial.stderr).toMatch(/✗ 1\/3 failed \+ invite p-1@acme\.io as ANALYST \(SERVER_ERROR/);
    expect(partial.stderr).toContain('Apply incomplete: 2 applied, 1 failed, 0 not sent.');
    expect((await run(['plan', yaml])).stdout).toBe('+ invite            p-1@acme.io as ANALYST\n\nPlan: 1 to add, 0 to change, 0 to remove.\n');
  });
});

describe('roster drift', () => {
  it('reports drift by kind with exit 2, as JSON too, and exits 0 when the workspace matches', async () => {
    const yaml = file('changes.yaml', changes);
    const drift = await run(['drift', yaml]);
    expect(drift.code).toBe(2);
    expect(drift.stdout).toBe(
      [
        'Not in the file (1)',
        '  - revoke invitation john@acme.io (ADMIN)',
        'Missing from the workspace (1)',
        '  + invite            new@acme.io as ANALYST',
        'Wrong role (2)',
        '  ~ change role       matt@acme.io DEVELOPER → ADMIN',
        '  ~ change role       jonny@acme.io ADMIN → DEVELOPER',
        'Stale invitation (1)',
        '  ~ resend invitation max@acme.io (expired, ADMIN)',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await run(['drift', yaml, '--json'])).stdout);
    expect(json['wrong-role']).toHaveLength(2);
    const dumped = file('now.yaml', (await run(['dump'])).stdout);
    expect(await run(['drift', dumped])).toMatchObject({ code: 0, stdout: 'No drift. The workspace matches the roster.\n' });
    expect(mutations(ctx.server)).toEqual([]);
  });
});
