// Before a plan is applied, the workspace is read again and compared with the state the plan
// was made against (the planner's fingerprint), as `roster apply` does: a plan made against
// a workspace that changed since (another admin, another tab) is refused, not half-applied.
import { ListUsersDocument, ListUsersPageDocument, UserStatus, type ListUsersPageQuery } from '@roster/client';
import type { OperationResult } from '@urql/core';
import { fingerprintOf } from '@roster/access/planner';
import type { Client } from '@urql/core';
import { liveStateOf } from './plan';
import { buildRows, type Row } from './rows';

type Paged = ListUsersPageQuery['users']['nodes'][number];

/** The planner's fingerprint of a set of rows. */
export const fingerprintOfRows = (rows: readonly Row[], extension: boolean): string => fingerprintOf(liveStateOf(rows, extension));

/** Reads every user again, past every cache, through the page's urql client. */
export async function readRows(client: Client, extension: boolean): Promise<Row[]> {
  const list = await client.query(ListUsersDocument, {}, { requestPolicy: 'network-only' }).toPromise();
  if (list.error) throw list.error;
  const disabled: Paged[] = [];
  let after: string | null = null;
  while (extension) {
    const page: OperationResult<ListUsersPageQuery> = await client.query(ListUsersPageDocument, { filter: { status: [UserStatus.DISABLED] }, first: 500, after }, { requestPolicy: 'network-only' }).toPromise();
    if (page.error) throw page.error;
    const users: ListUsersPageQuery['users'] | undefined = page.data?.users;
    disabled.push(...(users?.nodes ?? []));
    if (!users?.pageInfo.hasNextPage) break;
    after = users.pageInfo.endCursor;
  }
  return buildRows(list.data?.listUsers, disabled);
}
