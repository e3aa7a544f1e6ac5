import { activeUser, DOCUMENTED_LIST_USERS_RESPONSE, EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  NotFoundError,
  PermissionError,
  PreconditionError,
  ValidationError,
  type User,
} from '../src/index.js';
import { operationsOf, rejectionOf, rosterFor, useWorkspace } from './helpers.js';

const ctx = useWorkspace();
const [alexandra, jonny, matt] = DOCUMENTED_LIST_USERS_RESPONSE.data.listUsers.activeUsers;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('feature detection', () => {
  it('finds the extension with one request, once per client', async () => {
    const roster = rosterFor(ctx.server);
    expect(await roster.users.features()).toEqual({ extension: true, extensionVersion: expect.any(String) });
    await roster.users.get(matt.uid);
    await roster.users.getByEmail('matt@acme.io');
    await roster.users.listPage();
    expect(operationsOf(ctx.server).filter((name) => name === 'RosterServerInfo')).toHaveLength(1);
  });
});

describe('users.get', () => {
  it('returns the user with status, enabled flag and timestamps', async () => {
    const user = await rosterFor(ctx.server).users.get(matt.uid);
    expect(user).toMatchObject({ ...matt, status: 'ACTIVE', enabled: true, inviteStatus: null });
    expect(user.createdAt).toMatch(ISO);
    expect(user.updatedAt).toMatch(ISO);
  });

  it('finds disabled users too', async () => {
    const roster = rosterFor(ctx.server);
    await roster.users.disable({ userUid: matt.uid });
    expect(await roster.users.get(matt.uid)).toMatchObject({ status: 'DISABLED', enabled: false });
  });

  it('throws NotFoundError for an unknown uid, ValidationError for a malformed one', async () => {
    const roster = rosterFor(ctx.server);
    expect(await rejectionOf(roster.users.get('a'.repeat(64)))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(roster.users.get('nope'))).toBeInstanceOf(ValidationError);
  });
});

describe('users.getByEmail with the extension', () => {
  it('asks the server instead of downloading the list', async () => {
    const roster = rosterFor(ctx.server);
    expect(await roster.users.getByEmail('JONNY@acme.io')).toEqual(jonny);
    expect(operationsOf(ctx.server)).toEqual(['RosterServerInfo', 'GetUserByEmail']);
  });

  it('does not return invitations or disabled users', async () => {
    const roster = rosterFor(ctx.server);
    expect(await rejectionOf(roster.users.getByEmail('john@acme.io'))).toBeInstanceOf(NotFoundError);
    await roster.users.disable({ userUid: matt.uid });
    expect(await rejectionOf(roster.users.getByEmail('matt@acme.io'))).toBeInstanceOf(NotFoundError);
  });
});

describe('users.listPage and users.list', () => {
  it('pages through everyone with cursors, in a stable order', async () => {
    const roster = rosterFor(ctx.server);
    const first = await roster.users.listPage({}, { first: 2 });
    expect(first.users).toHaveLength(2);
    expect(first.totalCount).toBe(5);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await roster.users.listPage({}, { first: 2, after: first.nextCursor });
    const third = await roster.users.listPage({}, { first: 2, after: second.nextCursor });
    expect(third.nextCursor).toBeNull();
    const emails = [...first.users, ...second.users, ...third.users].map((u) => u.email);
    expect(new Set(emails).size).toBe(5);
  });

  it('iterates with for await, fetching page by page', async () => {
    ctx.server.store.reset({ active: Array.from({ length: 25 }, () => activeUser()) });
    const seen: User[] = [];
    for await (const user of rosterFor(ctx.server).users.list({}, { pageSize: 10 })) seen.push(user);
    expect(seen).toHaveLength(25);
    expect(operationsOf(ctx.server).filter((name) => name === 'ListUsersPage')).toHaveLength(3);
  });

  it('filters by status (pending = INVITED), role, prefix, uids and emails', async () => {
    const roster = rosterFor(ctx.server);
    const emailsOf = async (filter: Parameters<typeof roster.users.listPage>[0]) =>
      (await roster.users.listPage(filter)).users.map((u) => u.email).sort();
    expect(await emailsOf({ status: ['INVITED'] })).toEqual(['john@acme.io', 'max@acme.io']);
    expect(await emailsOf({ status: ['ACTIVE'], accountTypes: ['ADMIN'] })).toEqual(['alexandra@acme.io', 'jonny@acme.io']);
    expect(await emailsOf({ prefix: 'MA' })).toEqual(['matt@acme.io', 'max@acme.io']);
    expect(await emailsOf({ prefix: 'jonathan' })).toEqual(['jonny@acme.io']);
    expect(await emailsOf({ uids: [alexandra.uid, matt.uid] })).toEqual(['alexandra@acme.io', 'matt@acme.io']);
    expect(await emailsOf({ emails: ['MAX@acme.io'] })).toEqual(['max@acme.io']);
  });

  it('filters by creation date', async () => {
    const old = activeUser({ createdAt: '2020-01-01T00:00:00.000Z' });
    const recent = activeUser({ createdAt: '2026-06-01T00:00:00.000Z' });
    ctx.server.store.reset({ active: [old, recent] });
    const roster = rosterFor(ctx.server);
    expect((await roster.users.listPage({ createdAfter: new Date('2025-01-01') })).users.map((u) => u.uid)).toEqual([recent.uid]);
    expect((await roster.users.listPage({ createdBefore: '2025-01-01T00:00:00Z' })).users.map((u) => u.uid)).toEqual([old.uid]);
  });

  it('rejects a bad filter or page size before any request', async () => {
    const roster = rosterFor(ctx.server);
    for (const [filter, options] of [
      [{ status: ['PENDING'] }, {}],
      [{ accountTypes: ['OWNER'] }, {}],
      [{ uids: ['x'] }, {}],
      [{ emails: Array.from({ length: 101 }, (_, i) => `u${i}@acme.io`) }, {}],
      [{ createdAfter: 'yesterday' }, {}],
      [{}, { first: 0 }],
      [{}, { first: 501 }],
    ] as const) {
      expect(await rejectionOf(roster.users.listPage(filter as never, options))).toBeInstanceOf(ValidationError);
    }
    expect(ctx.server.requests).toHaveLength(0);
  });
});

describe('users.update, enable, delete', () => {
  it('updates name, email and role at once and returns the user', async () => {
    const user = await rosterFor(ctx.server).users.update({ userUid: matt.uid, name: 'Matthew McDonald', email: 'matthew@acme.io', accountType: 'ANALYST' });
    expect(user).toMatchObject({ uid: matt.uid, name: 'Matthew McDonald', email: 'matthew@acme.io', accountType: 'ANALYST' });
    expect(ctx.server.store.getByUid(matt.uid)).toMatchObject({ name: 'Matthew McDonald', email: 'matthew@acme.io' });
  });

  it('refuses an email that belongs to someone else, and an empty change', async () => {
    const roster = rosterFor(ctx.server);
    expect(await rejectionOf(roster.users.update({ userUid: matt.uid, email: 'Jonny@acme.io' }))).toBeInstanceOf(ConflictError);
    expect(await rejectionOf(roster.users.update({ userUid: matt.uid }))).toBeInstanceOf(ValidationError);
  });

  it('enables a disabled user again', async () => {
    const roster = rosterFor(ctx.server);
    await roster.users.disable({ userUid: matt.uid });
    expect(await roster.users.enable({ userUid: matt.uid })).toMatchObject({ status: 'ACTIVE', enabled: true });
    expect((await roster.users.listActive()).map((u) => u.uid)).toContain(matt.uid);
  });

  it('deletes a user for good, but not the last admin', async () => {
    const roster = rosterFor(ctx.server);
    await roster.users.delete({ userUid: matt.uid });
    expect(await rejectionOf(roster.users.get(matt.uid))).toBeInstanceOf(NotFoundError);
    await roster.users.delete({ userUid: jonny.uid });
    expect(await rejectionOf(roster.users.delete({ userUid: alexandra.uid }))).toBeInstanceOf(PreconditionError);
  });

  it('needs an admin key', async () => {
    const viewer = rosterFor(ctx.server, { ...EXAMPLE_CREDENTIALS.viewer });
    expect(await viewer.users.get(matt.uid)).toMatchObject({ uid: matt.uid });
    expect(await rejectionOf(viewer.users.update({ userUid: matt.uid, name: 'X' }))).toBeInstanceOf(PermissionError);
    expect(ctx.server.store.getByUid(matt.uid)?.name).toBe('Matt McDonald');
  });
});

describe('invitations', () => {
  it('resends a pending invitation', async () => {
    const user = await rosterFor(ctx.server).users.resendInvite({ email: 'MAX@acme.io' });
    expect(user).toMatchObject({ email: 'max@acme.io', status: 'INVITED', inviteStatus: 'SENT', uid: null });
  });

  it('revokes a pending invitation', async () => {
    const roster = rosterFor(ctx.server);
    await roster.users.revokeInvite({ email: 'john@acme.io' });
    expect((await roster.users.listInvited()).map((u) => u.email)).toEqual(['max@acme.io']);
    expect(await rejectionOf(roster.users.revokeInvite({ email: 'john@acme.io' }))).toBeInstanceOf(NotFoundError);
  });
});

describe('groups and workspaces', () => {
  it('lists groups, a user’s groups, and adds and removes members', async () => {
    const roster = rosterFor(ctx.server);
    const groups = await roster.groups.list();
    expect(groups.length).toBeGreaterThan(0);
    const group = groups[0]!;
    await roster.groups.addUser({ groupId: group.id, userUid: matt.uid });
    await roster.groups.addUser({ groupId: group.id, userUid: matt.uid }); // again: no change
    expect((await roster.users.listGroups({ userUid: matt.uid })).map((g) => g.id)).toContain(group.id);
    const after = (await roster.groups.list()).find((g) => g.id === group.id);
    expect(after?.memberCount).toBe(group.memberCount + 1);
    await roster.groups.removeUser({ groupId: group.id, userUid: matt.uid });
    expect((await roster.users.listGroups({ userUid: matt.uid })).map((g) => g.id)).not.toContain(group.id);
  });

  it('throws NotFoundError for an unknown group', async () => {
    expect(await rejectionOf(rosterFor(ctx.server).groups.addUser({ groupId: 'no-such-group', userUid: matt.uid }))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it('lists the workspaces a user can reach', async () => {
    const workspaces = await rosterFor(ctx.server).users.listWorkspaces({ userUid: alexandra.uid });
    expect(workspaces.length).toBeGreaterThan(0);
    expect(workspaces[0]).toEqual({ uid: expect.stringMatching(/^[0-9a-f]{64}$/), name: expect.any(String) });
  });
});
