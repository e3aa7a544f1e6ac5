import { UserAccountType } from '@roster/users';
import type { FileProblem } from './errors.js';
import type { RosterMember, SourceLocation } from './model.js';

/** Every role, as a roster file spells it. */
export const ROLES: readonly UserAccountType[] = Object.values(UserAccountType);
const BY_UPPER = new Map<string, UserAccountType>(ROLES.map((role) => [role, role]));

// The same deliberately permissive shape as the SDK's own check: the server decides what is
// deliverable, this catches typos before anything is planned.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const GROUP_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** A field as read from a file: its value and where it was written. */
export interface RawField {
  readonly value: unknown;
  readonly at: SourceLocation;
}

/** The fields of one member as read, before any check. */
export interface RawMember {
  readonly email?: unknown;
  readonly role?: unknown;
  readonly name?: unknown;
  readonly groups?: readonly unknown[] | undefined;
}

/** Where a field of the member being checked was written: asked only when there is a problem. */
export type Locate = (field: 'member' | 'email' | 'role' | 'name' | 'groups') => SourceLocation;

const blank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * What the YAML and CSV readers have in common: they check members the same way. Locations
 * are computed only for problems, so that a 100,000-row file costs one location per member.
 */
export class MemberChecker {
  readonly problems: FileProblem[] = [];
  readonly members: RosterMember[] = [];
  readonly #seen = new Map<string, number>();
  readonly #isIgnored: (email: string) => boolean;

  constructor(isIgnored: (email: string) => boolean) {
    this.#isIgnored = isIgnored;
  }

  problem(at: SourceLocation, message: string): void {
    this.problems.push({ ...at, message });
  }

  /**
   * Checks one member and keeps it when it is valid. `role` is matched exactly, or ignoring
   * case when `anyCaseRole` (spreadsheets write `Admin`).
   */
  add(raw: RawMember, locate: Locate, anyCaseRole = false): void {
    const before = this.problems.length;
    const email = this.#email(raw.email, locate);
    const role = this.#role(raw.role, locate, anyCaseRole);
    let name: string | undefined;
    if (!blank(raw.name)) {
      if (typeof raw.name !== 'string' || raw.name.length > 200) this.problem(locate('name'), 'name must be text of at most 200 characters');
      else name = raw.name;
    }
    let groups: string[] | undefined;
    if (raw.groups !== undefined) {
      groups = [];
      for (const group of raw.groups) {
        if (typeof group !== 'string' || !GROUP_ID.test(group)) this.problem(locate('groups'), `a group is named by its id, e.g. data-team; got ${JSON.stringify(group)}`);
        else if (groups.includes(group)) this.problem(locate('groups'), `group '${group}' is listed twice`);
        else groups.push(group);
      }
    }
    if (this.problems.length > before || email === undefined || role === undefined) return;
    const member: { -readonly [K in keyof RosterMember]: RosterMember[K] } = { email, role, source: locate('member') };
    if (name !== undefined) member.name = name;
    if (groups !== undefined) member.groups = groups;
    this.members.push(member);
  }

  #email(value: unknown, locate: Locate): string | undefined {
    if (blank(value)) {
      this.problem(locate('member'), 'a member needs an email');
      return undefined;
    }
    if (typeof value !== 'string' || value.length > 254 || !EMAIL.test(value)) {
      this.problem(locate('email'), `malformed email address ${JSON.stringify(value)} (expected name@example.com)`);
      return undefined;
    }
    const key = value.toLowerCase();
    const first = this.#seen.get(key);
    if (first !== undefined) {
      this.problem(locate('email'), `duplicate email ${value}: already listed at line ${first} (addresses are compared ignoring case)`);
      return undefined;
    }
    this.#seen.set(key, locate('email').line);
    if (this.#isIgnored(value)) {
      this.problem(locate('email'), `${value} is listed as a member but matches the ignore list: remove one of them`);
      return undefined;
    }
    return value;
  }

  #role(value: unknown, locate: Locate, anyCase: boolean): UserAccountType | undefined {
    if (blank(value)) {
      this.problem(locate('member'), `a member needs a role (one of ${ROLES.join(', ')})`);
      return undefined;
    }
    const found = typeof value === 'string' ? BY_UPPER.get(anyCase ? value.toUpperCase() : value) : undefined;
    if (!found) this.problem(locate('role'), `unknown role ${JSON.stringify(value)} (one of ${ROLES.join(', ')})`);
    return found;
  }
}
