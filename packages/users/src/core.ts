import {
  DisableUserDocument,
  GetUserByEmailDocument,
  InviteUserDocument,
  ListActiveUsersDocument,
  ListInvitedUsersDocument,
  UpdateUserAccountTypeDocument,
  type CallOptions,
} from '@roster/client';
import { notFound, run, USER_NULLABLE, type Context } from './context.js';
import type { ActiveUser, InvitedUser, InviteInput, UpdateAccountTypeInput, UserRef } from './types.js';
import { checkAccountType, checkEmail, checkUid, fieldsOf, throwIfInvalid } from './validate.js';

// The methods of the documented core API: they work with every server.

export async function listActive(context: Context, options?: CallOptions): Promise<ActiveUser[]> {
  return (await run(context, ListActiveUsersDocument, {}, options)).listUsers.activeUsers;
}

export async function listInvited(context: Context, options?: CallOptions): Promise<InvitedUser[]> {
  return (await run(context, ListInvitedUsersDocument, {}, options)).listUsers.invitedUsers;
}

export async function getByEmail(context: Context, email: string, options?: CallOptions): Promise<ActiveUser> {
  const issues: { path: string; message: string }[] = [];
  checkEmail(email, 'email', issues);
  throwIfInvalid('getByEmail', issues);
  const missing = `no active user has the email '${email}'`;
  if ((await context.features.get(options)).extension) {
    const data = await run(context, GetUserByEmailDocument, { email }, options, USER_NULLABLE);
    const found = data.userByEmail;
    if (found?.status !== 'ACTIVE' || found.uid === null || found.name === null) throw notFound('GetUserByEmail', missing, data);
    return { uid: found.uid, email: found.email, name: found.name, accountType: found.accountType };
  }
  const data = await run(context, ListActiveUsersDocument, {}, options);
  const wanted = email.toLowerCase();
  const user = data.listUsers.activeUsers.find((candidate) => candidate.email.toLowerCase() === wanted);
  if (!user) throw notFound('ListActiveUsers', missing, data);
  return user;
}

export async function invite(context: Context, input: InviteInput, options?: CallOptions): Promise<void> {
  const fields = fieldsOf('invite', input);
  const issues: { path: string; message: string }[] = [];
  checkEmail(fields.email, 'email', issues);
  checkAccountType(fields.accountType, 'accountType', issues);
  throwIfInvalid('invite', issues);
  await run(context, InviteUserDocument, { email: input.email, accountType: input.accountType }, options);
}

export async function updateAccountType(context: Context, input: UpdateAccountTypeInput, options?: CallOptions): Promise<void> {
  const fields = fieldsOf('updateAccountType', input);
  const issues: { path: string; message: string }[] = [];
  checkUid(fields.userUid, 'userUid', issues);
  checkAccountType(fields.accountType, 'accountType', issues);
  throwIfInvalid('updateAccountType', issues);
  await run(context, UpdateUserAccountTypeDocument, { uid: input.userUid, accountType: input.accountType }, options);
}

export async function disable(context: Context, input: UserRef, options?: CallOptions): Promise<void> {
  await run(context, DisableUserDocument, { uid: userUidOf('disable', input) }, options);
}

/** Validates `{ userUid }` input and returns the uid. */
export function userUidOf(what: string, input: unknown): string {
  const fields = fieldsOf(what, input);
  const issues: { path: string; message: string }[] = [];
  checkUid(fields.userUid, 'userUid', issues);
  throwIfInvalid(what, issues);
  return fields.userUid as string;
}

/** Validates `{ email }` input and returns the address. */
export function emailOf(what: string, input: unknown): string {
  const fields = fieldsOf(what, input);
  const issues: { path: string; message: string }[] = [];
  checkEmail(fields.email, 'email', issues);
  throwIfInvalid(what, issues);
  return fields.email as string;
}
