// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { filterRows, sortRows, type Row } from '../src/rows';
import { UserTable, type RowActions } from '../src/UserTable';
import { row } from './fixtures';
import './layout';

afterEach(cleanup);

const ROWS: Row[] = [
  row('ada@acme.io', { accountType: 'ADMIN', name: 'Ada Lovelace' }),
  row('bob@acme.io', { name: 'Bob Stone' }),
  row('carol@acme.io', { status: 'INVITED', accountType: 'ANALYST', inviteStatus: 'EXPIRED' }),
  row('dan@acme.io', { status: 'DISABLED', name: 'Dan Brown' }),
];

function renderTable(rows: readonly Row[], actions: RowActions | undefined, extra: { onSort?: (key: string) => void; onSelect?: (keys: readonly string[], on: boolean) => void } = {}) {
  return render(
    <UserTable rows={rows} total={rows.length} sort="email" descending={false} onSort={extra.onSort ?? vi.fn()} selected={new Set()} onSelect={extra.onSelect ?? vi.fn()} actions={actions} busy={new Set()} />,
  );
}

const actions = (): RowActions & Record<string, ReturnType<typeof vi.fn>> => ({ setRole: vi.fn(), disable: vi.fn(), enable: vi.fn(), resend: vi.fn(), revoke: vi.fn() });

describe('UserTable', () => {
  it('shows each user with the actions their state allows', async () => {
    const spy = actions();
    renderTable(ROWS, spy);
    expect(screen.getAllByRole('row')).toHaveLength(ROWS.length + 1);
    expect(screen.getByRole('button', { name: 'Disable ada@acme.io' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Enable dan@acme.io' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Disable dan@acme.io' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Revoke the invitation to carol@acme.io' })).toBeTruthy();
    expect(within(screen.getAllByRole('row')[3]!).getByText('(expired)')).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Role of bob@acme.io' }), 'ADMIN');
    expect(spy.setRole).toHaveBeenCalledWith(ROWS[1], 'ADMIN');
    await userEvent.click(screen.getByRole('button', { name: 'Resend the invitation to carol@acme.io' }));
    expect(spy.resend).toHaveBeenCalledWith(ROWS[2]);
  });

  it('offers no action at all when read-only', () => {
    renderTable(ROWS, undefined);
    expect(screen.queryAllByRole('button', { name: /^(Disable|Enable|Resend|Revoke)/ })).toEqual([]);
    expect(screen.queryAllByRole('combobox')).toEqual([]);
  });

  it('sorts from the headers and selects rows', async () => {
    const onSort = vi.fn();
    const onSelect = vi.fn();
    renderTable(ROWS, undefined, { onSort, onSelect });
    expect(screen.getByRole('columnheader', { name: /Email/ }).getAttribute('aria-sort')).toBe('ascending');
    await userEvent.click(screen.getByRole('button', { name: /^Role/ }));
    expect(onSort).toHaveBeenCalledWith('accountType');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select bob@acme.io' }));
    expect(onSelect).toHaveBeenCalledWith([ROWS[1]!.key], true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all 4 shown' }));
    expect(onSelect).toHaveBeenLastCalledWith(ROWS.map((r) => r.key), true);
  });

  it('puts only a window of 10,000 rows in the DOM, and says how many there are', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => row(`user${String(i).padStart(5, '0')}@acme.io`));
    renderTable(many, undefined);
    const rendered = screen.getAllByRole('row').length - 1;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('10001');
  });
});

describe('sortRows and filterRows', () => {
  it('sorts by a column then by email, and filters by text, role and status in that order', () => {
    expect(sortRows(ROWS, 'status', false).map((r) => r.email)).toEqual(['ada@acme.io', 'bob@acme.io', 'dan@acme.io', 'carol@acme.io']);
    expect(sortRows(ROWS, 'name', true).map((r) => r.email)).toEqual(['dan@acme.io', 'bob@acme.io', 'ada@acme.io', 'carol@acme.io']);
    const sorted = sortRows(ROWS, 'email', false);
    expect(filterRows(sorted, { search: ' LOVELACE ', role: '', status: '' }).map((r) => r.email)).toEqual(['ada@acme.io']);
    expect(filterRows(sorted, { search: 'acme', role: 'DEVELOPER', status: 'ACTIVE' }).map((r) => r.email)).toEqual(['bob@acme.io']);
    expect(filterRows(sorted, { search: '', role: '', status: '' })).toBe(sorted);
  });
});
