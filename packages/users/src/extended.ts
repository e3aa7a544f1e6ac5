import {
  DeleteUserDocument,
  EnableUserDocument,
  GetUserDocument,
  GetUserGroupsDocument,
  GetUserWorkspacesDocument,
  InviteUserDocument,
  ListActiveUsersDocument,
  ListInvitedUsersDocument,
  ResendInviteDocument,
  RevokeInviteDocument,
  UpdateUserAccountTypeDocument,
  UpdateUserDocument,
  type CallOptions,
  type UpdateUserInput as WireUpdate,
} from '@roster/client';
import { answerError, run, USER_NULLABLE, type Context } from './context.js';
import { emailOf, userUidOf } from './core.js';
import { notSupported } from './features.js';
import { fromActive, fromInvited } from './listing.js';
import type { EmailRef, Group, UpdateUserInput, User, UserRef, Workspace } from './types.js';
import { checkAccountType, checkEmail, checkUid, fieldsOf, throwIfInvalid } from './validate.js';

// The methods beyond the documented core: they use the Roster extension when the server has
// it, and fall back to the core where the core can answer.

// These extension mutations land in the same state when repeated, so transport failures
// may retry them (a caller's own `idempotent` option still wins).
const idempotent = (options: CallOptions | undefined): CallOptions => ({ idempotent: true, ...options });

/** The user of a `UserMutationResponse`: a server answering `ok` must send it. */
function userOf(operation: string, data: object, user: User | null): User {
  if (!user) throw answerError(operation, 'ok without the user', data, true);
  return user;
}


export async function getUser(context: Context, userUid: string, options?: CallOptions): Promise<User> {
  const uid = userUidOf('get', { userUid });
  if ((await context.features.get(options)).extension) {
    const data = await run(context, GetUserDocument, { uid }, options, USER_NULLABLE);
    if (!data.user) throw answerError('GetUser', `no user has uid ${uid}`, data);
    return data.user;
  }
  // The core lists enabled users only: a disabled user cannot be found there.
  const data = await run(context, ListActiveUsersDocument, {}, options);
  const found = data.listUsers.activeUsers.find((u) => u.uid === uid);
  if (!found) throw answerError('ListActiveUsers', `no active user has uid ${uid}`, data);
  return fromActive(found);
}

export async function updateUser(context: Context, input: UpdateUserInput, options?: CallOptions): Promise<User> {
  const fields = fieldsOf('update', input);
  const issues: { path: string; message: string }[] = [];
  checkUid(fields.userUid, 'userUid', issues);
  if (fields.email !== undefined) checkEmail(fields.email, 'email', issues);
  if (fields.accountType !== undefined) checkAccountType(fields.accountType, 'accountType', issues);
  if (fields.name !== undefined && (typeof fields.name !== 'string' || fields.name.trim() === '' || fields.name.length > 200)) {
    issues.push({ path: 'name', message: 'must be a string of 1 to 200 characters' });
  }
  if (fields.name === undefined && fields.email === undefined && fields.accountType === undefined) {
    issues.push({ path: '', message: 'give at least one of name, email, accountType' });
  }
  throwIfInvalid('update', issues);
  // A field left undefined is left out of the JSON: it stays unchanged.
  const change: WireUpdate = { name: input.name, email: input.email, accountType: input.accountType };

  if ((await context.features.get(options)).extension) {
    const data = await run(context, UpdateUserDocument, { uid: input.userUid, input: change }, idempotent(options), USER_NULLABLE);
    return userOf('UpdateUser', data, data.updateUser.user);
  }
  // A role change alone is what the core's updateUserAccountType does.
  if (change.name !== undefined || change.email !== undefined) throw notSupported('UpdateUser', 'changing name or email');
  await run(context, UpdateUserAccountTypeDocument, { uid: input.userUid, accountType: change.accountType! }, options);
  return getUser(context, input.userUid, options);
}

export async function enableUser(context: Context, input: UserRef, options?: CallOptions): Promise<User> {
  const uid = userUidOf('enable', input);
  await context.features.require('EnableUser', options);
  const data = await run(context, EnableUserDocument, { uid }, idempotent(options), USER_NULLABLE);
  return userOf('EnableUser', data, data.enableUser.user);
}

export async function deleteUser(context: Context, input: UserRef, options?: CallOptions): Promise<void> {
  const uid = userUidOf('delete', input);
  await context.features.require('DeleteUser', options);
  await run(context, DeleteUserDocument, { uid }, options);
}

export async function resendInvite(context: Context, input: EmailRef, options?: CallOptions): Promise<User> {
  const email = emailOf('resendInvite', input);
  if ((await context.features.get(options)).extension) {
    const data = await run(context, ResendInviteDocument, { email }, options, USER_NULLABLE);
    return userOf('ResendInvite', data, data.resendInvite.user);
  }
  // The core re-sends a pending invitation when it is invited again with its role.
  const data = await run(context, ListInvitedUsersDocument, {}, options);
  const pending = data.listUsers.invitedUsers.find((u) => u.email.toLowerCase() === email.toLowerCase());
  if (!pending) throw answerError('ListInvitedUsers', `no pending invitation for '${email}'`, data);
  await run(context, InviteUserDocument, { email: pending.email, accountType: pending.accountType }, options);
  return { ...fromInvited(pending), inviteStatus: 'SENT' };
}

export async function revokeInvite(context: Context, input: EmailRef, options?: CallOptions): Promise<void> {
  const email = emailOf('revokeInvite', input);
  await context.features.require('RevokeInvite', options);
  await run(context, RevokeInviteDocument, { email }, options);
}

export async function listGroups(context: Context, input: UserRef, options?: CallOptions): Promise<Group[]> {
  const uid = userUidOf('listGroups', input);
  await context.features.require('GetUserGroups', options);
  const data = await run(context, GetUserGroupsDocument, { uid }, options, 'user uid');
  if (!data.user) throw answerError('GetUserGroups', `no user has uid ${uid}`, data);
  return data.user.groups;
}

export async function listWorkspaces(context: Context, input: UserRef, options?: CallOptions): Promise<Workspace[]> {
  const uid = userUidOf('listWorkspaces', input);
  await context.features.require('GetUserWorkspaces', options);
  const data = await run(context, GetUserWorkspacesDocument, { uid }, options, 'user');
  if (!data.user) throw answerError('GetUserWorkspaces', `no user has uid ${uid}`, data);
  return data.user.workspaces;
}
