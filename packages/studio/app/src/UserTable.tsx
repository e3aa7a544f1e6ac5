import type { UserAccountType } from '@roster/client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type ReactNode } from 'react';
import type { Row, SortKey } from './rows';
import { ACCOUNT_TYPES } from './validate';

/** The height of one row, in pixels: fixed, so that 100,000 rows need no measuring. */
export const ROW_HEIGHT = 44;

/** What a row can ask the page to do; absent when the page is read-only. */
export interface RowActions {
  readonly setRole: (row: Row, accountType: UserAccountType) => void;
  readonly disable: (row: Row) => void;
  readonly enable: ((row: Row) => void) | undefined;
  readonly resend: (row: Row) => void;
  readonly revoke: ((row: Row) => void) | undefined;
}

interface TableProps {
  readonly rows: readonly Row[];
  readonly total: number;
  readonly sort: SortKey;
  readonly descending: boolean;
  readonly onSort: (key: SortKey) => void;
  readonly selected: ReadonlySet<string>;
  readonly onSelect: (keys: readonly string[], selected: boolean) => void;
  readonly actions: RowActions | undefined;
  readonly busy: ReadonlySet<string>;
}

const COLUMNS: readonly [SortKey, string][] = [
  ['name', 'Name'],
  ['email', 'Email'],
  ['accountType', 'Role'],
  ['status', 'Status'],
];

const STATUS_LABEL = { ACTIVE: 'Active', INVITED: 'Invited', DISABLED: 'Disabled' } as const;

const UserRow = memo(function UserRow(props: { row: Row; index: number; selected: boolean; busy: boolean; actions: RowActions | undefined; onSelect: TableProps['onSelect'] }): ReactNode {
  const { row, index, selected, busy, actions, onSelect } = props;
  const who = row.email;
  return (
    <tr aria-rowindex={index + 2} aria-selected={selected} className={selected ? 'selected' : undefined} data-key={row.key}>
      <td>
        <input type="checkbox" checked={selected} aria-label={`Select ${who}`} onChange={(event) => onSelect([row.key], event.target.checked)} />
      </td>
      <td className="name">{row.name ?? <span className="muted">—</span>}</td>
      <td className="email">{row.email}</td>
      <td>
        {actions && row.status === 'ACTIVE' ? (
          <select aria-label={`Role of ${who}`} value={row.accountType} disabled={busy} onChange={(event) => actions.setRole(row, event.target.value as UserAccountType)}>
            {(ACCOUNT_TYPES.includes(row.accountType) ? ACCOUNT_TYPES : [row.accountType, ...ACCOUNT_TYPES]).map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        ) : (
          row.accountType
        )}
      </td>
      <td>
        <span className={`badge ${row.status.toLowerCase()}`}>{STATUS_LABEL[row.status]}</span>
        {row.inviteStatus ? <span className="muted"> ({row.inviteStatus.toLowerCase()})</span> : null}
      </td>
      <td className="actions">
        {actions && row.status === 'ACTIVE' ? (
          <button type="button" className="danger" disabled={busy} aria-label={`Disable ${who}`} onClick={() => actions.disable(row)}>
            Disable
          </button>
        ) : null}
        {actions?.enable && row.status === 'DISABLED' ? (
          <button type="button" disabled={busy} aria-label={`Enable ${who}`} onClick={() => actions.enable?.(row)}>
            Enable
          </button>
        ) : null}
        {actions && row.status === 'INVITED' ? (
          <button type="button" disabled={busy} aria-label={`Resend the invitation to ${who}`} onClick={() => actions.resend(row)}>
            Resend
          </button>
        ) : null}
        {actions?.revoke && row.status === 'INVITED' ? (
          <button type="button" className="danger" disabled={busy} aria-label={`Revoke the invitation to ${who}`} onClick={() => actions.revoke?.(row)}>
            Revoke
          </button>
        ) : null}
      </td>
    </tr>
  );
});

/**
 * Every user in one table, virtualised: only the rows in view (and a few around them) are
 * in the DOM, between two spacer rows that keep the scroll height of the whole list.
 */
export function UserTable(props: TableProps): ReactNode {
  const { rows, total, sort, descending, onSort, selected, onSelect, actions, busy } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Before the first layout (and in a DOM without layout) render a screenful anyway.
    initialRect: { width: 1024, height: 640 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.key));
  return (
    <div className="scroller" ref={scroller} data-testid="table-scroller">
      <table aria-rowcount={rows.length + 1}>
        <caption className="sr-only">
          Users: {rows.length} shown of {total}
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="check">
              <input
                type="checkbox"
                aria-label={`Select all ${rows.length} shown`}
                checked={allSelected}
                onChange={(event) => onSelect(rows.map((row) => row.key), event.target.checked)}
              />
            </th>
            {COLUMNS.map(([key, label]) => (
              <th key={key} scope="col" aria-sort={sort === key ? (descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="sort" onClick={() => onSort(key)}>
                  {label}
                  <span aria-hidden="true">{sort === key ? (descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
              </th>
            ))}
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 ? <tr aria-hidden="true" className="spacer" style={{ height: top }} /> : null}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <UserRow key={row.key} row={row} index={item.index} selected={selected.has(row.key)} busy={busy.has(row.key)} actions={actions} onSelect={onSelect} />
            );
          })}
          {bottom > 0 ? <tr aria-hidden="true" className="spacer" style={{ height: bottom }} /> : null}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="empty">No user matches.</p> : null}
    </div>
  );
}
