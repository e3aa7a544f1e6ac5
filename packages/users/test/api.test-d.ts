import { describe, expectTypeOf, it } from 'vitest';
import type {
  Roster} from '../src/index.js';
import {
  UserAccountType,
  type ActiveUser,
  type CallOptions,
  type Group,
  type IsoDateTime,
  type ServerFeatures,
  type User,
  type UserPage,
  type Workspace,
  type InvitedUser,
  type InviteOutcome,
  type OpenEnum,
} from '../src/index.js';

declare const roster: Roster;

describe('the public API of @roster/users', () => {
  it('returns plain typed objects', () => {
    expectTypeOf(roster.users.listActive()).resolves.toEqualTypeOf<ActiveUser[]>();
    expectTypeOf(roster.users.listInvited()).resolves.toEqualTypeOf<InvitedUser[]>();
    expectTypeOf(roster.users.getByEmail('a@b.io')).resolves.toEqualTypeOf<ActiveUser>();
    expectTypeOf(roster.users.invite({ email: 'a@b.io', accountType: 'ADMIN' })).resolves.toBeVoid();
    expectTypeOf(roster.users.inviteMany([])).resolves.toEqualTypeOf<InviteOutcome[]>();
  });

  it('types enum fields as open: known values, or a string added by the server later', () => {
    expectTypeOf<ActiveUser['accountType']>().toEqualTypeOf<OpenEnum<UserAccountType>>();
    expectTypeOf<'ADMIN'>().toExtend<ActiveUser['accountType']>();
    expectTypeOf<'SOMETHING_NEW'>().toExtend<ActiveUser['accountType']>();
  });

  it('accepts enum members and their string values as input, and nothing else', () => {
    expectTypeOf(roster.users.invite).parameter(0).toExtend<{ email: string; accountType: UserAccountType }>();
    expectTypeOf({ email: 'a@b.io', accountType: UserAccountType.ANALYST }).toExtend<Parameters<typeof roster.users.invite>[0]>();
    expectTypeOf({ email: 'a@b.io', accountType: 'ANALYST' as const }).toExtend<Parameters<typeof roster.users.invite>[0]>();
    expectTypeOf({ email: 'a@b.io', accountType: 'OWNER' as const }).not.toExtend<Parameters<typeof roster.users.invite>[0]>();
    // @ts-expect-error userUid is required
    void roster.users.disable({});
  });

  it('takes per-call options last on every method', () => {
    expectTypeOf(roster.users.listActive).parameter(0).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf(roster.users.getByEmail).parameter(1).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf(roster.users.invite).parameter(1).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf(roster.users.updateAccountType).parameter(1).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf(roster.users.disable).parameter(1).toEqualTypeOf<CallOptions | undefined>();
  });

  it('discriminates outcomes by status', () => {
    const outcome = {} as InviteOutcome;
    if (outcome.status === 'failed') expectTypeOf(outcome.error.code).toBeString();
    if (outcome.status === 'duplicate') expectTypeOf(outcome.duplicateOf).toBeNumber();
  });
});

describe('the extended API', () => {
  it('returns users in any state, with timestamps that a core-only server leaves null', () => {
    expectTypeOf(roster.users.get('uid')).resolves.toEqualTypeOf<User>();
    expectTypeOf<User['createdAt']>().toEqualTypeOf<IsoDateTime | null>();
    expectTypeOf<User['uid']>().toEqualTypeOf<string | null>();
    expectTypeOf<'ACTIVE'>().toExtend<User['status']>();
    expectTypeOf(roster.users.features()).resolves.toEqualTypeOf<ServerFeatures>();
  });

  it('pages with listPage and iterates with for await', () => {
    expectTypeOf(roster.users.listPage({ status: ['INVITED'] }, { first: 10 })).resolves.toEqualTypeOf<UserPage>();
    expectTypeOf(roster.users.list()).toExtend<AsyncIterable<User>>();
    // @ts-expect-error 'PENDING' is not a status
    void roster.users.listPage({ status: ['PENDING'] });
    // @ts-expect-error a creation date is a Date or a string
    void roster.users.listPage({ createdAfter: 2024 });
  });

  it('updates, groups and workspaces are typed', () => {
    expectTypeOf(roster.users.update({ userUid: 'u', name: 'N' })).resolves.toEqualTypeOf<User>();
    expectTypeOf(roster.users.enable({ userUid: 'u' })).resolves.toEqualTypeOf<User>();
    expectTypeOf(roster.users.delete({ userUid: 'u' })).resolves.toBeVoid();
    expectTypeOf(roster.groups.list()).resolves.toEqualTypeOf<Group[]>();
    expectTypeOf(roster.users.listWorkspaces({ userUid: 'u' })).resolves.toEqualTypeOf<Workspace[]>();
    // @ts-expect-error accountType must be a role
    void roster.users.update({ userUid: 'u', accountType: 'OWNER' });
  });
});
