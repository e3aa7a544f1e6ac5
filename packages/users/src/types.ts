import type { InviteStatus, IsoDateTime, RosterError, UserAccountType, UserStatus } from '@roster/client';

/**
 * An enum value as received from a server: one of the known values, or a value the server
 * added after this SDK was built, passed through as a plain string instead of failing.
 */
export type OpenEnum<T extends string> = T | (string & Record<never, never>);

/** A member who has signed up and can use the workspace. */
export interface ActiveUser {
  /** Stable identifier: 64 lowercase hexadecimal characters. */
  readonly uid: string;
  /** The member's email address. */
  readonly email: string;
  /** The member's display name. */
  readonly name: string;
  /** The member's role in the workspace; a role added by a newer server arrives as a plain string. */
  readonly accountType: OpenEnum<UserAccountType>;
}

/** Somebody who was invited and has not signed up yet. */
export interface InvitedUser {
  /** The address the invitation was sent to. */
  readonly email: string;
  /** The role the user will get on signing up; a role added by a newer server arrives as a plain string. */
  readonly accountType: OpenEnum<UserAccountType>;
  /** Where the invitation stands, e.g. `SENT` or `EXPIRED`. */
  readonly inviteStatus: OpenEnum<InviteStatus>;
}

/** What {@link Users.invite} takes. `accountType` may be `UserAccountType.ADMIN` or the string `'ADMIN'`. */
export interface InviteInput {
  /** The address to invite, e.g. `ada@acme.io`; checked for a plausible shape before any request. */
  readonly email: string;
  /** The role the user will get on signing up. */
  readonly accountType: UserAccountType;
}

/** What {@link Users.updateAccountType} takes. */
export interface UpdateAccountTypeInput {
  /** The `uid` of the active member to change (64 lowercase hexadecimal characters). */
  readonly userUid: string;
  /** The member's new role. */
  readonly accountType: UserAccountType;
}

/** A user, by uid: what {@link Users.disable}, {@link Users.enable}, {@link Users.delete}, {@link Users.listGroups} and {@link Users.listWorkspaces} take. */
export interface UserRef {
  /** The `uid` of the user (64 lowercase hexadecimal characters). */
  readonly userUid: string;
}

/** What {@link Users.disable} takes. @deprecated Use {@link UserRef}, the same type under the name every method uses. */
export type DisableInput = UserRef;

/** An invitation, by address: what {@link Users.resendInvite} and {@link Users.revokeInvite} take. */
export interface EmailRef {
  /** The address the invitation was sent to; compared ignoring case. */
  readonly email: string;
}

/**
 * The outcome of one entry of {@link Users.inviteMany}:
 * - `invited`: the invitation was sent;
 * - `already-invited`: the address had a pending invitation, so nothing was sent (unless `resend`);
 * - `duplicate`: an earlier entry has the same address (compared case-insensitively); see `duplicateOf`;
 * - `failed`: the entry was invalid, or the server refused it, or it was aborted in flight: see `error`;
 * - `skipped`: the run was aborted before this entry was sent.
 */
export type InviteOutcome =
  | {
      /** The position of the entry in the `entries` given to {@link Users.inviteMany}. */
      readonly index: number;
      /** The entry's address, as given. */
      readonly email: string;
      /** `invited` (sent), `already-invited` (a pending invitation existed: nothing sent) or `skipped` (the run was aborted first). */
      readonly status: 'invited' | 'already-invited' | 'skipped';
    }
  | {
      /** The position of the entry in the `entries` given to {@link Users.inviteMany}. */
      readonly index: number;
      /** The entry's address, as given. */
      readonly email: string;
      /** The entry repeats an earlier address, so nothing was sent for it. */
      readonly status: 'duplicate';
      /** The `index` of the first entry with the same address (compared case-insensitively). */
      readonly duplicateOf: number;
    }
  | {
      /** The position of the entry in the `entries` given to {@link Users.inviteMany}. */
      readonly index: number;
      /** The entry's address, as given. */
      readonly email: string;
      /** The entry was invalid, refused by the server, or aborted in flight. */
      readonly status: 'failed';
      /** Why the entry failed, e.g. a `ValidationError` or a `ConflictError`. */
      readonly error: RosterError;
    };

/** Progress of {@link Users.inviteMany}, reported after each entry settles. */
export interface InviteProgress {
  /** Entries settled so far (any status). */
  readonly done: number;
  /** How many entries the run has in all (the length of `entries`). */
  readonly total: number;
  /** The entry that just settled. */
  readonly outcome: InviteOutcome;
}

/** An instant as the API sends it: an ISO 8601 string in UTC. */
export type { IsoDateTime } from '@roster/client';

/** A user in any state, as the extended API describes it. */
export interface User {
  /** 64 lowercase hex characters; `null` for an invitation. */
  readonly uid: string | null;
  /** The user's email address (for an invitation, the address it was sent to). */
  readonly email: string;
  /** `null` for an invitation. */
  readonly name: string | null;
  /** The user's role; a role added by a newer server arrives as a plain string. */
  readonly accountType: OpenEnum<UserAccountType>;
  /** Where the user stands: `ACTIVE`, `DISABLED` or `INVITED` (or a state added by a newer server). */
  readonly status: OpenEnum<UserStatus>;
  /** True when the user can sign in (status `ACTIVE`). */
  readonly enabled: boolean;
  /** Set for invitations only. */
  readonly inviteStatus: OpenEnum<InviteStatus> | null;
  /** When the user signed up or was first invited; `null` from a server that speaks only the core API. */
  readonly createdAt: IsoDateTime | null;
  /** When the user last changed; `null` from a server that speaks only the core API. */
  readonly updatedAt: IsoDateTime | null;
}

/** Which users a listing returns; every condition given must hold. */
export interface UserFilter {
  /** Only users in these states; `['INVITED']` lists the pending users. */
  readonly status?: readonly UserStatus[] | undefined;
  /** Only users whose name or email starts with this text, ignoring case. */
  readonly prefix?: string | undefined;
  /** Only users with one of these roles. */
  readonly accountTypes?: readonly UserAccountType[] | undefined;
  /** Only users created at or after this instant. Needs the extension. */
  readonly createdAfter?: Date | string | undefined;
  /** Only users created before this instant. Needs the extension. */
  readonly createdBefore?: Date | string | undefined;
  /** Only these users (at most 100 uids). */
  readonly uids?: readonly string[] | undefined;
  /** Only these addresses, ignoring case (at most 100). */
  readonly emails?: readonly string[] | undefined;
}

/** One page of a listing. */
export interface UserPage {
  /** The users of this page, in listing order: at most `first` of them. */
  readonly users: User[];
  /** Pass as `after` to get the next page; `null` when there is none. */
  readonly nextCursor: string | null;
  /** How many users match the filter across all pages. */
  readonly totalCount: number;
}

/** What {@link Users.update} takes: the user, and the fields to change. */
export interface UpdateUserInput {
  /** The `uid` of the user to change (64 lowercase hexadecimal characters). */
  readonly userUid: string;
  /** A new display name, 1 to 200 characters; left unchanged when `undefined`. Needs the extension. */
  readonly name?: string | undefined;
  /** A new email address, not used by another user; left unchanged when `undefined`. Needs the extension. */
  readonly email?: string | undefined;
  /** A new role; left unchanged when `undefined`. The last admin cannot be demoted. */
  readonly accountType?: UserAccountType | undefined;
}

/** A named set of users. */
export interface Group {
  /** Stable identifier of the group, as {@link Groups.addUser} takes it in `groupId`. */
  readonly id: string;
  /** The group's display name. */
  readonly name: string;
  /** How many users belong to the group. */
  readonly memberCount: number;
}

/** A workspace of the same company (the analogue of a sub-account). */
export interface Workspace {
  /** Stable identifier of the workspace (64 lowercase hexadecimal characters). */
  readonly uid: string;
  /** The workspace's display name. */
  readonly name: string;
}
