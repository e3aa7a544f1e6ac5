import {
  ListUsersDocument,
  ListUsersPageDocument,
  UserStatus,
  ValidationError,
  type CallOptions,
  type RosterClient,
  type UserFilter as WireFilter,
} from '@roster/client';
import { notSupported, type FeatureDetector } from './features.js';
import type { User, UserFilter, UserPage } from './types.js';
import { checkAccountType, checkEmail, checkUid, throwIfInvalid } from './validate.js';

/** Options of {@link Users.listPage}. */
export interface ListPageOptions extends CallOptions {
  /**
   * Users per page, 1 to 500.
   * @defaultValue 100
   */
  first?: number | undefined;
  /** The `nextCursor` of the previous page. */
  after?: string | null | undefined;
}

/** Options of {@link Users.list}. */
export interface ListOptions extends CallOptions {
  /**
   * Users fetched per request, 1 to 500.
   * @defaultValue 100
   */
  pageSize?: number | undefined;
}

const STATUSES: readonly string[] = Object.values(UserStatus);
const CORE_CURSOR = /^core:(\d+)$/;
type Issue = { path: string; message: string };

function isoInstant(value: unknown, path: string, issues: Issue[]): string | undefined {
  if (value === undefined) return undefined;
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    issues.push({ path, message: `${path} must be a Date or an ISO 8601 date string` });
    return undefined;
  }
  return new Date(time).toISOString();
}

function checkList<T>(values: readonly T[] | undefined, path: string, issues: Issue[], check: (value: unknown, path: string, issues: Issue[]) => boolean): void {
  if (values === undefined) return;
  if (!Array.isArray(values)) {
    issues.push({ path, message: `${path} must be an array` });
    return;
  }
  if (values.length > 100) issues.push({ path, message: `${path} takes at most 100 values, got ${values.length}` });
  values.forEach((value, i) => check(value, `${path}[${i}]`, issues));
}

/** Validates a filter and turns it into the wire form. @throws ValidationError */
export function toWireFilter(filter: UserFilter = {}): WireFilter {
  const issues: Issue[] = [];
  if (typeof filter !== 'object' || filter === null) throwIfInvalid('list', [{ path: 'filter', message: 'filter must be an object' }]);
  checkList(filter.status, 'filter.status', issues, (value, path, list) => {
    const ok = typeof value === 'string' && STATUSES.includes(value);
    if (!ok) list.push({ path, message: `${path} must be one of ${STATUSES.join(', ')}` });
    return ok;
  });
  checkList(filter.accountTypes, 'filter.accountTypes', issues, checkAccountType);
  checkList(filter.uids, 'filter.uids', issues, checkUid);
  checkList(filter.emails, 'filter.emails', issues, checkEmail);
  if (filter.prefix !== undefined && typeof filter.prefix !== 'string') issues.push({ path: 'filter.prefix', message: 'filter.prefix must be a string' });
  const createdAfter = isoInstant(filter.createdAfter, 'filter.createdAfter', issues);
  const createdBefore = isoInstant(filter.createdBefore, 'filter.createdBefore', issues);
  throwIfInvalid('list', issues);
  const wire: WireFilter = {};
  if (filter.status) wire.status = [...filter.status];
  if (filter.prefix !== undefined) wire.prefix = filter.prefix;
  if (filter.accountTypes) wire.accountTypes = [...filter.accountTypes];
  if (createdAfter) wire.createdAfter = createdAfter;
  if (createdBefore) wire.createdBefore = createdBefore;
  if (filter.uids) wire.uids = [...filter.uids];
  if (filter.emails) wire.emails = [...filter.emails];
  return wire;
}

function checkPageSize(value: number | undefined, path: string): number {
  if (value === undefined) return 100;
  if (!Number.isInteger(value) || value < 1 || value > 500) {
    throw new ValidationError(`Invalid input to list: ${path} must be an integer from 1 to 500`, { issues: [{ path, message: 'must be an integer from 1 to 500' }] });
  }
  return value;
}

/** One page, from the extension when the server has it, otherwise from the core listing. */
export async function listPage(
  client: RosterClient,
  features: FeatureDetector,
  filter: UserFilter | undefined,
  options: ListPageOptions = {},
): Promise<UserPage> {
  const { first: requested, after, ...call } = options;
  const wire = toWireFilter(filter);
  const first = checkPageSize(requested, 'first');
  if (!(await features.get(call)).extension) {
    const offset = coreOffset(after ?? null);
    return corePage(await coreUsers(client, wire, call), first, offset);
  }
  return extensionPage(client, wire, first, after ?? null, call);
}

/**
 * Every matching user, page by page, as an async iterator. The filter is checked once; a
 * core-only server's list is downloaded once and paged here, not once per page.
 */
export async function* listAll(
  client: RosterClient,
  features: FeatureDetector,
  filter: UserFilter | undefined,
  options: ListOptions = {},
): AsyncGenerator<User, void, undefined> {
  const { pageSize, ...call } = options;
  const wire = toWireFilter(filter);
  const first = checkPageSize(pageSize, 'pageSize');
  if (!(await features.get(call)).extension) {
    yield* await coreUsers(client, wire, call);
    return;
  }
  let after: string | null = null;
  do {
    const page: UserPage = await extensionPage(client, wire, first, after, call);
    yield* page.users;
    after = page.nextCursor;
  } while (after !== null);
}

async function extensionPage(client: RosterClient, filter: WireFilter, first: number, after: string | null, call: CallOptions): Promise<UserPage> {
  const data = await client.execute(ListUsersPageDocument, { filter, first, after }, call);
  const { nodes, pageInfo, totalCount } = data.users;
  return { users: nodes, nextCursor: pageInfo.hasNextPage ? pageInfo.endCursor : null, totalCount };
}

// The core API lists every active and invited user in one response: filter it here. What
// the core cannot know (disabled users, creation dates) is refused, not guessed.
async function coreUsers(client: RosterClient, filter: WireFilter, call: CallOptions): Promise<User[]> {
  if (filter.createdAfter || filter.createdBefore) throw notSupported('ListUsersPage', 'filter.createdAfter/createdBefore');
  if (filter.status?.includes('DISABLED')) throw notSupported('ListUsersPage', 'filter.status DISABLED');
  const { listUsers } = await client.execute(ListUsersDocument, {}, call);
  return [
    ...listUsers.activeUsers.map((u): User => ({ ...u, status: 'ACTIVE', enabled: true, inviteStatus: null, createdAt: null, updatedAt: null })),
    ...listUsers.invitedUsers.map((u): User => ({ ...u, uid: null, name: null, status: 'INVITED', enabled: false, createdAt: null, updatedAt: null })),
  ].filter(matcher(filter));
}

// Core cursors are offsets into the filtered list: `core:<n>`. Checked before any request.
function coreOffset(after: string | null): number {
  const offset = after === null ? 0 : Number(CORE_CURSOR.exec(after)?.[1] ?? Number.NaN);
  if (Number.isNaN(offset)) {
    throw new ValidationError('Invalid input to list: after is not a cursor of this server', { issues: [{ path: 'after', message: 'unknown cursor' }] });
  }
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
