// The SDK's input checks, with its messages, so that the page refuses what
// `roster.users.invite` would refuse before anything is sent. The SDK keeps its checks
// internal; test/validation-parity.test.ts feeds the same inputs to both and fails when a
// message differs, so the two cannot drift apart.
import { UserAccountType } from '@roster/client';

/** One problem with one field, as the SDK's `ValidationError.issues` lists it: the message does not repeat the path. */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

/** The roles the SDK accepts, in its order. */
export const ACCOUNT_TYPES: readonly string[] = Object.values(UserAccountType);
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : value === null ? 'null' : typeof value;
}

/** The SDK's check of an email address. */
export function checkEmail(value: unknown, path: string): Issue[] {
  return typeof value !== 'string' || value.length > 254 || !EMAIL.test(value)
    ? [{ path, message: `must be an email address like name@example.com, got ${describe(value)}` }]
    : [];
}

/** The SDK's check of an account type, listing the valid ones. */
export function checkAccountType(value: unknown, path: string): Issue[] {
  return typeof value !== 'string' || !ACCOUNT_TYPES.includes(value)
    ? [{ path, message: `must be one of ${ACCOUNT_TYPES.join(', ')}; got ${describe(value)}` }]
    : [];
}

/** Every issue of an invitation, as `roster.users.invite` reports them. */
export function inviteIssues(input: { email: unknown; accountType: unknown }): Issue[] {
  return [...checkEmail(input.email, 'email'), ...checkAccountType(input.accountType, 'accountType')];
}

/** An issue as a sentence for the page: the field, then what is wrong with it. */
export function issueText(issue: Issue): string {
  return `${issue.path} ${issue.message}`;
}
