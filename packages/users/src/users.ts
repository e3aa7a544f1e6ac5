import type { CallOptions } from '@roster/client';
import type { Context } from './context.js';
import { disable, getByEmail, invite, listActive, listInvited, updateAccountType } from './core.js';
import { deleteUser, enableUser, getUser, listGroups, listWorkspaces, resendInvite, revokeInvite, updateUser } from './extended.js';
import type { ServerFeatures } from './features.js';
import { inviteMany, type InviteManyOptions } from './invite-many.js';
import { listAll, listPage, type ListOptions, type ListPageOptions } from './listing.js';
import type {
  ActiveUser,
  EmailRef,
  Group,
  InvitedUser,
  InviteInput,
  InviteOutcome,
  UpdateAccountTypeInput,
  UpdateUserInput,
  User,
  UserFilter,
  UserPage,
  UserRef,
  Workspace,
} from './types.js';

/**
 * The users of a workspace: `roster.users`. Every method validates its input before any
 * request, takes per-call options last, and returns plain data or throws a `RosterError`.
 *
 * The methods of the documented core work with every server. The others use the Roster
 * extension when the server has it (detected once per client); on a core-only server they
 * fall back to the core where it can answer, and otherwise throw `NotSupportedError`.
 */
export class Users {
  readonly #context: Context;

  /** @internal {@link Roster} creates it: use `roster.users`. */
  constructor(context: Context) {
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
  listActive(options?: CallOptions): Promise<ActiveUser[]> {
    return listActive(this.#context, options);
  }

  /**
   * Lists the pending invitations. Only the invited list is requested, not the active one.
   * @throws `RosterError` subclasses, see {@link RosterClient.execute}.
   */
  listInvited(options?: CallOptions): Promise<InvitedUser[]> {
    return listInvited(this.#context, options);
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
  getByEmail(email: string, options?: CallOptions): Promise<ActiveUser> {
    return getByEmail(this.#context, email, options);
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
  invite(input: InviteInput, options?: CallOptions): Promise<void> {
    return invite(this.#context, input, options);
  }

  /**
   * Changes an active member's role. The server refuses to demote the last admin.
   * @throws `ValidationError` before any request for a bad uid or account type; `NotFoundError` for an unknown uid.
   * @example
   * ```ts
   * await roster.users.updateAccountType({ userUid: ada.uid, accountType: 'ADMIN' });
   * ```
   */
  updateAccountType(input: UpdateAccountTypeInput, options?: CallOptions): Promise<void> {
    return updateAccountType(this.#context, input, options);
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
  disable(input: UserRef, options?: CallOptions): Promise<void> {
    return disable(this.#context, input, options);
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
   * const page = await roster.users.listPage({ status: ['INVITED'] }, { pageSize: 50 });
   * ```
   */
  listPage(filter?: UserFilter, options?: ListPageOptions): Promise<UserPage> {
    return listPage(this.#context, filter, options);
  }

  /**
   * Iterates over every user matching a filter, fetching pages as it goes.
   * @example
   * ```ts
   * for await (const user of roster.users.list({ prefix: 'ada', accountTypes: ['ADMIN'] })) console.log(user.email);
   * ```
   */
  list(filter?: UserFilter, options?: ListOptions): AsyncGenerator<User, void, undefined> {
    return listAll(this.#context, filter, options);
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
  enable(input: UserRef, options?: CallOptions): Promise<User> {
    return enableUser(this.#context, input, options);
  }

  /**
   * Deletes a user for good. The server refuses to delete the last admin.
   * @throws `NotSupportedError` on a core-only server; `NotFoundError` for an unknown uid.
   */
  delete(input: UserRef, options?: CallOptions): Promise<void> {
    return deleteUser(this.#context, input, options);
  }

  /**
   * Sends a pending invitation again and returns it (on a core-only server, by inviting the
   * address again with its role).
   * @throws `NotFoundError` when the address has no pending invitation.
   */
  resendInvite(input: EmailRef, options?: CallOptions): Promise<User> {
    return resendInvite(this.#context, input, options);
  }

  /**
   * Withdraws a pending invitation.
   * @throws `NotSupportedError` on a core-only server; `NotFoundError` when there is none.
   */
  revokeInvite(input: EmailRef, options?: CallOptions): Promise<void> {
    return revokeInvite(this.#context, input, options);
  }

  /**
   * Lists the groups a user belongs to.
   * @throws `NotSupportedError` on a core-only server; `NotFoundError` for an unknown uid.
   */
  listGroups(input: UserRef, options?: CallOptions): Promise<Group[]> {
    return listGroups(this.#context, input, options);
  }

  /**
   * Lists the workspaces a user can reach (the analogue of sub-accounts).
   * @throws `NotSupportedError` on a core-only server; `NotFoundError` for an unknown uid.
   */
  listWorkspaces(input: UserRef, options?: CallOptions): Promise<Workspace[]> {
    return listWorkspaces(this.#context, input, options);
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
    return inviteMany(this.#context, entries, options);
  }
}
