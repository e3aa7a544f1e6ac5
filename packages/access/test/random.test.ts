import { activeUser, type AccountType, type RosterServer, type SeedData } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import { applyPlan, parseRosterYaml, planRoster, PlanRefusedError, readLiveState, ROLES, usesGroups, type RosterFile, type RosterMember } from '../src/index.js';
import { rosterFor, useServer } from './helpers.js';

// Many random pairs of live workspace and roster file, reproducible from the seed printed
// with a failure: apply(plan) must reach the file's state, and a second plan must be empty.

/** mulberry32: tiny and seedable; the quality of the randomness is irrelevant here. */
function random(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS = ['admins', 'data-team', 'finance'];
const POOL = Array.from({ length: 16 }, (_, i) => `person-${i}@acme.io`);
const SERVICE = ['ci@svc.acme.io', 'backup@svc.acme.io'];

interface Case {
  readonly seed: SeedData;
  readonly file: RosterFile;
}

function generate(seedNumber: number, extension: boolean): Case {
  const rand = random(seedNumber);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const role = (): AccountType => (rand() < 0.3 ? 'ADMIN' : pick(ROLES));
  const active: NonNullable<SeedData['active']>[number][] = [];
  const invited: NonNullable<SeedData['invited']>[number][] = [];
  for (const [i, email] of [...POOL, ...SERVICE].entries()) {
    const r = rand();
    if (r < 0.45) active.push({ ...activeUser(), email, name: `Person ${i}`, accountType: role(), enabled: rand() > 0.25 });
    else if (r < 0.7) invited.push({ email, accountType: role(), inviteStatus: pick(['SENT', 'EXPIRED', 'ACTIVE'] as const) });
  }
  // A disabled user's address may carry a pending invitation too.
  for (const user of active) if (!user.enabled && rand() < 0.3 && !invited.some((u) => u.email === user.email)) invited.push({ email: user.email, accountType: role(), inviteStatus: 'SENT' });
  const groups = GROUPS.map((id) => ({ id, name: id, memberUids: active.filter(() => rand() < 0.3).map((u) => u.uid) }));

  const members: RosterMember[] = [];
  for (const email of POOL) {
    if (rand() < 0.35) continue;
    const spelled = rand() < 0.3 ? email.toUpperCase() : email;
    const member: RosterMember = { email: spelled, role: role(), ...(rand() < 0.4 ? { groups: GROUPS.filter(() => rand() < 0.4) } : {}) };
    members.push(member);
  }
  const text = [
    `mode: ${rand() < 0.5 ? 'additive' : 'authoritative'}`,
    `resendExpired: ${rand() < 0.7}`,
    'ignore: ["*@svc.acme.io"]',
    'members:',
    ...members.map((m) => `  - { email: ${m.email}, role: ${m.role}${m.groups ? `, groups: [${m.groups.join(', ')}]` : ''} }`),
  ].join('\n');
  void extension;
  return { seed: { active, invited, groups }, file: parseRosterYaml(`${text}\n`) };
}

/** What the server holds, by lower-case address: status, role, groups. */
function stateOf(server: RosterServer) {
  const state = new Map<string, { status: string; role: string; groups: string[]; inviteStatus?: string }>();
  for (const user of server.store.listActive({ includeDisabled: true })) {
    if (!user.enabled && state.has(user.email.toLowerCase())) continue;
    state.set(user.email.toLowerCase(), { status: user.enabled ? 'ACTIVE' : 'DISABLED', role: user.accountType, groups: server.store.groups.of(user.uid).map((g) => g.id).sort() });
  }
  for (const user of server.store.listInvited()) {
    const key = user.email.toLowerCase();
    if (state.get(key)?.status !== 'ACTIVE') state.set(key, { status: 'INVITED', role: user.accountType, groups: [], inviteStatus: user.inviteStatus });
  }
  return state;
}

const kindsSeen = new Map<string, number>();

async function check(server: RosterServer, seedNumber: number, extension: boolean): Promise<'applied' | 'refused'> {
  const { seed, file } = generate(seedNumber, extension);
  server.store.reset(seed);
  const before = stateOf(server);
  const roster = rosterFor(server);
  const live = await readLiveState(roster, { groups: usesGroups(file) });
  let plan;
  try {
    plan = planRoster(file, live, { allowMassRemoval: true });
  } catch (error) {
    if (!(error instanceof PlanRefusedError)) throw error;
    // Refused only when no enabled ADMIN would be left: none of the members who are (or will
    // be) enabled users is an ADMIN, and no ADMIN outside the file keeps access.
    const enabledAdminsKept = [...before].filter(([email, u]) => {
      const member = file.members.find((m) => m.email.toLowerCase() === email);
      if (email.endsWith('@svc.acme.io')) return u.status === 'ACTIVE' && u.role === 'ADMIN';
      if (member) return member.role === 'ADMIN' && (u.status === 'ACTIVE' || (u.status === 'DISABLED' && extension));
      return file.mode === 'additive' && u.status === 'ACTIVE' && u.role === 'ADMIN';
    });
    expect(enabledAdminsKept, `seed ${seedNumber}`).toEqual([]);
    return 'refused';
  }
  for (const action of plan.actions) kindsSeen.set(action.kind, (kindsSeen.get(action.kind) ?? 0) + 1);
  const result = await applyPlan(roster, plan, { live });
  expect(result.outcomes.filter((o) => o.status !== 'applied'), `seed ${seedNumber}`).toEqual([]);
  const after = stateOf(server);
  for (const member of file.members) {
    const user = after.get(member.email.toLowerCase());
    const wasDisabledOnly = before.get(member.email.toLowerCase())?.status === 'DISABLED';
    expect(user?.role, `seed ${seedNumber}: ${member.email}`).toBe(member.role);
    expect(user?.status, `seed ${seedNumber}: ${member.email}`).toBe(wasDisabledOnly && extension ? 'ACTIVE' : (before.get(member.email.toLowerCase())?.status ?? 'INVITED') === 'ACTIVE' ? 'ACTIVE' : 'INVITED');
    if (member.groups && extension && user?.status === 'ACTIVE') expect(user.groups, `seed ${seedNumber}: ${member.email}`).toEqual([...member.groups].sort());
    if (user?.status === 'INVITED' && file.resendExpired) expect(user.inviteStatus).not.toBe('EXPIRED');
  }
  for (const [email, user] of after) {
    if (email.endsWith('@svc.acme.io')) expect(user, `seed ${seedNumber}: ignored ${email}`).toEqual(before.get(email));
    else if (!file.members.some((m) => m.email.toLowerCase() === email)) {
      if (file.mode === 'additive') expect(user, `seed ${seedNumber}: unlisted ${email}`).toEqual(before.get(email));
      else expect(user.status === 'ACTIVE' || (user.status === 'INVITED' && extension), `seed ${seedNumber}: unlisted ${email} is ${user.status}`).toBe(false);
    }
  }
  const again = planRoster(file, await readLiveState(roster, { groups: usesGroups(file) }), { allowMassRemoval: true });
  expect(again.actions, `seed ${seedNumber}`).toEqual([]);
  expect(again.unsupported).toEqual(plan.unsupported);
  return 'applied';
}

describe('random workspaces and roster files', () => {
  const full = useServer({ seed: 'empty' });
  const core = useServer({ seed: 'empty', mode: 'core' });

  it('with the extension: apply(plan) reaches the file state and a second plan is empty', async () => {
    const seen = { applied: 0, refused: 0 };
    for (let seed = 1; seed <= 60; seed++) seen[await check(full.server, seed, true)] += 1;
    // The generator must exercise both outcomes, or the property above proves little.
    expect(seen.applied).toBeGreaterThan(30);
    expect(seen.refused).toBeGreaterThan(0);
    expect([...kindsSeen.keys()].sort()).toEqual(['add-to-group', 'change-role', 'disable', 'enable', 'invite', 'remove-from-group', 'resend', 'revoke']);
    expect(Math.min(...kindsSeen.values()), JSON.stringify([...kindsSeen])).toBeGreaterThan(4);
    kindsSeen.clear();
  });

  it('on a core-only server: the same with core actions only', async () => {
    kindsSeen.clear();
    const seen = { applied: 0, refused: 0 };
    for (let seed = 1001; seed <= 1030; seed++) seen[await check(core.server, seed, false)] += 1;
    expect(seen.applied).toBeGreaterThan(15);
    expect([...kindsSeen.keys()].sort()).toEqual(['change-role', 'disable', 'invite', 'resend']);
    const kinds = new Set<string>();
    for (const request of core.server.requests) kinds.add(String((request.body as { operationName?: string }).operationName));
    expect([...kinds].filter((k) => !['RosterServerInfo', 'ListUsers', 'InviteUser', 'UpdateUserAccountType', 'DisableUser', 'ListInvitedUsers'].includes(k))).toEqual([]);
  });
});
