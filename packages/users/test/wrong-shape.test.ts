import { describe, expect, it } from 'vitest';
import { NotFoundError, UnexpectedResponseError, type Roster } from '../src/index.js';
import { operationsOf, rejectionOf, rosterFor, useWorkspace } from './helpers.js';

const ctx = useWorkspace();
const answer = (data: unknown) => ctx.server.faults.enqueue({ kind: 'response', body: { data } });
const MATT = { uid: 'c'.repeat(64), email: 'matt@acme.io', name: 'Matt', accountType: 'DEVELOPER' };

/** The facade's rejection, which must be an UnexpectedResponseError with this message (never a raw TypeError). */
async function unexpected(call: Promise<unknown>, message: string): Promise<void> {
  const error = await rejectionOf(call);
  expect(error).toBeInstanceOf(UnexpectedResponseError);
  expect(error.message).toBe(message);
  expect(error).toMatchObject({ code: 'UNEXPECTED_RESPONSE', attempts: 1 });
}

/** A Roster that has already detected the extension, so that the next request is the method's own. */
async function detected(): Promise<Roster> {
  const roster = rosterFor(ctx.server);
  await roster.users.features();
  return roster;
}

describe('an answer of the wrong shape is an UnexpectedResponseError naming the path', () => {
  it('listActive: an empty data, a null root, a list that is not a list, a null non-null field', async () => {
    const roster = rosterFor(ctx.server);
    answer({});
    await unexpected(roster.users.listActive(), 'Unexpected response in ListActiveUsers: listUsers is missing');
    answer({ listUsers: null });
    await unexpected(roster.users.listActive(), 'Unexpected response in ListActiveUsers: listUsers is null');
    answer({ listUsers: { ok: true, activeUsers: { uid: 'x' } } });
    await unexpected(roster.users.listActive(), 'Unexpected response in ListActiveUsers: listUsers.activeUsers is not a list');
    answer({ listUsers: { ok: true, activeUsers: [MATT, { ...MATT, name: null }] } });
    await unexpected(roster.users.listActive(), 'Unexpected response in ListActiveUsers: listUsers.activeUsers[1].name is null');
    answer({ listUsers: { ok: true, activeUsers: [MATT, 'matt'] } });
    await unexpected(roster.users.listActive(), 'Unexpected response in ListActiveUsers: listUsers.activeUsers[1] is not an object');
  });

  it('still lets through an enum value a newer server added', async () => {
    answer({ listUsers: { ok: true, activeUsers: [{ ...MATT, accountType: 'CHIEF_WIZARD' }] } });
    expect(await rosterFor(ctx.server).users.listActive()).toEqual([{ ...MATT, accountType: 'CHIEF_WIZARD' }]);
  });

  it('listInvited, and inviteMany’s listing (nothing is sent then)', async () => {
    const roster = rosterFor(ctx.server);
    answer({ listUsers: { ok: true, invitedUsers: null } });
    await unexpected(roster.users.listInvited(), 'Unexpected response in ListInvitedUsers: listUsers.invitedUsers is null');
    answer({ listUsers: { ok: true, invitedUsers: [{ email: 'x@acme.io', accountType: 'ADMIN' }] } });
    await unexpected(
      roster.users.inviteMany([{ email: 'new@acme.io', accountType: 'ADMIN' }]),
      'Unexpected response in ListInvitedUsers: listUsers.invitedUsers[0].inviteStatus is missing',
    );
    expect(operationsOf(ctx.server)).toEqual(['ListInvitedUsers', 'ListInvitedUsers']);
  });

  it('the extension methods: get, getByEmail, listPage, list, update, listGroups, listWorkspaces, groups.list', async () => {
    const roster = await detected();
    answer({ user: { uid: MATT.uid, email: MATT.email } });
    await unexpected(roster.users.get(MATT.uid), 'Unexpected response in GetUser: user.name is missing');
    answer({ userByEmail: { ...MATT, status: 'ACTIVE', enabled: true, inviteStatus: null, createdAt: null, updatedAt: 'x' } });
    await unexpected(roster.users.getByEmail(MATT.email), 'Unexpected response in GetUserByEmail: userByEmail.createdAt is null');
    answer({ users: { nodes: [], pageInfo: null, totalCount: 0 } });
    await unexpected(roster.users.listPage(), 'Unexpected response in ListUsersPage: users.pageInfo is null');
    answer({ users: { nodes: {}, pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 } });
    await unexpected(roster.users.list().next(), 'Unexpected response in ListUsersPage: users.nodes is not a list');
    answer({ updateUser: null });
    await unexpected(roster.users.update({ userUid: MATT.uid, name: 'M' }), 'Unexpected response in UpdateUser: updateUser is null');
    answer({ user: { uid: null, groups: null } });
    await unexpected(roster.users.listGroups({ userUid: MATT.uid }), 'Unexpected response in GetUserGroups: user.groups is null');
    answer({ user: { uid: MATT.uid, workspaces: [{ uid: 'w', name: null }] } });
    await unexpected(roster.users.listWorkspaces({ userUid: MATT.uid }), 'Unexpected response in GetUserWorkspaces: user.workspaces[0].name is null');
    answer({ groups: [{ id: 'g', name: 'G' }] });
    await unexpected(roster.groups.list(), 'Unexpected response in ListGroups: groups[0].memberCount is missing');
  });

  it('a null user where the schema allows it is a NotFoundError, counting the request sent', async () => {
    const roster = await detected();
    answer({ user: null });
    const error = await rejectionOf(roster.users.get(MATT.uid));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ operationName: 'GetUser', attempts: 1 });
  });

  it('a probe answered with the wrong shape fails the call and is tried again next time', async () => {
    const roster = rosterFor(ctx.server);
    answer({ rosterServer: null });
    await unexpected(roster.users.features(), 'Unexpected response in RosterServerInfo: rosterServer is null');
    expect((await roster.users.features()).extension).toBe(true);
    expect(operationsOf(ctx.server)).toEqual(['RosterServerInfo', 'RosterServerInfo']);
  });
});
