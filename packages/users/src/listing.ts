import { ListUsersDocument, ListUsersPageDocument, UserStatus, type CallOptions, type UserFilter as WireFilter } from '@roster/client';
import { run, USER_NULLABLE, type Context } from './context.js';
import { notSupported } from './features.js';
import type { ActiveUser, InvitedUser, User, UserFilter, UserPage } from './types.js';
import { checkAccountType, checkEmail, checkUid, oneOf, throwIfInvalid } from './validate.js';

/** Options of {@link Users.list}. */
export interface ListOptions extends CallOptions {
  /**
   * Users per page (per request), 1 to 500.
   * @defaultValue 100
   */
  pageSize?: number | undefined;
}

/** Options of {@link Users.listPage}: the page size, as for {@link Users.list}, and where the page starts. */
export interface ListPageOptions extends ListOptions {
  /** The `nextCursor` of the previous page. */
  after?: string | null | undefined;
  /** @deprecated The former name of `pageSize`, still accepted. */
  first?: number | undefined;
}

const CORE_CURSOR = /^core:(\d+)$/;
type Issue = { path: string; message: string };

function isoInstant(value: unknown, path: string, issues: Issue[]): string | undefined {
  if (value === undefined) return undefined;
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    issues.push({ path, message: 'must be a Date or an ISO 8601 date string' });
    return undefined;
  }
  return new Date(time).toISOString();
}

function checkList<T>(values: readonly T[] | undefined, path: string, issues: Issue[], check: (value: unknown, path: string, issues: Issue[]) => boolean): void {
  if (values === undefined) return;
  if (!Array.isArray(values)) {
    issues.push({ path, message: 'must be an array' });
    return;
  }
  if (values.length > 100) issues.push({ path, message: `takes at most 100 values, got ${values.length}` });
  values.forEach((value, i) => check(value, `${path}[${i}]`, issues));
}

/** Validates a filter (`what` names the method) and turns it into the wire form. @throws ValidationError */
function toWireFilter(what: string, filter: UserFilter = {}): WireFilter {
  const issues: Issue[] = [];
  if (typeof filter !== 'object' || filter === null) throwIfInvalid(what, [{ path: 'filter', message: 'must be an object' }]);
  checkList(filter.status, 'filter.status', issues, oneOf(Object.values(UserStatus)));
  checkList(filter.accountTypes, 'filter.accountTypes', issues, checkAccountType);
  checkList(filter.uids, 'filter.uids', issues, checkUid);
  checkList(filter.emails, 'filter.emails', issues, checkEmail);
  if (filter.prefix !== undefined && typeof filter.prefix !== 'string') issues.push({ path: 'filter.prefix', message: 'must be a string' });
  const createdAfter = isoInstant(filter.createdAfter, 'filter.createdAfter', issues);
  const createdBefore = isoInstant(filter.createdBefore, 'filter.createdBefore', issues);
  throwIfInvalid(what, issues);
  // Only the known fields go on the wire (in the JSON, an undefined one is left out).
  const { status, prefix, accountTypes, uids, emails } = filter;
  return { status, prefix, accountTypes, createdAfter, createdBefore, uids, emails } as WireFilter;
}

function checkPageSize(what: string, value: number | undefined): number {
  if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 500)) throwIfInvalid(what, [{ path: 'pageSize', message: `must be an integer from 1 to 500, got ${value}` }]);
  return value ?? 100;
}

/** One page, from the extension when the server has it, otherwise from the core listing. */
export async function listPage(context: Context, filter: UserFilter | undefined, options: ListPageOptions = {}): Promise<UserPage> {
  const { pageSize, first, after, ...call } = options;
  const wire = toWireFilter('listPage', filter);
  const size = checkPageSize('listPage', pageSize ?? first);
  if (!(await context.features.get(call)).extension) {
    const offset = coreOffset(after ?? null);
    return corePage(await coreUsers(context, wire, call), size, offset);
  }
  return extensionPage(context, wire, size, after ?? null, call);
}

/**
 * Every matching user, page by page, as an async iterator. The filter is checked once; a
 * core-only server's list is downloaded once and paged here, not once per page.
 */
export async function* listAll(context: Context, filter: UserFilter | undefined, options: ListOptions = {}): AsyncGenerator<User, void, undefined> {
  const { pageSize, ...call } = options;
  const wire = toWireFilter('list', filter);
  const size = checkPageSize('list', pageSize);
  if (!(await context.features.get(call)).extension) {
    yield* await coreUsers(context, wire, call);
    return;
  }
  let after: string | null = null;
  do {
    const page: UserPage = await extensionPage(context, wire, size, after, call);
    yield* page.users;
    after = page.nextCursor;
  } while (after !== null);
}

async function extensionPage(context: Context, filter: WireFilter, first: number, after: string | null, call: CallOptions): Promise<UserPage> {
  const data = await run(context, ListUsersPageDocument, { filter, first, after }, call, USER_NULLABLE);
  const { nodes, pageInfo, totalCount } = data.users;
  return { users: nodes, nextCursor: pageInfo.hasNextPage ? pageInfo.endCursor : null, totalCount };
}

/** A core API's active user as a {@link User}: what the core does not say is `null`. */
export const fromActive = (u: ActiveUser): User => ({ ...u, status: 'ACTIVE', enabled: true, inviteStatus: null, createdAt: null, updatedAt: null });

/** A core API's invitation as a {@link User}. */
export const fromInvited = (u: InvitedUser): User => ({ ...u, uid: null, name: null, status: 'INVITED', enabled: false, createdAt: null, updatedAt: null });

// The core API lists every active and invited user in one response: filter it here. What
// the core cannot know (disabled users, creation dates) is refused, not guessed.
async function coreUsers(context: Context, filter: WireFilter, call: CallOptions): Promise<User[]> {
  if (filter.createdAfter || filter.createdBefore) throw notSupported('ListUsersPage', 'filter.createdAfter/createdBefore');
  if (filter.status?.includes('DISABLED')) throw notSupported('ListUsersPage', 'filter.status DISABLED');
  const { listUsers } = await run(context, ListUsersDocument, {}, call);
  return [...listUsers.activeUsers.map(fromActive), ...listUsers.invitedUsers.map(fromInvited)].filter(matcher(filter));
}

// Core cursors are offsets into the filtered list: `core:<n>`. Checked before any request.
function coreOffset(after: string | null): number {
  const offset = after === null ? 0 : Number(CORE_CURSOR.exec(after)?.[1] ?? Number.NaN);
  if (Number.isNaN(offset)) throwIfInvalid('listPage', [{ path: 'after', message: 'is not a cursor of this server' }]);
  return offset;
}

function corePage(users: User[], first: number, offset: number): UserPage {
  const end = offset + first;
  return { users: users.slice(offset, end), nextCursor: end < users.length ? `core:${end}` : null, totalCount: users.length };
}

function matcher(filter: WireFilter): (user: User) => boolean {
  const prefix = typeof filter.prefix === 'string' ? filter.prefix.toLowerCase() : undefined;
  const status = filter.status ? new Set<string>(filter.status) : undefined;
  const types = filter.accountTypes ? new Set<string>(filter.accountTypes) : undefined;
  const uids = filter.uids ? new Set(filter.uids) : undefined;
  const emails = filter.emails ? new Set(filter.emails.map((e) => e.toLowerCase())) : undefined;
  return (user) =>
    (!status || status.has(user.status)) &&
    (!types || types.has(user.accountType)) &&
    (!uids || (user.uid !== null && uids.has(user.uid))) &&
    (!emails || emails.has(user.email.toLowerCase())) &&
    (!prefix || user.email.toLowerCase().startsWith(prefix) || (user.name?.toLowerCase().startsWith(prefix) ?? false));
}
