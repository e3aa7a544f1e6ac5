import {
  DeleteUserDocument,
  EnableUserDocument,
  GetUserDocument,
  GetUserGroupsDocument,
  GetUserWorkspacesDocument,
  InviteUserDocument,
  ListActiveUsersDocument,
  ListInvitedUsersDocument,
  NotFoundError,
  ResendInviteDocument,
  RevokeInviteDocument,
  UnexpectedResponseError,
  UpdateUserAccountTypeDocument,
  UpdateUserDocument,
  type CallOptions,
  type RosterClient,
  type UpdateUserInput as WireUpdate,
} from '@roster/client';
import { notSupported, type FeatureDetector } from './features.js';
import type { Group, UpdateUserInput, User, Workspace } from './types.js';
import { checkAccountType, checkEmail, checkUid, inputObject, throwIfInvalid } from './validate.js';

/** The client and the feature detector every extended operation needs. */
export interface Context {
  readonly client: RosterClient;
  readonly features: FeatureDetector;
}

type Issue = { path: string; message: string };

// These extension mutations land in the same state when repeated, so transport failures
// may retry them (a caller's own `idempotent` option still wins).
const idempotent = (options: CallOptions | undefined): CallOptions => ({ idempotent: true, ...options });

function notFound(operation: string, what: string): NotFoundError {
  return new NotFoundError(`Not found in ${operation}: ${what}`, { operationName: operation });
}

function requireUser(operation: string, user: User | null | undefined): User {
  if (!user) throw new UnexpectedResponseError(`Unexpected response in ${operation}: ok without the user`, { operationName: operation });
  return user;
}

/** Validates `{ userUid }` input and returns the uid. */
export function userUidOf(what: string, input: unknown): string {
  const fields = inputObject(what, input);
  const issues: Issue[] = [];
  checkUid(fields.userUid, 'userUid', issues);
  throwIfInvalid(what, issues);
  return fields.userUid as string;
}

const coreUser = (u: { uid: string; email: string; name: string; accountType: string }): User => ({
  ...u,
  status: 'ACTIVE',
  enabled: true,
  inviteStatus: null,
  createdAt: null,
  updatedAt: null,
});

export async function getUser({ client, features }: Context, userUid: string, options?: CallOptions): Promise<User> {
  const uid = userUidOf('get', { userUid });
  if ((await features.get(options)).extension) {
    const { user } = await client.execute(GetUserDocument, { uid }, options);
    if (!user) throw notFound('GetUser', `no user has uid ${uid}`);
    return user;
  }
  // The core lists enabled users only: a disabled user cannot be found there.
  const { listUsers } = await client.execute(ListActiveUsersDocument, {}, options);
  const found = listUsers.activeUsers.find((u) => u.uid === uid);
  if (!found) throw notFound('ListActiveUsers', `no active user has uid ${uid}`);
  return coreUser(found);
}

export async function updateUser({ client, features }: Context, input: UpdateUserInput, options?: CallOptions): Promise<User> {
  const fields = inputObject('update', input);
  const issues: Issue[] = [];
  checkUid(fields.userUid, 'userUid', issues);
  if (fields.email !== undefined) checkEmail(fields.email, 'email', issues);
  if (fields.accountType !== undefined) checkAccountType(fields.accountType, 'accountType', issues);
  if (fields.name !== undefined && (typeof fields.name !== 'string' || fields.name.trim() === '' || fields.name.length > 200)) {
    issues.push({ path: 'name', message: 'name must be a string of 1 to 200 characters' });
  }
  if (fields.name === undefined && fields.email === undefined && fields.accountType === undefined) {
    issues.push({ path: '', message: 'give at least one of name, email, accountType' });
  }
  throwIfInvalid('update', issues);
  const change: WireUpdate = {};
  if (input.name !== undefined) change.name = input.name;
  if (input.email !== undefined) change.email = input.email;
  if (input.accountType !== undefined) change.accountType = input.accountType;

  if ((await features.get(options)).extension) {
    const { updateUser: result } = await client.execute(UpdateUserDocument, { uid: input.userUid, input: change }, idempotent(options));
    return requireUser('UpdateUser', result.user);
  }
  // A role change alone is what the core's updateUserAccountType does.
  if (change.name !== undefined || change.email !== undefined) throw notSupported('UpdateUser', 'changing name or email');
  await client.execute(UpdateUserAccountTypeDocument, { uid: input.userUid, accountType: change.accountType! }, options);
  return getUser({ client, features }, input.userUid, options);
}

export async function enableUser({ client, features }: Context, userUid: string, options?: CallOptions): Promise<User> {
  await features.require('EnableUser', options);
  const { enableUser: result } = await client.execute(EnableUserDocument, { uid: userUid }, idempotent(options));
  return requireUser('EnableUser', result.user);
}

export async function deleteUser({ client, features }: Context, userUid: string, options?: CallOptions): Promise<void> {
  await features.require('DeleteUser', options);
  await client.execute(DeleteUserDocument, { uid: userUid }, options);
}

/** Validates `{ email }` input and returns the address. */
export function emailOf(what: string, input: unknown): string {
  const fields = inputObject(what, input);
  const issues: Issue[] = [];
  checkEmail(fields.email, 'email', issues);
  throwIfInvalid(what, issues);
  return fields.email as string;
}

export async function resendInvite({ client, features }: Context, email: string, options?: CallOptions): Promise<User> {
  if ((await features.get(options)).extension) {
    const { resendInvite: result } = await client.execute(ResendInviteDocument, { email }, options);
    return requireUser('ResendInvite', result.user);
  }
  // The core re-sends a pending invitation when it is invited again with its role.
  const { listUsers } = await client.execute(ListInvitedUsersDocument, {}, options);
  const pending = listUsers.invitedUsers.find((u) => u.email.toLowerCase() === email.toLowerCase());
  if (!pending) throw notFound('ListInvitedUsers', `no pending invitation for '${email}'`);
  await client.execute(InviteUserDocument, { email: pending.email, accountType: pending.accountType }, options);
  return { ...pending, uid: null, name: null, status: 'INVITED', enabled: false, inviteStatus: 'SENT', createdAt: null, updatedAt: null };
}

export async function revokeInvite({ client, features }: Context, email: string, options?: CallOptions): Promise<void> {
  await features.require('RevokeInvite', options);
  await client.execute(RevokeInviteDocument, { email }, options);
}

export async function userGroups({ client, features }: Context, userUid: string, options?: CallOptions): Promise<Group[]> {
  await features.require('GetUserGroups', options);
  const { user } = await client.execute(GetUserGroupsDocument, { uid: userUid }, options);
  if (!user) throw notFound('GetUserGroups', `no user has uid ${userUid}`);
  return user.groups;
}

export async function userWorkspaces({ client, features }: Context, userUid: string, options?: CallOptions): Promise<Workspace[]> {
  await features.require('GetUserWorkspaces', options);
  const { user } = await client.execute(GetUserWorkspacesDocument, { uid: userUid }, options);
  if (!user) throw notFound('GetUserWorkspaces', `no user has uid ${userUid}`);
  return user.workspaces;
}
