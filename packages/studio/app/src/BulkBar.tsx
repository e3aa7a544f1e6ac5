import type { UserAccountType } from '@roster/client';
import { useState, type ReactNode } from 'react';
import type { BulkChange } from './plan';
import { ACCOUNT_TYPES } from './validate';

/** What to do with the selected rows: each choice opens its plan, nothing is sent from here. */
export function BulkBar(props: { count: number; extension: boolean; onPlan: (change: BulkChange) => void; onClear: () => void }): ReactNode {
  const { count, extension, onPlan, onClear } = props;
  const [role, setRole] = useState<string>('DEVELOPER');
  return (
    <div className="bulk" role="group" aria-label="Selected users">
      <span>{count} selected</span>
      <label>
        New role
        <select value={role} onChange={(event) => setRole(event.target.value)}>
          {ACCOUNT_TYPES.map((type) => <option key={type}>{type}</option>)}
        </select>
      </label>
      <button type="button" onClick={() => onPlan({ kind: 'setRole', accountType: role as UserAccountType })}>Plan role change…</button>
      <button type="button" onClick={() => onPlan({ kind: 'disable' })}>Plan disable…</button>
      {extension ? <button type="button" onClick={() => onPlan({ kind: 'enable' })}>Plan enable…</button> : null}
      <button type="button" onClick={() => onPlan({ kind: 'resend' })}>Plan resend…</button>
      {extension ? <button type="button" onClick={() => onPlan({ kind: 'revoke' })}>Plan revoke…</button> : null}
      <button type="button" onClick={onClear}>Clear selection</button>
    </div>
  );
}
