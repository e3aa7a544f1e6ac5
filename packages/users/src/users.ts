import {
  DisableUserDocument,
  GetUserByEmailDocument,
  InviteUserDocument,
  ListActiveUsersDocument,
  ListInvitedUsersDocument,
  NotFoundError,
  UpdateUserAccountTypeDocument,
  type CallOptions,
  type RosterClient,
} from '@roster/client';
import {
  deleteUser,
  emailOf,
  enableUser,
  getUser,
  resendInvite,
  revokeInvite,
  updateUser,
  userGroups,
  userUidOf,
  userWorkspaces,
  type Context,
} from './extended.js';
import type { ServerFeatures } from './features.js';
import { inviteMany, type InviteManyOptions } from './invite-many.js';
import { listAll, listPage, type ListOptions, type ListPageOptions } from './listing.js';
import type {
  ActiveUser,
  DisableInput,
  Group,
  InvitedUser,
  InviteInput,
  InviteOutcome,
  UpdateAccountTypeInput,
  UpdateUserInput,
  User,
  UserFilter,
  UserPage,
  Workspace,
} from './types.js';
import { checkAccountType, checkEmail, checkUid, inputObject, throwIfInvalid } from './validate.js';

/**
 * The users of a workspace: `roster.users`. Every method validates its input before any
 * request, takes per-call options last, and returns plain data or throws a `RosterError`.
 *
 * The methods of the documented core work with every server. The others use the Roster
 * extension when the server has it (detected once per client); on a core-only server they
 * fall back to the core where it can answer, and otherwise throw `NotSupportedError`.
 */
export class Users {
  readonly #client: RosterClient;
  readonly #context: Context;

  /** @param context - the transport and its feature detector; {@link Roster} creates them. */
  constructor(context: Context) {
    this.#client = context.client;
    this.#context = context;
  }

  /** What the server offers beyond the core, detected on first use and remembered. */
  features(options?: CallOptions): Promise<ServerFeatures> {
    return this.#context.features.get(options);
  }

  /**
   * Lists the active members. Only the active list is requested, not the invited one.
   * @throws `RosterError` subclasses, see {@link RosterClient.execute}.
   * @example
   * ```ts
   * for (const user of await roster.users.listActive()) console.log(user.email, user.accountType);
   * ```
   */
  async listActive(options?: CallOptions): Promise<ActiveUser[]> {
    const data = await this.#client.execute(ListActiveUsersDocument, {}, options);
    return data.listUsers.activeUsers;
  }

  /**
   * Lists the pending invitations. Only the invited list is requested, not the active one.
   * @throws `RosterError` subclasses, see {@link RosterClient.execute}.
   */
  async listInvited(options?: CallOptions): Promise<InvitedUser[]> {
    const data = await this.#client.execute(ListInvitedUsersDocument, {}, options);
    return data.listUsers.invitedUsers;
  }

  /**
   * Finds an active member by email, ignoring case (`Ada@Acme.io` finds `ada@acme.io`).
   * Invitations are not searched. With the extension the server looks the address up;
   * a core-only server's active list is searched instead.
   * @throws `ValidationError` for a malformed email; `NotFoundError` when no active member has it.
   * @example
   * ```ts
   * const ada = await roster.users.getByEmail('ada@acme.io');
   * ```
   */
  async getByEmail(email: string, options?: CallOptions): Promise<ActiveUser> {
    const issues: { path: string; message: string }[] = [];
    checkEmail(email, 'email', issues);
    throwIfInvalid('getByEmail', issues);
    if ((await this.#context.features.get(options)).extension) {
      const { userByEmail: found } = await this.#client.execute(GetUserByEmailDocument, { email }, options);
      if (!found || found.status !== 'ACTIVE' || found.uid === null || found.name === null) {
        throw new NotFoundError(`Not found in getByEmail: no active user has the email '${email}'`, { operationName: 'GetUserByEmail' });
      }
      return { uid: found.uid, email: found.email, name: found.name, accountType: found.accountType };
    }
    const wanted = email.toLowerCase();
    const user = (await this.listActive(options)).find((candidate) => candidate.email.toLowerCase() === wanted);
    if (!user) {
      throw new NotFoundError(`Not found in getByEmail: no active user has the email '${email}'`, {
        operationName: 'ListActiveUsers',
      });
    }
    return user;
  }

  /**
   * Invites an address with a role. Inviting an address with a pending invitation sends it
   * again; inviting an active member's address fails with a `ConflictError`.
   * @throws `ValidationError` before any request for a bad email or account type; `OperationFailedError` on `ok: false`.
   * @example
   * ```ts
   * await roster.users.invite({ email: 'ada@acme.io', accountType: UserAccountType.DEVELOPER });
   * ```
   */
  async invite(input: InviteInput, options?: CallOptions): Promise<void> {
    const fields = inputObject('invite', input);
    const issues: { path: string; message: string }[] = [];
    checkEmail(fields.email, 'email', issues);
    checkAccountType(fields.accountType, 'accountType', issues);
    throwIfInvalid('invite', issues);
    await this.#client.execute(InviteUserDocument, { email: input.email, accountType: input.accountType }, options);
  }

  /**
   * Changes an active member's role. The server refuses to demote the last admin.
   * @throws `ValidationError` before any request for a bad uid or account type; `NotFoundError` for an unknown uid.
   * @example
   * ```ts
   * await roster.users.updateAccountType({ userUid: ada.uid, accountType: 'ADMIN' });
   * ```
   */
  async updateAccountType(input: UpdateAccountTypeInput, options?: CallOptions): Promise<void> {
    const fields = inputObject('updateAccountType', input);
    const issues: { path: string; message: string }[] = [];
    checkUid(fields.userUid, 'userUid', issues);
    checkAccountType(fields.accountType, 'accountType', issues);
    throwIfInvalid('updateAccountType', issues);
    await this.#client.execute(UpdateUserAccountTypeDocument, { uid: input.userUid, accountType: input.accountType }, options);
  }

  /**
   * Disables an active member: they lose access and leave the active list. The server
   * refuses to disable the last admin.
   * @throws `ValidationError` before any request for a bad uid; `NotFoundError` for an unknown uid.
   * @example
   * ```ts
   * await roster.users.disable({ userUid: ada.uid });
   * ```
   */
  async disable(input: DisableInput, options?: CallOptions): Promise<void> {
    const fields = inputObject('disable', input);
    const issues: { path: string; message: string }[] = [];
    checkUid(fields.userUid, 'userUid', issues);
    throwIfInvalid('disable', issues);
    await this.#client.execute(DisableUserDocument, { uid: input.userUid }, options);
  }

  /**
   * Gets one user by uid, disabled users included (on a core-only server: active users only).
   * @throws `ValidationError` for a malformed uid; `NotFoundError` when there is no such user.
   * @example
   * ```ts
   * const user = await roster.users.get(uid);
   * console.log(user.status, user.createdAt);
   * ```
   */
  get(userUid: string, options?: CallOptions): Promise<User> {
    return getUser(this.#context, userUid, options);
  }

  /**
   * Fetches one page of users matching a filter. Pass the page's `nextCursor` as `after`
   * to get the next one. On a core-only server the core listing is filtered here, and the
   * filters it cannot serve (creation dates, disabled users) throw `NotSupportedError`.
   * @throws `ValidationError` for a bad filter or page size.
   * @example
   * ```ts
   * const page = await roster.users.listPage({ status: ['INVITED'] }, { first: 50 });
   * ```
   */
  listPage(filter?: UserFilter, options?: ListPageOptions): Promise<UserPage> {
    return listPage(this.#client, this.#context.features, filter, options);
  }

  /**
   * Iterates over every user matching a filter, fetching pages as it goes.
   * @example
   * ```ts
   * for await (const user of roster.users.list({ prefix: 'ada', accountTypes: ['ADMIN'] })) console.log(user.email);
   * ```
   */
  list(filter?: UserFilter, options?: ListOptions): AsyncGenerator<User, void, undefined> {
    return listAll(this.#client, this.#context.features, filter, options);
  }

  /**
   * Changes a user's name, email and/or role, and returns the user as it is now. On a
   * core-only server only the role can change (through `updateUserAccountType`).
   * @throws `ValidationError` before any request; `ConflictError` for an email in use;
   * `NotSupportedError` for a name or email change on a core-only server.
   * @example
   * ```ts
   * const user = await roster.users.update({ userUid, name: 'Ada Lovelace', accountType: 'ADMIN' });
   * ```
   */
  update(input: UpdateUserInput, options?: CallOptions): Promise<User> {
    return updateUser(this.#context, input, options);
  }

  /**
   * Enables a disabled user again and returns it.
   * @throws `NotSupportedError` on a core-only server; `NotFoundError` for an unknown uid.
   */
  enable(input: DisableInput, options?: CallOptions): Promise<User> {
    return enableUser(this.#context, userUidOf('enable', input), options);
  }

  /**
   * Deletes a user for good. The server refuses to delete the last admin.
   * @throws `NotSupportedError` on a core-only server; `NotFoundError` for an unknown uid.
   */
  delete(input: DisableInput, options?: CallOptions): Promise<void> {
    return deleteUser(this.#context, userUidOf('delete', input), options);
  }

  /**
   * Sends a pending invitation again and returns it (on a core-only server, by inviting the
   * address again with its role).
   * @throws `NotFoundError` when the address has no pending invitation.
   */
  resendInvite(input: { readonly email: string }, options?: CallOptions): Promise<User> {
    return resendInvite(this.#context, emailOf('resendInvite', input), options);
  }

  /**
   * Withdraws a pending invitation.
   * @throws `NotSupportedError` on a core-only server; `NotFoundError` when there is none.
   */
  revokeInvite(input: { readonly email: string }, options?: CallOptions): Promise<void> {
    return revokeInvite(this.#context, emailOf('revokeInvite', input), options);
  }

  /**
   * Lists the groups a user belongs to.
   * @throws `NotSupportedError` on a core-only server; `NotFoundError` for an unknown uid.
   */
  listGroups(input: DisableInput, options?: CallOptions): Promise<Group[]> {
    return userGroups(this.#context, userUidOf('listGroups', input), options);
  }

  /**
   * Lists the workspaces a user can reach (the analogue of sub-accounts).
   * @throws `NotSupportedError` on a core-only server; `NotFoundError` for an unknown uid.
   */
  listWorkspaces(input: DisableInput, options?: CallOptions): Promise<Workspace[]> {
    return userWorkspaces(this.#context, userUidOf('listWorkspaces', input), options);
  }

  /**
   * Invites many addresses, a few at a time, and reports one outcome per entry, in input
   * order. It keeps going past failures, never sends the same address twice, lets the
   * client's retry rules absorb rate limits, and when aborted returns what it did so far
   * (entries not sent are `skipped`) instead of throwing.
   * @throws `ValidationError` for bad options; a `RosterError` only if the initial listing of
   * pending invitations fails (then nothing has been sent).
   * @example
   * ```ts
   * const outcomes = await roster.users.inviteMany(
   *   [{ email: 'a@acme.io', accountType: 'DEVELOPER' }, { email: 'b@acme.io', accountType: 'ANALYST' }],
   *   { concurrency: 4, onProgress: ({ done, total }) => console.log(`${done}/${total}`) },
   * );
   * ```
   */
  inviteMany(entries: readonly InviteInput[], options?: InviteManyOptions): Promise<InviteOutcome[]> {
    return inviteMany(this.#client, this, entries, options);
  }
}
