import { AddUserToGroupDocument, ListGroupsDocument, RemoveUserFromGroupDocument, type CallOptions } from '@roster/client';
import { run, type Context } from './context.js';
import type { Group } from './types.js';
import { checked, checkUid, type Check } from './validate.js';

/** What {@link Groups.addUser} and {@link Groups.removeUser} take. */
export interface GroupMembershipInput {
  /** The {@link Group.id} of the group. */
  readonly groupId: string;
  /** The `uid` of the user to add or remove (64 lowercase hexadecimal characters). */
  readonly userUid: string;
}

function membership(what: string, input: GroupMembershipInput): { groupId: string; uid: string } {
  const groupId: Check = (value, path, issues) => (typeof value === 'string' && value !== '') || !issues.push({ path, message: 'must be a non-empty string' });
  checked(what, input, { groupId, userUid: checkUid });
  return { groupId: input.groupId, uid: input.userUid };
}

// The free functions behind `roster.groups`, taking (context, input, options) as those behind
// `roster.users` do.

async function listAllGroups(context: Context, options?: CallOptions): Promise<Group[]> {
  await context.features.require('ListGroups', options);
  return (await run(context, ListGroupsDocument, {}, options)).groups;
}

async function addUser(context: Context, input: GroupMembershipInput, options?: CallOptions): Promise<void> {
  const variables = membership('groups.addUser', input);
  await context.features.require('AddUserToGroup', options);
  await run(context, AddUserToGroupDocument, variables, { idempotent: true, ...options });
}

async function removeUser(context: Context, input: GroupMembershipInput, options?: CallOptions): Promise<void> {
  const variables = membership('groups.removeUser', input);
  await context.features.require('RemoveUserFromGroup', options);
  await run(context, RemoveUserFromGroupDocument, variables, { idempotent: true, ...options });
}

/**
 * The groups of the workspace: `roster.groups`. Needs a server with the Roster extension;
 * on a core-only server every method throws `NotSupportedError`.
 */
export class Groups {
  readonly #context: Context;

  /** @internal {@link Roster} creates it: use `roster.groups`. */
  constructor(context: Context) {
    this.#context = context;
  }

  /**
   * Lists every group of the workspace, by name.
   * @throws `NotSupportedError` on a core-only server; other `RosterError` subclasses as for any call.
   * @example
   * ```ts
   * for (const group of await roster.groups.list()) console.log(group.name, group.memberCount);
   * ```
   */
  list(options?: CallOptions): Promise<Group[]> {
    return listAllGroups(this.#context, options);
  }

  /**
   * Adds a user to a group; adding a member again changes nothing.
   * @throws `ValidationError` before any request for a bad uid; `NotFoundError` for an unknown group or user.
   * @example
   * ```ts
   * await roster.groups.addUser({ groupId: 'engineering', userUid: ada.uid });
   * ```
   */
  addUser(input: GroupMembershipInput, options?: CallOptions): Promise<void> {
    return addUser(this.#context, input, options);
  }

  /**
   * Removes a user from a group; removing a non-member changes nothing.
   * @throws `ValidationError` before any request for a bad uid; `NotFoundError` for an unknown group or user.
   */
  removeUser(input: GroupMembershipInput, options?: CallOptions): Promise<void> {
    return removeUser(this.#context, input, options);
  }
}
