import { describe, expect, it } from 'vitest';
import { readLiveState } from '../src/index.js';
import { fingerprintOf, ignoreMatcher, type LiveState, type LiveUser } from '../src/planner.js';
import { rosterFor, useServer } from './helpers.js';

const user = (email: string, overrides: Partial<LiveUser> = {}): LiveUser => ({
  uid: null,
  email,
  name: null,
  role: 'DEVELOPER',
  status: 'INVITED',
  inviteStatus: 'SENT',
  groups: null,
  ...overrides,
});
const state = (users: LiveUser[], extension = true): LiveState => ({ extension, users, groups: null });
const users = [user('a@acme.io'), user('b@acme.io', { role: 'ADMIN' }), user('ci@svc.acme.io')];

describe('fingerprintOf', () => {
  it('does not depend on the listing order or the case of addresses', () => {
    expect(fingerprintOf(state([...users].reverse()))).toBe(fingerprintOf(state(users)));
    expect(fingerprintOf(state([user('A@ACME.io'), ...users.slice(1)]))).toBe(fingerprintOf(state(users)));
  });

  it('changes with any role, status, invitation, group or extension change, and with a repeated user', () => {
    const base = fingerprintOf(state(users));
    const variants = [
      state([user('a@acme.io', { role: 'ANALYST' }), ...users.slice(1)]),
      state([user('a@acme.io', { inviteStatus: 'EXPIRED' }), ...users.slice(1)]),
      state([user('a@acme.io', { status: 'ACTIVE', uid: 'f'.repeat(64) }), ...users.slice(1)]),
      state([user('a@acme.io', { groups: [] }), ...users.slice(1)]),
      state(users, false),
      state([...users, users[0]!]),
      state(users.slice(1)),
    ];
    const prints = variants.map((v) => fingerprintOf(v));
    expect(new Set([base, ...prints]).size).toBe(variants.length + 1);
    expect(base).toMatch(/^v1:[0-9a-f]{32}$/);
  });

  it('leaves ignored users out', () => {
    const ignored = ignoreMatcher(['*@svc.acme.io']);
    expect(fingerprintOf(state(users), ignored)).toBe(fingerprintOf(state(users.slice(0, 2)), ignored));
    expect(fingerprintOf(state([...users.slice(0, 2), user('ci@svc.acme.io', { role: 'ADMIN' })]), ignored)).toBe(fingerprintOf(state(users), ignored));
  });
});

describe('fingerprints of a workspace as read', () => {
  const ctx = useServer();

  it('are the same whether the digests were recorded during the listing or computed afterwards', async () => {
    for (let i = 0; i < 700; i++) ctx.server.store.invite(`Bulk-${i}@acme.io`, i % 2 ? 'ANALYST' : 'DEVELOPER');
    for (const groups of [false, true]) {
      const live = await readLiveState(rosterFor(ctx.server), { groups });
      // A copy of the users array carries no recorded digests.
      const copy: LiveState = { ...live, users: [...live.users] };
      const ignored = ignoreMatcher(['bulk-1*@acme.io']);
      expect(fingerprintOf(live)).toBe(fingerprintOf(copy));
      expect(fingerprintOf(live, ignored)).toBe(fingerprintOf(copy, ignored));
      expect(fingerprintOf(live, ignored)).not.toBe(fingerprintOf(live));
    }
  });
});
