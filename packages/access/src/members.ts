import { UserAccountType } from '@roster/users';
import type { FileProblem } from './errors.js';
import type { RosterMember, SourceLocation } from './model.js';

/** Every role, as a roster file spells it. */
export const ROLES: readonly UserAccountType[] = Object.values(UserAccountType);

// The same deliberately permissive shape as the SDK's own check: the server decides what is
// deliverable, this catches typos before anything is planned.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const GROUP_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** A field as read from a file: its value and where it was written. */
export interface RawField {
  readonly value: unknown;
  readonly at: SourceLocation;
}

/** What the YAML and CSV readers have in common: they check members the same way. */
export class MemberChecker {
  readonly problems: FileProblem[] = [];
  readonly members: RosterMember[] = [];
  readonly #seen = new Map<string, SourceLocation>();
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
  add(at: SourceLocation, fields: { email?: RawField; role?: RawField; name?: RawField; groups?: RawField & { value: unknown[] } }, anyCaseRole = false): void {
    const before = this.problems.length;
    const email = this.#email(at, fields.email);
    const role = this.#role(at, fields.role, anyCaseRole);
    let name: string | undefined;
    if (fields.name !== undefined && fields.name.value !== '' && fields.name.value !== null) {
      const value = fields.name.value;
      if (typeof value !== 'string' || value.length > 200) this.problem(fields.name.at, 'name must be text of at most 200 characters');
      else name = value;
    }
    let groups: string[] | undefined;
    if (fields.groups !== undefined) {
      groups = [];
      for (const group of fields.groups.value) {
        if (typeof group !== 'string' || !GROUP_ID.test(group)) this.problem(fields.groups.at, `a group is named by its id, e.g. data-team; got ${JSON.stringify(group)}`);
        else if (groups.includes(group)) this.problem(fields.groups.at, `group '${group}' is listed twice`);
        else groups.push(group);
      }
    }
    if (this.problems.length > before || email === undefined || role === undefined) return;
    this.members.push({ email, role, ...(name === undefined ? {} : { name }), ...(groups === undefined ? {} : { groups }), source: at });
  }

  #email(at: SourceLocation, field: RawField | undefined): string | undefined {
    if (field === undefined || field.value === '' || field.value === null) {
      this.problem(at, 'a member needs an email');
      return undefined;
    }
    const value = field.value;
    if (typeof value !== 'string' || value.length > 254 || !EMAIL.test(value)) {
      this.problem(field.at, `malformed email address ${JSON.stringify(value)} (expected name@example.com)`);
      return undefined;
    }
    const key = value.toLowerCase();
    const first = this.#seen.get(key);
    if (first) {
      this.problem(field.at, `duplicate email ${value}: already listed at line ${first.line} (addresses are compared ignoring case)`);
      return undefined;
    }
    this.#seen.set(key, field.at);
    if (this.#isIgnored(value)) {
      this.problem(field.at, `${value} is listed as a member but matches the ignore list: remove one of them`);
      return undefined;
    }
    return value;
  }

  #role(at: SourceLocation, field: RawField | undefined, anyCase: boolean): UserAccountType | undefined {
    if (field === undefined || field.value === '' || field.value === null) {
      this.problem(at, `a member needs a role (one of ${ROLES.join(', ')})`);
      return undefined;
    }
    const value = field.value;
    const found = typeof value === 'string' ? ROLES.find((role) => role === value || (anyCase && role === value.toUpperCase())) : undefined;
    if (!found) this.problem(field.at, `unknown role ${JSON.stringify(value)} (one of ${ROLES.join(', ')})`);
    return found;
  }
}
