import { UserAccountType, ValidationError } from '@roster/client';

type Issue = { path: string; message: string };

// Deliberately permissive (any non-space local part and a dotted domain): the server is the
// authority on deliverability, this only catches obvious mistakes before a request is made.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const UID = /^[0-9a-f]{64}$/;

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : value === null ? 'null' : typeof value;
}

/** Appends an issue when `value` is not a plausible email address. */
export function checkEmail(value: unknown, path: string, issues: Issue[]): value is string {
  if (typeof value !== 'string' || value.length > 254 || !EMAIL.test(value)) {
    issues.push({ path, message: `must be an email address like name@example.com, got ${describe(value)}` });
    return false;
  }
  return true;
}

/** Appends an issue when `value` is not a user uid (64 lowercase hexadecimal characters). */
export function checkUid(value: unknown, path: string, issues: Issue[]): value is string {
  if (typeof value !== 'string' || !UID.test(value)) {
    issues.push({ path, message: `must be 64 lowercase hexadecimal characters, got ${describe(value)}` });
    return false;
  }
  return true;
}

/** A check that appends an issue when a value is not one of `values`, listing them. */
export const oneOf =
  (values: readonly string[]) =>
  (value: unknown, path: string, issues: Issue[]): boolean => {
    if (typeof value === 'string' && values.includes(value)) return true;
    issues.push({ path, message: `must be one of ${values.join(', ')}; got ${describe(value)}` });
    return false;
  };

/** Appends an issue when `value` is not one of the account types, listing the valid ones. */
export const checkAccountType = oneOf(Object.values(UserAccountType));

/**
 * Throws one {@link ValidationError} listing every issue, when there is any. An issue's
 * message never repeats its path: the error's message puts them together.
 */
export function throwIfInvalid(what: string, issues: Issue[]): void {
  if (issues.length > 0) {
    throw new ValidationError(`Invalid input to ${what}: ${issues.map((issue) => `${issue.path} ${issue.message}`.trim()).join('; ')}`, { issues });
  }
}

/** A check of one field: appends an issue (at `path`) when `value` is wrong, and says whether it was right. */
export type Check = (value: unknown, path: string, issues: Issue[]) => boolean;

/**
 * Checks an input object's fields, each with its check, and throws one {@link ValidationError}
 * listing every problem; returns the fields.
 */
export function checked(what: string, input: unknown, checks: Readonly<Record<string, Check>>): Record<string, unknown> {
  const fields = fieldsOf(what, input);
  const issues: Issue[] = [];
  for (const [path, check] of Object.entries(checks)) check(fields[path], path, issues);
  throwIfInvalid(what, issues);
  return fields;
}

/** Checks that an argument is an object, so that field checks can report missing fields. */
export function fieldsOf(what: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) throwIfInvalid(what, [{ path: '', message: `expected an object, got ${describe(value)}` }]);
  return value as Record<string, unknown>;
}
