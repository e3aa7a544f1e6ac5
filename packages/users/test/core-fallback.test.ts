import { DOCUMENTED_LIST_USERS_RESPONSE } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import { NotFoundError, NotSupportedError, ValidationError, type Roster } from '../src/index.js';
import { operationsOf, rejectionOf, rosterFor, useWorkspace } from './helpers.js';

// A server that speaks only the documented core API.
const ctx = useWorkspace({ seed: 'example', mode: 'core' });
const [alexandra, , matt] = DOCUMENTED_LIST_USERS_RESPONSE.data.listUsers.activeUsers;

describe('against a core-only server', () => {
  it('detects the missing extension once per client', async () => {
    const roster = rosterFor(ctx.server);
    expect(await roster.users.features()).toEqual({ extension: false, extensionVersion: undefined });
    await roster.users.getByEmail('matt@acme.io');
    await roster.users.listPage();
    await rejectionOf(roster.users.enable({ userUid: matt.uid }));
    expect(operationsOf(ctx.server).filter((name) => name === 'RosterServerInfo')).toHaveLength(1);
  });

  it('serves getByEmail by filtering the active list', async () => {
    const roster = rosterFor(ctx.server);
    expect(await roster.users.getByEmail('Matt@Acme.io')).toEqual(matt);
    expect(operationsOf(ctx.server)).toEqual(['RosterServerInfo', 'ListActiveUsers']);
  });

  it('serves get for active users from the list', async () => {
    const roster = rosterFor(ctx.server);
    expect(await roster.users.get(matt.uid)).toMatchObject({ ...matt, status: 'ACTIVE', enabled: true, createdAt: null });
    expect(await rejectionOf(roster.users.get('a'.repeat(64)))).toBeInstanceOf(NotFoundError);
  });

  it('serves the listing, filtered and paged here', async () => {
    const roster = rosterFor(ctx.server);
    const page = await roster.users.listPage({ status: ['INVITED'] });
    expect(page.users.map((u) => u.email)).toEqual(['max@acme.io', 'john@acme.io']);
    const all: string[] = [];
    for await (const user of roster.users.list({ prefix: 'ma' }, { pageSize: 1 })) all.push(user.email);
    expect(all).toEqual(['matt@acme.io', 'max@acme.io']);
  });

  it('downloads the core list once for a whole iteration, not once per page', async () => {
    const roster = rosterFor(ctx.server);
    const emails: string[] = [];
    for await (const user of roster.users.list({}, { pageSize: 1 })) emails.push(user.email);
    expect(emails).toHaveLength(5);
    expect(operationsOf(ctx.server)).toEqual(['RosterServerInfo', 'ListUsers']);
  });

  it('pages with its own cursors and rejects a foreign one before any listing', async () => {
    const roster = rosterFor(ctx.server);
    const first = await roster.users.listPage({}, { first: 2 });
    const second = await roster.users.listPage({}, { first: 2, after: first.nextCursor });
    expect([...first.users, ...second.users].map((u) => u.email)).toHaveLength(4);
    expect(second.totalCount).toBe(5);
    ctx.server.resetRequests();
    expect(await rejectionOf(roster.users.listPage({}, { after: 'not-a-cursor' }))).toBeInstanceOf(ValidationError);
    expect(ctx.server.requests).toHaveLength(0);
  });

  it('serves a role change through updateUserAccountType, and resendInvite through inviteUser', async () => {
    const roster = rosterFor(ctx.server);
    expect(await roster.users.update({ userUid: matt.uid, accountType: 'ADMIN' })).toMatchObject({ accountType: 'ADMIN' });
    expect(await roster.users.resendInvite({ email: 'max@acme.io' })).toMatchObject({ inviteStatus: 'SENT' });
    expect(ctx.server.store.getInvited('max@acme.io')).toMatchObject({ inviteStatus: 'SENT' });
  });

  it.each([
    ['UpdateUser', (r: Roster) => r.users.update({ userUid: matt.uid, name: 'New Name' })],
    ['EnableUser', (r: Roster) => r.users.enable({ userUid: matt.uid })],
    ['DeleteUser', (r: Roster) => r.users.delete({ userUid: matt.uid })],
    ['RevokeInvite', (r: Roster) => r.users.revokeInvite({ email: 'max@acme.io' })],
    ['GetUserGroups', (r: Roster) => r.users.listGroups({ userUid: matt.uid })],
    ['GetUserWorkspaces', (r: Roster) => r.users.listWorkspaces({ userUid: alexandra.uid })],
    ['ListGroups', (r: Roster) => r.groups.list()],
    ['AddUserToGroup', (r: Roster) => r.groups.addUser({ groupId: 'g', userUid: matt.uid })],
    ['ListUsersPage', (r: Roster) => r.users.listPage({ createdAfter: new Date() })],
    ['ListUsersPage', (r: Roster) => r.users.listPage({ status: ['DISABLED'] })],
  ])('throws NotSupportedError naming %s for what the core cannot do', async (operation, call) => {
    const error = await rejectionOf(call(rosterFor(ctx.server)));
    expect(error).toBeInstanceOf(NotSupportedError);
    expect(error).toMatchObject({ code: 'NOT_SUPPORTED', operationName: operation });
    expect(error.message).toContain(operation);
    expect(ctx.server.store.getByUid(matt.uid)).toMatchObject({ name: 'Matt McDonald', enabled: true });
  });

  it('matches the prefix against names as well as addresses, from their start, ignoring case', async () => {
    const roster = rosterFor(ctx.server);
    // Jonathan Maxwell's address is jonny@acme.io: only his name starts with "jonat".
    expect((await roster.users.listPage({ prefix: 'JONAT' })).users.map((u) => u.email)).toEqual(['jonny@acme.io']);
    expect((await roster.users.listPage({ prefix: 'maxwell' })).users).toEqual([]);
  });

  it('says which operation missed, and counts the request it sent', async () => {
    const error = await rejectionOf(rosterFor(ctx.server).users.getByEmail('nobody@acme.io'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ operationName: 'ListActiveUsers', attempts: 1 });
    expect(error.message).toBe("Not found in ListActiveUsers: no active user has the email 'nobody@acme.io'");
  });
});
