// What the user commands share: roles and statuses from the command line, the record every
// command writes for a user, and finding a user by email or uid.
import type { ActiveUser, InvitedUser, Roster, User, UserAccountType } from '@roster/users';
import { CliError, UsageError } from '../errors.js';
import type { DataRecord } from '../format.js';
import { sdk } from './sdk.js';

/** Every field of a user record, in the order machine formats write them. */
export const USER_FIELDS = ['email', 'name', 'role', 'status', 'inviteStatus', 'uid', 'createdAt', 'updatedAt'] as const;
/** The fields of a table, unless `--fields` says otherwise. */
export const TABLE_FIELDS = ['email', 'name', 'role', 'status', 'inviteStatus'] as const;

/** The record of a user in any state (fields the server cannot give are `null`). */
export function userRecord(user: User): DataRecord {
  return {
    email: user.email,
    name: user.name,
    role: user.accountType,
    status: user.status,
    inviteStatus: user.inviteStatus,
    uid: user.uid,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

/** The record of an active user from the documented core list. */
export function activeRecord(user: ActiveUser): DataRecord {
  return { email: user.email, name: user.name, role: user.accountType, status: 'ACTIVE', inviteStatus: null, uid: user.uid, createdAt: null, updatedAt: null };
}

/** The record of a pending invitation from the documented core list. */
export function invitedRecord(user: InvitedUser): DataRecord {
  return { email: user.email, name: null, role: user.accountType, status: 'INVITED', inviteStatus: user.inviteStatus, uid: null, createdAt: null, updatedAt: null };
}

/**
 * A role as typed by a person, in any case (`developer`, `Billing_Admin`), as the SDK's enum value.
 * @throws UsageError naming the roles when it is none of them.
 */
export async function parseRole(value: string, what = 'role'): Promise<UserAccountType> {
  const roles: readonly string[] = Object.values((await sdk()).UserAccountType);
  const role = value.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (!roles.includes(role)) throw new UsageError(`unknown ${what} "${value}"`, `use one of ${roles.join(', ')} (any case)`);
  return role as UserAccountType;
}

/** `--role a,b --role c` as a list of roles. */
export async function parseRoles(values: unknown): Promise<UserAccountType[] | undefined> {
  if (!Array.isArray(values) || values.length === 0) return undefined;
  const words = (values as string[]).flatMap((value) => value.split(',')).filter((word) => word.trim() !== '');
  return Promise.all(words.map((word) => parseRole(word)));
}

const UID = /^[0-9a-f]{64}$/;

/** Whether the server has the Roster extension. A server that rejects the probe outright (HTTP 400) speaks only the core. */
export async function hasExtension(roster: Roster): Promise<boolean> {
  const { RosterError } = await sdk();
  try {
    return (await roster.users.features()).extension;
  } catch (error) {
    if (error instanceof RosterError && error.status === 400) return false;
    throw error;
  }
}

/**
 * Finds the user an argument names: a uid (64 hex characters), or an email in any case.
 * A user (active or disabled) is preferred to an invitation of the same address.
 * @throws CliError `NOT_FOUND` when nobody has it.
 */
export async function findUser(roster: Roster, reference: string, options: { signal?: AbortSignal | undefined } = {}): Promise<User> {
  const ref = reference.trim();
  if (UID.test(ref.toLowerCase())) return roster.users.get(ref.toLowerCase(), options);
  if (!ref.includes('@')) throw new UsageError(`"${reference}" is neither an email nor a uid (64 hexadecimal characters)`);
  const page = await roster.users.listPage({ emails: [ref] }, { pageSize: 10, ...options });
  const wanted = ref.toLowerCase();
  const matches = page.users.filter((user) => user.email.toLowerCase() === wanted);
  const found = matches.find((user) => user.status !== 'INVITED') ?? matches[0];
  if (!found) {
    throw new CliError(`nobody in the workspace has the email ${ref}`, { code: 'NOT_FOUND', hint: 'check it with `roster users list --prefix <start of the address>`' });
  }
  return found;
}

/**
 * The pending invitation of an address (any case), for the commands that act on invitations.
 * @throws CliError `NOT_FOUND` (with `hint`) when the address has none.
 */
export async function pendingInvitation(roster: Roster, email: string, hint: string, options: { signal?: AbortSignal | undefined } = {}): Promise<User> {
  const pending = (await roster.users.listPage({ emails: [email], status: ['INVITED'] }, { pageSize: 10, ...options })).users[0];
  if (!pending) throw new CliError(`${email} has no pending invitation`, { code: 'NOT_FOUND', hint });
  return pending;
}

/** The uid of the user a reference names, for the commands that act on active or disabled users. */
export async function uidOf(roster: Roster, reference: string, options: { signal?: AbortSignal | undefined } = {}): Promise<{ uid: string; user: User }> {
  const user = await findUser(roster, reference, options);
  if (user.uid === null) {
    throw new CliError(`${user.email} has only a pending invitation, no account yet`, {
      code: 'INVITED_ONLY',
      hint: `use \`roster invites resend ${user.email}\` or \`roster invites revoke ${user.email}\``,
    });
  }
  return { uid: user.uid, user };
}

// The same rule as the SDK's: permissive (any non-space local part, a dotted domain); the
// server is the authority, this catches obvious mistakes before anything is sent.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Whether `value` looks like an email address, as the SDK checks it. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** An email argument. @throws UsageError when it does not look like one. */
export function parseEmail(value: string): string {
  const email = value.trim();
  if (!isEmail(email)) throw new UsageError(`"${value}" is not an email address like name@example.com`);
  return email;
}

/**
 * Stops a command the server cannot serve before it does anything.
 * @throws CliError `NOT_SUPPORTED` on a core-only server.
 */
export async function requireExtension(roster: Roster, what: string): Promise<void> {
  if (!(await hasExtension(roster))) {
    throw new CliError(`${what} needs the Roster extension, and this server speaks only the documented core API`, {
      code: 'NOT_SUPPORTED',
      hint: "Paradime's API has no such operation: do it in the workspace's settings instead",
    });
  }
}

/** How a user is named in messages: `ada@acme.io (Ada Lovelace, ADMIN, ACTIVE)`. */
export function describeUser(user: User): string {
  return `${user.email} (${[user.name, user.accountType, user.status].filter(Boolean).join(', ')})`;
}
