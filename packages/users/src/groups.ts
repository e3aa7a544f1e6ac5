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
  async list(options?: CallOptions): Promise<Group[]> {
    await this.#context.features.require('ListGroups', options);
    return (await run(this.#context, ListGroupsDocument, {}, options)).groups;
  }

  /**
   * Adds a user to a group; adding a member again changes nothing.
   * @throws `ValidationError` before any request for a bad uid; `NotFoundError` for an unknown group or user.
   * @example
   * ```ts
   * await roster.groups.addUser({ groupId: 'engineering', userUid: ada.uid });
   * ```
   */
  async addUser(input: GroupMembershipInput, options?: CallOptions): Promise<void> {
    const variables = membership('groups.addUser', input);
    await this.#context.features.require('AddUserToGroup', options);
    await run(this.#context, AddUserToGroupDocument, variables, { idempotent: true, ...options });
  }

  /**
   * Removes a user from a group; removing a non-member changes nothing.
   * @throws `ValidationError` before any request for a bad uid; `NotFoundError` for an unknown group or user.
   */
  async removeUser(input: GroupMembershipInput, options?: CallOptions): Promise<void> {
    const variables = membership('groups.removeUser', input);
    await this.#context.features.require('RemoveUserFromGroup', options);
    await run(this.#context, RemoveUserFromGroupDocument, variables, { idempotent: true, ...options });
  }
}
