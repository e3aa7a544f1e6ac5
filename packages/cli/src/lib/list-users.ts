import type { ActiveUser, InvitedUser, Roster, UserAccountType } from '@roster/users';
import { CliError } from '../errors.js';
import type { DataRecord } from '../format.js';
import type { Output } from '../output.js';
import { sdk } from './sdk.js';
import { activeRecord, hasExtension, invitedRecord, userRecord } from './users.js';

/** Which users to list. */
export interface Query {
  readonly statuses: ReadonlySet<'ACTIVE' | 'INVITED' | 'DISABLED'>;
  readonly roles: readonly UserAccountType[] | undefined;
  readonly prefix: string | undefined;
  /** `--status all` was given: on a core-only server, warn that disabled users are left out. */
  readonly explicitAll: boolean;
}

const PAGE = 500;

/**
 * Every user matching the query, every page of it, one page (an array) at a time: a
 * 100,000-user workspace read record by record would cost an `await` per record. With the
 * extension the server filters and pages; a core-only server's two lists are read whole
 * (the core has no paging) and filtered here.
 */
export async function* listUsers(roster: Roster, out: Output, query: Query, signal: AbortSignal): AsyncGenerator<readonly DataRecord[]> {
  if (await hasExtension(roster)) {
    const filter = {
      status: [...query.statuses],
      ...(query.roles ? { accountTypes: query.roles } : {}),
      ...(query.prefix !== undefined ? { prefix: query.prefix } : {}),
    };
    let page: DataRecord[] = [];
    for await (const user of roster.users.list(filter, { pageSize: PAGE, signal })) {
      page.push(userRecord(user));
      if (page.length === PAGE) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
    return;
  }
  if (query.statuses.has('DISABLED')) {
    if (query.statuses.size === 1) {
      throw new CliError('disabled users cannot be listed: the server speaks only the documented core API', {
        code: 'NOT_SUPPORTED',
        hint: 'the core lists active users and pending invitations only: use --status active or --status invited',
      });
    }
    if (query.explicitAll) out.warn('the server speaks only the documented core API: disabled users are not listed');
  }
  const { active, invited } = await coreLists(roster, query.statuses.has('ACTIVE'), query.statuses.has('INVITED'), signal);
  const prefix = query.prefix?.toLowerCase();
  const keep = (role: string, email: string, name: string | null) =>
    (!query.roles || (query.roles as readonly string[]).includes(role)) &&
    (prefix === undefined || email.toLowerCase().startsWith(prefix) || (name?.toLowerCase().startsWith(prefix) ?? false));
  const records: DataRecord[] = [];
  for (const user of active) if (keep(user.accountType, user.email, user.name)) records.push(activeRecord(user));
  for (const user of invited) if (keep(user.accountType, user.email, null)) records.push(invitedRecord(user));
  yield records;
}

/**
 * The core lists asked for. Both at once is the documented `ListUsers` query, one request,
 * where the SDK's facade (`listActive`, `listInvited`) would send two and the server would
 * build its answer twice.
 */
async function coreLists(roster: Roster, withActive: boolean, withInvited: boolean, signal: AbortSignal): Promise<{ active: readonly ActiveUser[]; invited: readonly InvitedUser[] }> {
  if (!withActive || !withInvited) {
    const [active, invited] = await Promise.all([withActive ? roster.users.listActive({ signal }) : [], withInvited ? roster.users.listInvited({ signal }) : []]);
    return { active, invited };
  }
  const { ListUsersDocument, UnexpectedResponseError } = await sdk();
  let attempts = 0;
  const data = await roster.client.execute(ListUsersDocument, {}, { signal, onSuccess: (sent) => (attempts = sent) });
  // client.execute checks no shape (the facade does): check what the records are built from,
  // so that a server answering the wrong shape is named as such rather than failing later.
  const problem = shapeProblem(data);
  if (problem) throw new UnexpectedResponseError(`Unexpected response in ListUsers: ${problem}`, { operationName: 'ListUsers', attempts });
  return { active: data.listUsers.activeUsers, invited: data.listUsers.invitedUsers };
}

/** What is wrong with a `ListUsers` answer (`listUsers.activeUsers[3].email is null`), or `undefined`. */
function shapeProblem(data: unknown): string | undefined {
  const root = (data as { listUsers?: unknown } | null)?.listUsers as Record<string, unknown> | null | undefined;
  if (typeof root !== 'object' || root === null) return 'listUsers is not an object';
  const lists = [
    ['activeUsers', ['uid', 'email', 'name', 'accountType']],
    ['invitedUsers', ['email', 'accountType', 'inviteStatus']],
  ] as const;
  for (const [list, fields] of lists) {
    const items = root[list];
    if (!Array.isArray(items)) return `listUsers.${list} is not a list`;
    // A plain loop: 100,000 items in a large workspace.
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as Record<string, unknown> | null;
      if (typeof item !== 'object' || item === null) return `listUsers.${list}[${i}] is not an object`;
      for (const field of fields) if (typeof item[field] !== 'string') return `listUsers.${list}[${i}].${field} is ${item[field] == null ? 'missing' : 'not a string'}`;
    }
  }
  return undefined;
}
