import type { OpenEnum, UserAccountType } from '@roster/users';

/**
 * How much of the workspace a roster file owns:
 * - `additive`: only the members the file names are managed; everyone else is left alone;
 * - `authoritative`: the file is the whole workspace; whoever it does not name (and is not
 *   ignored) is disabled, and their pending invitation revoked.
 */
export type RosterMode = 'additive' | 'authoritative';

/** Where something was written in a roster file: 1-based line and column. */
export interface SourceLocation {
  /** The file's name as given to the parser, e.g. `roster.yaml`. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column (in a CSV file: the field's position in its row). */
  readonly column: number;
}

/** One member of a roster file: who should have access, and with which role. */
export interface RosterMember {
  /** The member's address; matched against the workspace ignoring case. */
  readonly email: string;
  /** The member's role in the workspace. */
  readonly role: UserAccountType;
  /** A label for reviewers; Roster never changes a user's name (users own their names). */
  readonly name?: string | undefined;
  /**
   * The ids of the groups the member belongs to, exactly. Left out: the member's groups are
   * not managed. Needs a server with the Roster extension.
   */
  readonly groups?: readonly string[] | undefined;
  /** Where the member was written, for error messages; absent for members built in code. */
  readonly source?: SourceLocation | undefined;
}

/** A parsed and checked roster file: the desired state of the workspace. */
export interface RosterFile {
  /** Which users the file owns. */
  readonly mode: RosterMode;
  /** The members, in file order; no two share an address (compared ignoring case). */
  readonly members: readonly RosterMember[];
  /**
   * Addresses or patterns that are never touched, e.g. `breakglass@acme.io` or
   * `*@svc.acme.io` (`*` matches any run of characters; case is ignored).
   */
  readonly ignore: readonly string[];
  /**
   * Whether an expired invitation of a member is sent again.
   * @defaultValue true
   */
  readonly resendExpired: boolean;
}

/** A user as the live workspace reports it. */
export interface LiveUser {
  /** 64 lowercase hex characters; `null` for an invitation. */
  readonly uid: string | null;
  /** The address as the server stores it. */
  readonly email: string;
  /** The display name; `null` for an invitation. */
  readonly name: string | null;
  /** The user's role; a role added by a newer server arrives as a plain string. */
  readonly role: OpenEnum<UserAccountType>;
  /** `ACTIVE`, `DISABLED` (only with the extension) or `INVITED`. */
  readonly status: OpenEnum<'ACTIVE' | 'DISABLED' | 'INVITED'>;
  /** For invitations: `SENT`, `EXPIRED`, `ACTIVE`…; otherwise `null`. */
  readonly inviteStatus: string | null;
  /** The ids of the user's groups, sorted; `null` when they were not read. */
  readonly groups: readonly string[] | null;
  /** When the user signed up or was first invited (ISO 8601, UTC); `null` from a core-only server. */
  readonly createdAt?: string | null | undefined;
  /** When the user last changed (ISO 8601, UTC); `null` from a core-only server. */
  readonly updatedAt?: string | null | undefined;
}

/** The live workspace a plan is made against. */
export interface LiveState {
  /** Whether the server has the Roster extension (disabled users, revoke, enable, groups). */
  readonly extension: boolean;
  /** Every user: active and invited ones, and with the extension the disabled ones. */
  readonly users: readonly LiveUser[];
  /** The workspace's group ids, sorted, when group membership was read; otherwise `null`. */
  readonly groups: readonly string[] | null;
}

/** Send a new invitation: a member with no user nor invitation. */
export interface InviteAction {
  /** What the action does. */
  readonly kind: 'invite';
  /** The member's address, as the file writes it. */
  readonly email: string;
  /** The role the invitation carries. */
  readonly role: UserAccountType;
}

/** Send an expired invitation again (with `resendExpired`). */
export interface ResendAction {
  /** What the action does. */
  readonly kind: 'resend';
  /** The invitation's address, as the server stores it. */
  readonly email: string;
  /** The role the invitation carries. */
  readonly role: string;
}

/** Give an active user, or a pending invitation, another role. */
export interface ChangeRoleAction {
  /** What the action does. */
  readonly kind: 'change-role';
  /** The user's uid; `null` for a pending invitation, which is invited again with the new role. */
  readonly uid: string | null;
  /** The address, as the server stores it. */
  readonly email: string;
  /** The role now. */
  readonly from: string;
  /** The role the file asks for. */
  readonly to: UserAccountType;
}

/** Give a disabled user access again (needs the extension). */
export interface EnableAction {
  /** What the action does. */
  readonly kind: 'enable';
  /** The user's uid. */
  readonly uid: string;
  /** The address, as the server stores it. */
  readonly email: string;
  /** The user's role now (a role change, if any, is its own action). */
  readonly role: string;
}

/** Add a user to a group, or remove them from it (needs the extension). */
export interface GroupAction {
  /** What the action does. */
  readonly kind: 'add-to-group' | 'remove-from-group';
  /** The user's uid. */
  readonly uid: string;
  /** The address, as the server stores it. */
  readonly email: string;
  /** The group's id. */
  readonly group: string;
}

/** Withdraw a pending invitation the file does not name (authoritative mode; needs the extension). */
export interface RevokeAction {
  /** What the action does. */
  readonly kind: 'revoke';
  /** The invitation's address, as the server stores it. */
  readonly email: string;
  /** The role the invitation carries. */
  readonly role: string;
}

/** Take away the access of an enabled user the file does not name (authoritative mode). */
export interface DisableAction {
  /** What the action does. */
  readonly kind: 'disable';
  /** The user's uid. */
  readonly uid: string;
  /** The address, as the server stores it. */
  readonly email: string;
  /** The user's role. */
  readonly role: string;
}

/**
 * One change a plan makes; every action names the address it is about. The kinds, in the
 * phases they are applied in: `enable`; `invite` and `resend`; `change-role` (promotions,
 * then other changes); `add-to-group` / `remove-from-group`; `change-role` (demotions from
 * ADMIN); `revoke`; `disable`.
 */
export type Action = InviteAction | ResendAction | ChangeRoleAction | EnableAction | GroupAction | RevokeAction | DisableAction;

/** The kinds of {@link Action}. */
export type ActionKind = Action['kind'];

/** How many actions of each kind a plan holds. */
export type PlanSummary = Readonly<Record<ActionKind, number>>;

/** An action the server cannot perform (a core-only server cannot revoke, enable or manage groups), and why. */
export interface UnsupportedChange {
  /** What would be done on a server with the extension. */
  readonly action: Action;
  /** Why it is not in the plan. */
  readonly reason: string;
}

/**
 * What a roster file asks of a workspace: the actions, in the order they are applied, and
 * the fingerprint of the live state they were computed from. It is plain JSON: save it,
 * review it, apply it later with {@link applyPlan}.
 */
export interface Plan {
  /** The format of this object. */
  readonly format: 'roster-plan/v1';
  /** A digest of the live state the plan was made against; apply refuses when it no longer matches. */
  readonly fingerprint: string;
  /** The roster file's mode. */
  readonly mode: RosterMode;
  /** Whether the server had the Roster extension. */
  readonly extension: boolean;
  /** Whether group membership was read (and so is part of the fingerprint). */
  readonly groups: boolean;
  /** The roster file's ignore list, so that apply reads the live state the same way. */
  readonly ignore: readonly string[];
  /** The actions in apply order: invitations and promotions first, demotions and removals last. */
  readonly actions: readonly Action[];
  /** Counts by kind. */
  readonly summary: PlanSummary;
  /** Changes the file asks for that this server cannot make; they stay drift. */
  readonly unsupported: readonly UnsupportedChange[];
  /** Things a reviewer should know, e.g. groups left unmanaged on a core-only server. */
  readonly warnings: readonly string[];
  /** Enabled members and pending invitations the plan was made against (ignored users left out). */
  readonly liveSize: number;
  /**
   * The removal guard the plan was made with, which {@link applyPlan} enforces again on the
   * live state. Absent from plans saved before it was recorded: those get the default limit.
   */
  readonly guard?: PlanGuard | undefined;
}

/** The removal guard recorded in a {@link Plan}. */
export interface PlanGuard {
  /** Whether the plan was made with `allowMassRemoval`. */
  readonly allowMassRemoval: boolean;
  /** The removal limit the plan was made with. */
  readonly removalLimit: {
    /** At most this many users disabled or invitations revoked. */
    readonly count: number;
    /** At most this share of the live workspace (enabled users and pending invitations). */
    readonly share: number;
  };
}
