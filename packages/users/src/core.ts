import {
  DisableUserDocument,
  GetUserByEmailDocument,
  InviteUserDocument,
  ListActiveUsersDocument,
  ListInvitedUsersDocument,
  UpdateUserAccountTypeDocument,
  type CallOptions,
} from '@roster/client';
import { answerError, run, USER_NULLABLE, type Context } from './context.js';
import type { ActiveUser, InvitedUser, InviteInput, UpdateAccountTypeInput, UserRef } from './types.js';
import { checkAccountType, checked, checkEmail, checkUid } from './validate.js';

// The methods of the documented core API: they work with every server.

export async function listActive(context: Context, options?: CallOptions): Promise<ActiveUser[]> {
  return (await run(context, ListActiveUsersDocument, {}, options)).listUsers.activeUsers;
}

export async function listInvited(context: Context, options?: CallOptions): Promise<InvitedUser[]> {
  return (await run(context, ListInvitedUsersDocument, {}, options)).listUsers.invitedUsers;
}

export async function getByEmail(context: Context, email: string, options?: CallOptions): Promise<ActiveUser> {
  checked('getByEmail', { email }, { email: checkEmail });
  const missing = `no active user has the email '${email}'`;
  if ((await context.features.get(options)).extension) {
    const data = await run(context, GetUserByEmailDocument, { email }, options, USER_NULLABLE);
    const found = data.userByEmail;
    if (found?.status !== 'ACTIVE' || found.uid === null || found.name === null) throw answerError('GetUserByEmail', missing, data);
    return { uid: found.uid, email: found.email, name: found.name, accountType: found.accountType };
  }
  const data = await run(context, ListActiveUsersDocument, {}, options);
  const wanted = email.toLowerCase();
  const user = data.listUsers.activeUsers.find((candidate) => candidate.email.toLowerCase() === wanted);
  if (!user) throw answerError('ListActiveUsers', missing, data);
  return user;
}

export async function invite(context: Context, input: InviteInput, options?: CallOptions): Promise<void> {
  checked('invite', input, { email: checkEmail, accountType: checkAccountType });
  await run(context, InviteUserDocument, { email: input.email, accountType: input.accountType }, options);
}

export async function updateAccountType(context: Context, input: UpdateAccountTypeInput, options?: CallOptions): Promise<void> {
  checked('updateAccountType', input, { userUid: checkUid, accountType: checkAccountType });
  await run(context, UpdateUserAccountTypeDocument, { uid: input.userUid, accountType: input.accountType }, options);
}

export async function disable(context: Context, input: UserRef, options?: CallOptions): Promise<void> {
  await run(context, DisableUserDocument, { uid: userUidOf('disable', input) }, options);
}

/** Validates `{ userUid }` input and returns the uid. */
export function userUidOf(what: string, input: unknown): string {
  return checked(what, input, { userUid: checkUid }).userUid as string;
}

/** Validates `{ email }` input and returns the address. */
export function emailOf(what: string, input: unknown): string {
  return checked(what, input, { email: checkEmail }).email as string;
}
