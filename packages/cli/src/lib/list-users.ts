import type { Roster, UserAccountType } from '@roster/users';
import { CliError } from '../errors.js';
import type { DataRecord } from '../format.js';
import type { Output } from '../output.js';
import { activeRecord, hasExtension, invitedRecord, userRecord } from './users.js';

/** Which users to list. */
export interface Query {
  readonly statuses: ReadonlySet<'ACTIVE' | 'INVITED' | 'DISABLED'>;
  readonly roles: readonly UserAccountType[] | undefined;
  readonly prefix: string | undefined;
  /** `--status all` was given: on a core-only server, warn that disabled users are left out. */
  readonly explicitAll: boolean;
}

/**
 * Every user matching the query, every page of it. With the extension the server filters and
 * pages; a core-only server's two lists are read whole (the core has no paging) and filtered here.
 */
export async function* listUsers(roster: Roster, out: Output, query: Query, signal: AbortSignal): AsyncGenerator<DataRecord> {
  if (await hasExtension(roster)) {
    const filter = {
      status: [...query.statuses],
      ...(query.roles ? { accountTypes: query.roles } : {}),
      ...(query.prefix !== undefined ? { prefix: query.prefix } : {}),
    };
    for await (const user of roster.users.list(filter, { pageSize: 500, signal })) yield userRecord(user);
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
  const [active, invited] = await Promise.all([
    query.statuses.has('ACTIVE') ? roster.users.listActive({ signal }) : [],
    query.statuses.has('INVITED') ? roster.users.listInvited({ signal }) : [],
  ]);
  const prefix = query.prefix?.toLowerCase();
  const keep = (role: string, email: string, name: string | null) =>
    (!query.roles || (query.roles as readonly string[]).includes(role)) &&
    (prefix === undefined || email.toLowerCase().startsWith(prefix) || (name?.toLowerCase().startsWith(prefix) ?? false));
  for (const user of active) if (keep(user.accountType, user.email, user.name)) yield activeRecord(user);
  for (const user of invited) if (keep(user.accountType, user.email, null)) yield invitedRecord(user);
}

