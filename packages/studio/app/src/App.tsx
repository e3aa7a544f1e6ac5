import type { UserAccountType } from '@roster/client';
import { useCallback, useDeferredValue, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useClient } from 'urql';
import { fingerprintOfRows, readRows } from './fresh';
import type { StudioSession } from '../../src/capabilities.js';
import { BulkBar } from './BulkBar';
import { ConfirmDialog } from './Modal';
import { InviteDialog } from './InviteDialog';
import { planBulk, type BulkChange, type StudioPlan } from './plan';
import { PlanView } from './PlanView';
import { filterRows, sortRows, type Row, type RowStatus, type SortKey } from './rows';
import type { AccessStore } from './access';
import type { StatusStore } from './status';
import { useActions, type Outcome } from './use-actions';
import { useUsers } from './use-users';
import { UserTable, type RowActions } from './UserTable';
import { ACCOUNT_TYPES } from './validate';
import { shownError } from './errors';

type Dialog =
  | { readonly kind: 'invite' }
  | { readonly kind: 'confirm'; readonly title: string; readonly message: string; readonly label: string; readonly run: () => void }
  | { readonly kind: 'plan'; readonly plan: StudioPlan; readonly change: BulkChange; readonly fingerprint: string };

interface Notice {
  readonly ok: boolean;
  readonly text: string;
  readonly hint?: string | undefined;
}

/** The whole page: header, banners, toolbar, the table, and the dialogs. */
export function App(props: { session: StudioSession; status: StatusStore; access: AccessStore }): ReactNode {
  const { session, status, access } = props;
  const extension = session.extension;
  const forbidden = useSyncExternalStore(access.subscribe, access.getSnapshot);
  const readOnly = session.capability === 'viewer' || forbidden;
  const users = useUsers(extension);
  const actions = useActions(extension);
  const waits = useSyncExternalStore(status.subscribe, status.getSnapshot);

  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [role, setRole] = useState('');
  const [statusFilter, setStatusFilter] = useState<RowStatus | ''>('');
  const [sort, setSort] = useState<SortKey>('email');
  const [descending, setDescending] = useState(false);
  const sorted = useMemo(() => sortRows(users.rows, sort, descending), [users.rows, sort, descending]);
  const shown = useMemo(() => filterRows(sorted, { search: deferredSearch, role, status: statusFilter }), [sorted, deferredSearch, role, statusFilter]);

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | undefined>();
  const [dialog, setDialog] = useState<Dialog | undefined>();

  const onSort = useCallback(
    (key: SortKey) => {
      setDescending(sort === key ? !descending : false);
      setSort(key);
    },
    [sort, descending],
  );
  const onSelect = useCallback((keys: readonly string[], on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const key of keys) {
        if (on) next.add(key);
        else next.delete(key);
      }
      return next;
    });
  }, []);

  const report = useCallback(
    (outcome: Outcome, done: string) => {
      if (outcome.ok) setNotice({ ok: true, text: done });
      else {
        setNotice({ ok: false, text: `${outcome.error.code}: ${outcome.error.message}`, hint: outcome.error.hint });
      }
    },
    [],
  );
  const perform = useCallback(
    async (row: Row, run: () => Promise<Outcome>, done: string) => {
      setBusy((current) => new Set(current).add(row.key));
      const outcome = await run();
      setBusy((current) => {
        const next = new Set(current);
        next.delete(row.key);
        return next;
      });
      report(outcome, done);
      users.refresh();
    },
    [report, users],
  );

  const rowActions = useMemo((): RowActions | undefined => {
    if (readOnly) return undefined;
    const confirm = (title: string, message: string, label: string, run: () => void): void => setDialog({ kind: 'confirm', title, message, label, run });
    return {
      setRole: (row, accountType: UserAccountType) => void perform(row, () => actions.setRole(row.uid ?? '', accountType), `${row.email} is now ${accountType}.`),
      disable: (row) =>
        confirm(`Disable ${row.email}?`, `${row.email} loses access to the workspace until enabled again.`, 'Disable', () => void perform(row, () => actions.disable(row.uid ?? ''), `${row.email} is disabled.`)),
      enable: extension ? (row) => void perform(row, () => actions.enable(row.uid ?? ''), `${row.email} is enabled.`) : undefined,
      resend: (row) => void perform(row, () => actions.resend(row.email, row.accountType), `The invitation to ${row.email} was sent again.`),
      revoke: extension
        ? (row) =>
            confirm(`Revoke the invitation to ${row.email}?`, 'The invitation link stops working.', 'Revoke', () => void perform(row, () => actions.revoke(row.email), `The invitation to ${row.email} is revoked.`))
        : undefined,
    };
  }, [readOnly, extension, actions, perform]);

  const plan = (change: BulkChange, allowMassRemoval = false): void => {
    const chosen = users.rows.filter((row) => selected.has(row.key));
    setDialog({ kind: 'plan', change, plan: planBulk(users.rows, chosen, change, extension, { allowMassRemoval }), fingerprint: fingerprintOfRows(users.rows, extension) });
  };
  const client = useClient();
  const checkFresh = async (fingerprint: string): Promise<string | undefined> => {
    try {
      const rows = await readRows(client, extension);
      if (fingerprintOfRows(rows, extension) === fingerprint) return undefined;
      users.refresh();
      return 'The workspace changed since this plan was made: nothing was applied. Close, check the list and plan again.';
    } catch {
      return 'The workspace could not be read again to check the plan: nothing was applied.';
    }
  };
  const closeDialog = (changed: boolean): void => {
    setDialog(undefined);
    if (changed) {
      users.refresh();
      setSelected(new Set());
    }
  };

  const counts = useMemo(() => {
    const by = { ACTIVE: 0, INVITED: 0, DISABLED: 0 };
    for (const row of users.rows) by[row.status] += 1;
    return by;
  }, [users.rows]);
  const listError = users.error ? shownError(users.error) : undefined;

  return (
    <>
      <header>
        <h1>Roster Studio</h1>
        <p className="meta">
          <span>{session.endpoint}</span>
          <span className={`badge ${readOnly ? 'viewer' : 'admin'}`}>{readOnly ? 'Read-only: viewer key' : 'Access checked on the first change'}</span>
          {extension ? null : <span className="badge core">Core API only</span>}
        </p>
      </header>
      <main>
        <div aria-live="polite" className="banners">
          {waits.length > 0 ? (
            <p className="banner warn" data-testid="rate-limit-banner">
              Rate limited by the API: {waits.length === 1 ? `${waits[0]!.operationName} is` : `${waits.length} requests are`} waiting, retrying in{' '}
              {(Math.min(...waits.map((wait) => wait.retryInMs)) / 1000).toFixed(1)} s (attempt {Math.max(...waits.map((wait) => wait.attempt))} of {waits[0]!.maxAttempts}).{' '}
              <span className="muted">{waits[0]!.message}</span>
            </p>
          ) : null}
          {notice ? (
            <p className={`banner ${notice.ok ? 'ok' : 'error'}`} role={notice.ok ? 'status' : 'alert'} data-testid="notice">
              {notice.text}
              {notice.hint ? <span className="hint"> — {notice.hint}</span> : null}
            </p>
          ) : null}
          {listError ? (
            <p className="banner error" role="alert">
              Could not list the users: {listError.code}: {listError.message} {listError.hint ?? ''}
            </p>
          ) : null}
          {readOnly ? <p className="banner info">These credentials can read but not change users: actions are hidden.</p> : null}
        </div>
        <div className="toolbar" role="search">
          <label>
            Search
            <input type="search" placeholder="Name or email" value={search} onChange={(event) => setSearch(event.target.value)} />
          </label>
          <label>
            Role
            <select value={role} onChange={(event) => setRole(event.target.value)}>
              <option value="">All roles</option>
              {ACCOUNT_TYPES.map((type) => <option key={type}>{type}</option>)}
            </select>
          </label>
          <label>
            Status
            <select value={statusFilter} onChange={(event) => setStatusFilter(event.target.value as RowStatus | '')}>
              <option value="">All</option>
              <option value="ACTIVE">Active</option>
              <option value="INVITED">Invited</option>
              {extension ? <option value="DISABLED">Disabled</option> : null}
            </select>
          </label>
          {readOnly ? null : (
            <button type="button" className="primary" onClick={() => setDialog({ kind: 'invite' })}>
              Invite…
            </button>
          )}
          <button type="button" onClick={users.refresh}>Refresh</button>
        </div>
        {readOnly || selected.size === 0 ? null : <BulkBar count={selected.size} extension={extension} onPlan={(change) => plan(change)} onClear={() => setSelected(new Set())} />}
        <p className="summary" data-testid="summary">
          {users.loading ? 'Loading users…' : `${shown.length} shown of ${users.rows.length}: ${counts.ACTIVE} active, ${counts.INVITED} invited${extension ? `, ${counts.DISABLED} disabled` : ''}`}
          {users.refreshing && !users.loading ? ' (refreshing)' : ''}
        </p>
        <UserTable rows={shown} total={users.rows.length} sort={sort} descending={descending} onSort={onSort} selected={selected} onSelect={onSelect} actions={rowActions} busy={busy} />
        {users.loader}
      </main>
      {dialog?.kind === 'invite' ? <InviteDialog actions={actions} onClose={closeDialog} /> : null}
      {dialog?.kind === 'plan' ? (
        <PlanView
          key={dialog.plan.refusal ? 'refused' : 'planned'}
          plan={dialog.plan}
          actions={actions}
          onClose={closeDialog}
          onAllowMassRemoval={() => plan(dialog.change, true)}
          checkFresh={() => checkFresh(dialog.fingerprint)}
        />
      ) : null}
      {dialog?.kind === 'confirm' ? (
        <ConfirmDialog
          title={dialog.title}
          message={dialog.message}
          confirmLabel={dialog.label}
          onCancel={() => setDialog(undefined)}
          onConfirm={() => {
            setDialog(undefined);
            dialog.run();
          }}
        />
      ) : null}
    </>
  );
}
