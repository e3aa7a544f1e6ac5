import { describe, expect, it } from 'vitest';
import {
  dumpRoster,
  formatPlan,
  parseRosterYaml,
  planRoster,
  PlanRefusedError,
  readLiveState,
  RosterFileError,
  type Action,
} from '../src/index.js';
import { rejectionOf, rosterFor, useServer } from './helpers.js';

const ctx = useServer();
const live = (groups = true) => readLiveState(rosterFor(ctx.server), { groups });
const yaml = (lines: string[]) => `${lines.join('\n')}\n`;
const compact = (actions: readonly Action[]) =>
  actions.map((a) => {
    switch (a.kind) {
      case 'change-role':
        return `${a.kind} ${a.email}${a.uid === null ? ' (invitation)' : ''} ${a.from}->${a.to}`;
      case 'add-to-group':
      case 'remove-from-group':
        return `${a.kind} ${a.email} ${a.group}`;
      default:
        return `${a.kind} ${a.email}`;
    }
  });

describe('dump, then plan', () => {
  it('dumps the example workspace sorted and stable, and planning it changes nothing in either mode', async () => {
    const state = await live();
    const text = dumpRoster(state);
    expect(text).toContain('# yaml-language-server: $schema=https://unpkg.com/@roster/access/roster-file.schema.json');
    expect(text.slice(text.indexOf('version:'))).toBe(
      yaml([
        'version: 1',
        'mode: additive',
        '# 1 invitation(s) expired; set true to send them again',
        'resendExpired: false',
        'members:',
        '  - email: alexandra@acme.io',
        '    role: ADMIN',
        '    name: Alexandra James',
        '    groups: [ admins ]',
        '  - email: john@acme.io',
        '    role: ADMIN',
        '  - email: jonny@acme.io',
        '    role: ADMIN',
        '    name: Jonathan Maxwell',
        '    groups: [ admins ]',
        '  - email: matt@acme.io',
        '    role: DEVELOPER',
        '    name: Matt McDonald',
        '    groups: [ data-team ]',
        '  - email: max@acme.io',
        '    role: ADMIN',
      ]),
    );
    expect(dumpRoster(await live())).toBe(text);
    const file = parseRosterYaml(text);
    expect(planRoster(file, state).actions).toEqual([]);
    expect(planRoster({ ...file, mode: 'authoritative' }, state).actions).toEqual([]);
    expect(formatPlan(planRoster(file, state))).toBe('No changes. The workspace matches the roster.\n');
  });

  it('reads every user with the extension, disabled ones and timestamps included', async () => {
    ctx.server.store.disable(ctx.server.store.getByEmail('matt@acme.io')!.uid);
    const state = await live(false);
    expect(state.users.map((u) => [u.email, u.status]).sort()).toEqual([
      ['alexandra@acme.io', 'ACTIVE'],
      ['john@acme.io', 'INVITED'],
      ['jonny@acme.io', 'ACTIVE'],
      ['matt@acme.io', 'DISABLED'],
      ['max@acme.io', 'INVITED'],
    ]);
    expect(state.users.every((u) => u.createdAt === '2024-01-01T00:00:00.000Z' && typeof u.updatedAt === 'string')).toBe(true);
  });

  it('reads every page of a workspace larger than a page', async () => {
    for (let i = 0; i < 1203; i++) ctx.server.store.invite(`bulk-${i}@acme.io`, 'ANALYST');
    ctx.server.resetRequests();
    const state = await readLiveState(rosterFor(ctx.server), { pageSize: 500 });
    expect(state.users).toHaveLength(1208);
    expect(new Set(state.users.map((u) => u.email)).size).toBe(1208);
    expect(ctx.server.requests.filter((r) => (r.body as { operationName?: string }).operationName === 'ListUsersPage')).toHaveLength(3);
    ctx.server.resetRequests();
    const withGroups = await readLiveState(rosterFor(ctx.server), { groups: true, pageSize: 500 });
    expect(withGroups.users).toHaveLength(1208);
    expect(withGroups.users.find((u) => u.email === 'matt@acme.io')?.groups).toEqual(['data-team']);
    expect(ctx.server.requests.filter((r) => (r.body as { operationName?: string }).operationName === 'ListUsersWithGroups')).toHaveLength(3);
  });

  it('keeps disabled users out of a dump, and a dump without groups plans without reading them', async () => {
    ctx.server.store.disable(ctx.server.store.getByEmail('matt@acme.io')!.uid);
    const state = await live(false);
    expect(state.groups).toBeNull();
    const text = dumpRoster(state);
    expect(text).not.toContain('matt@acme.io');
    expect(text).not.toContain('groups');
    expect(planRoster(parseRosterYaml(text), state).actions).toEqual([]);
  });
});

describe('planRoster', () => {
  it('plans every kind of change, access granted first and taken away last', async () => {
    ctx.server.store.disable(ctx.server.store.getByEmail('matt@acme.io')!.uid);
    const file = parseRosterYaml(
      yaml([
        'mode: authoritative',
        'members:',
        '  - { email: Alexandra@ACME.io, role: ADMIN, groups: [data-team] }',
        '  - { email: jonny@acme.io, role: DEVELOPER }',
        '  - { email: matt@acme.io, role: ADMIN }',
        '  - { email: max@acme.io, role: ADMIN }',
        '  - { email: new@acme.io, role: ANALYST }',
      ]),
    );
    const plan = planRoster(file, await live(), { allowMassRemoval: true });
    expect(compact(plan.actions)).toEqual([
      'enable matt@acme.io',
      'resend max@acme.io',
      'invite new@acme.io',
      'change-role matt@acme.io DEVELOPER->ADMIN',
      'add-to-group alexandra@acme.io data-team',
      'remove-from-group alexandra@acme.io admins',
      'change-role jonny@acme.io ADMIN->DEVELOPER',
      'revoke john@acme.io',
    ]);
    expect(plan.summary).toMatchObject({ enable: 1, resend: 1, invite: 1, 'change-role': 2, revoke: 1, disable: 0 });
    expect(plan.liveSize).toBe(4);
    expect(formatPlan(plan)).toContain('+ enable            matt@acme.io (DEVELOPER)\n');
    expect(formatPlan(plan)).toContain('\nPlan: 3 to add, 3 to change, 2 to remove.\n');
    expect(formatPlan(plan, { color: true })).toContain('\u001b[31m- revoke invitation john@acme.io (ADMIN)\u001b[0m');
  });

  it('changes the role of an invitation by inviting again, and leaves what the file does not name in additive mode', async () => {
    const plan = planRoster(parseRosterYaml('members:\n  - { email: john@acme.io, role: ANALYST }\n'), await live());
    expect(compact(plan.actions)).toEqual(['change-role john@acme.io (invitation) ADMIN->ANALYST']);
    expect(plan.mode).toBe('additive');
  });

  it('never touches ignored addresses, and counts an ignored admin for the admin rule', async () => {
    const file = parseRosterYaml(yaml(['mode: authoritative', 'ignore: ["alexandra@acme.io", "j*@acme.io"]', 'members:', '  - { email: matt@acme.io, role: DEVELOPER }', '  - { email: max@acme.io, role: ADMIN }']));
    const plan = planRoster(file, await live());
    expect(compact(plan.actions)).toEqual(['resend max@acme.io']);
    expect(plan.liveSize).toBe(2);
  });

  it('refuses a plan that leaves no enabled ADMIN, whatever the order of the file', async () => {
    const state = await live();
    const members = ['  - { email: alexandra@acme.io, role: DEVELOPER }', '  - { email: jonny@acme.io, role: ANALYST }', '  - { email: matt@acme.io, role: DEVELOPER }'];
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 2, 0]]) {
      const file = parseRosterYaml(yaml(['members:', ...order.map((i) => members[i]!)]));
      const error = await rejectionOf(() => planRoster(file, state));
      expect(error).toBeInstanceOf(PlanRefusedError);
      expect(error).toMatchObject({ reason: 'no-admin', code: 'FAILED_PRECONDITION' });
    }
    // An invitation as ADMIN does not count: it has not signed up.
    const invitedOnly = parseRosterYaml(yaml(['mode: authoritative', 'members:', '  - { email: max@acme.io, role: ADMIN }', '  - { email: matt@acme.io, role: DEVELOPER }']));
    expect(await rejectionOf(() => planRoster(invitedOnly, state, { allowMassRemoval: true }))).toMatchObject({ reason: 'no-admin' });
  });

  it('refuses more removals than the limit unless mass removal is allowed', async () => {
    const state = await live();
    const file = parseRosterYaml(yaml(['mode: authoritative', 'members:', '  - { email: alexandra@acme.io, role: ADMIN }', '  - { email: matt@acme.io, role: DEVELOPER }']));
    // 3 removals (jonny, john, max) of 5: over a quarter of the workspace.
    const error = await rejectionOf(() => planRoster(file, state));
    expect(error).toBeInstanceOf(PlanRefusedError);
    expect(error).toMatchObject({ reason: 'mass-removal' });
    expect(error.message).toMatch(/disables or revokes 3 of 5 users/);
    expect(planRoster(file, state, { allowMassRemoval: true }).summary).toMatchObject({ disable: 1, revoke: 2 });
    expect(planRoster(file, state, { removalLimit: { count: 3, share: 0.6 } }).actions).toHaveLength(3);
    expect(await rejectionOf(() => planRoster(file, state, { removalLimit: { count: 2, share: 1 } }))).toMatchObject({ reason: 'mass-removal' });
  });

  it('names the line of a member whose group does not exist', async () => {
    const file = parseRosterYaml(yaml(['members:', '  - { email: matt@acme.io, role: DEVELOPER }', '  - { email: alexandra@acme.io, role: ADMIN, groups: [admins, finance] }']));
    const state = await live();
    const error = await rejectionOf(() => planRoster(file, state));
    expect(error).toBeInstanceOf(RosterFileError);
    expect((error as RosterFileError).problems).toEqual([{ file: 'roster.yaml', line: 3, column: 5, message: "unknown group 'finance' for alexandra@acme.io (the workspace has: admins, data-team)" }]);
  });
});

describe('against a core-only server', () => {
  const core = useServer({ seed: 'example', mode: 'core' });

  it('plans core actions only: no revoke, no enable, no groups, and says so', async () => {
    const state = await readLiveState(rosterFor(core.server), { groups: true });
    expect(state).toMatchObject({ extension: false, groups: null });
    expect(state.users).toHaveLength(5);
    const file = parseRosterYaml(
      yaml(['mode: authoritative', 'members:', '  - { email: alexandra@acme.io, role: ADMIN, groups: [admins] }', '  - { email: jonny@acme.io, role: ADMIN }', '  - { email: matt@acme.io, role: ANALYST }', '  - { email: max@acme.io, role: ADMIN }', '  - { email: new@acme.io, role: DEVELOPER }']),
    );
    const plan = planRoster(file, state);
    expect(compact(plan.actions)).toEqual(['resend max@acme.io', 'invite new@acme.io', 'change-role matt@acme.io DEVELOPER->ANALYST']);
    expect(plan.unsupported.map((u) => [u.action.kind, u.action.email, u.reason])).toEqual([['revoke', 'john@acme.io', 'revoking an invitation needs the Roster extension']]);
    expect(plan.warnings).toEqual(['group membership of 1 member(s) is not managed: the server has no Roster extension']);
    expect(formatPlan(plan)).toContain('Not possible on this server (1):\n  - revoke invitation john@acme.io (ADMIN): revoking an invitation needs the Roster extension\n');
  });
});
