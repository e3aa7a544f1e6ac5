// The table's rows: active and invited users from ListUsers, disabled ones from the
// extension's ListUsersPage, in one shape. The field types come from the generated result
// types, so a schema change shows up here as a type error.
import type { ListUsersPageQuery, ListUsersQuery } from '@roster/client';

type Active = ListUsersQuery['listUsers']['activeUsers'][number];
type Invited = ListUsersQuery['listUsers']['invitedUsers'][number];
type Paged = ListUsersPageQuery['users']['nodes'][number];

/** Where a row stands. */
export type RowStatus = 'ACTIVE' | 'INVITED' | 'DISABLED';

/** One line of the table. */
export interface Row {
  /** Unique in the table: the uid, or `invite:` and the address for an invitation. */
  readonly key: string;
  readonly uid: Active['uid'] | null;
  readonly email: Active['email'];
  readonly name: Active['name'] | null;
  readonly accountType: Active['accountType'];
  readonly status: RowStatus;
  readonly inviteStatus: Invited['inviteStatus'] | null;
  /** Lower-cased name and email, computed once so that searching 100,000 rows stays cheap. */
  readonly search: string;
}

/** Builds the rows of the table from the listing and the disabled users' pages. */
export function buildRows(list: ListUsersQuery['listUsers'] | undefined, disabled: readonly Paged[]): Row[] {
  const rows: Row[] = [];
  for (const user of list?.activeUsers ?? []) {
    rows.push({ key: user.uid, uid: user.uid, email: user.email, name: user.name, accountType: user.accountType, status: 'ACTIVE', inviteStatus: null, search: `${user.name}\n${user.email}`.toLowerCase() });
  }
  for (const user of disabled) {
    if (user.uid === null || user.status !== 'DISABLED') continue;
    rows.push({ key: user.uid, uid: user.uid, email: user.email, name: user.name, accountType: user.accountType, status: 'DISABLED', inviteStatus: null, search: `${user.name ?? ''}\n${user.email}`.toLowerCase() });
  }
  for (const user of list?.invitedUsers ?? []) {
    rows.push({ key: `invite:${user.email.toLowerCase()}`, uid: null, email: user.email, name: null, accountType: user.accountType, status: 'INVITED', inviteStatus: user.inviteStatus, search: user.email.toLowerCase() });
  }
  return rows;
}

/** The columns the table sorts by. */
export type SortKey = 'name' | 'email' | 'accountType' | 'status';

/** What the table shows: a search text, role and status filters, and a sort. */
export interface View {
  readonly search: string;
  readonly role: string;
  readonly status: RowStatus | '';
  readonly sort: SortKey;
  readonly descending: boolean;
}

// Plain comparisons of lower-cased keys: Intl.Collator is several times slower, and sorting
// 100,000 rows must not hold up the page.
const sortValue = (row: Row, key: SortKey): string => (key === 'name' ? (row.name ?? '').toLowerCase() : key === 'email' ? row.email.toLowerCase() : row[key]);

/** The rows sorted by one column (then by email); done once per sort, not per keystroke. */
export function sortRows(rows: readonly Row[], sort: SortKey, descending: boolean): Row[] {
  const keyed = rows.map((row) => ({ row, key: sortValue(row, sort), email: row.email.toLowerCase() }));
  const sign = descending ? -1 : 1;
  keyed.sort((a, b) => sign * (a.key < b.key ? -1 : a.key > b.key ? 1 : a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  return keyed.map((entry) => entry.row);
}

/** The sorted rows that match the search text and the filters, in the same order. */
export function filterRows(sorted: readonly Row[], view: Pick<View, 'search' | 'role' | 'status'>): Row[] {
  const needle = view.search.trim().toLowerCase();
  if (needle === '' && view.role === '' && view.status === '') return sorted as Row[];
  return sorted.filter(
    (row) =>
      (needle === '' || row.search.includes(needle)) &&
      (view.role === '' || row.accountType === view.role) &&
      (view.status === '' || row.status === view.status),
  );
}
