// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planBulk } from '../src/plan';
import { PlanView } from '../src/PlanView';
import { recordingActions, row } from './fixtures';

afterEach(cleanup);

const ADA = row('ada@acme.io', { accountType: 'ADMIN' });
const BOB = row('bob@acme.io', { accountType: 'ADMIN' });
const CAROL = row('carol@acme.io');
const DAN = row('dan@acme.io', { status: 'INVITED', inviteStatus: 'EXPIRED' });
const EVE = row('eve@acme.io', { status: 'DISABLED' });
const ALL = [ADA, BOB, CAROL, DAN, EVE];

describe('planBulk, on the shared planner', () => {
  it('orders a promotion before a demotion, and leaves rows the change does not fit', () => {
    const plan = planBulk(ALL, [BOB, CAROL, EVE], { kind: 'setRole', accountType: 'ANALYST' }, true);
    expect(plan.actions.map((action) => `${action.kind} ${action.email}`)).toEqual(['change-role carol@acme.io', 'change-role bob@acme.io']);
    expect(plan.unchanged).toEqual([{ email: 'eve@acme.io', reason: 'disabled: enable it first' }]);
    expect(plan.refusal).toBeUndefined();
  });

  it('disables and revokes only the selection, and refuses to leave no admin', () => {
    const plan = planBulk(ALL, [CAROL, DAN], { kind: 'disable' }, true);
    expect(plan.actions.map((action) => `${action.kind} ${action.email}`)).toEqual(['disable carol@acme.io']);
    expect(planBulk(ALL, [DAN], { kind: 'revoke' }, true).actions.map((action) => action.kind)).toEqual(['revoke']);
    expect(planBulk(ALL, [DAN], { kind: 'revoke' }, false).unchanged).toEqual([{ email: 'dan@acme.io', reason: 'revoking needs the Roster extension' }]);
    const refused = planBulk(ALL, [ADA, BOB], { kind: 'disable' }, true);
    expect(refused.refusal?.reason).toBe('no-admin');
    expect(refused.actions).toEqual([]);
  });

  it('refuses a mass removal unless allowed', () => {
    const many = [ADA, ...Array.from({ length: 30 }, (_, i) => row(`user${i}@acme.io`))];
    const selected = many.slice(1, 13);
    expect(planBulk(many, selected, { kind: 'disable' }, true).refusal?.reason).toBe('mass-removal');
    expect(planBulk(many, selected, { kind: 'disable' }, true, { allowMassRemoval: true }).actions).toHaveLength(12);
  });
});

describe('PlanView', () => {
  it('shows the diff, applies in order on request, and shows each outcome', async () => {
    const plan = planBulk(ALL, [BOB, CAROL, EVE], { kind: 'setRole', accountType: 'ANALYST' }, true);
    const actions = recordingActions((call) => (call.startsWith(`setRole ${BOB.uid!}`) ? { ok: false, error: { code: 'FAILED_PRECONDITION', message: 'last admin', hint: undefined } } : { ok: true }));
    const onClose = vi.fn();
    render(<PlanView plan={plan} actions={actions} onClose={onClose} />);
    const list = screen.getByRole('list', { name: 'Planned changes' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '~ change role carol@acme.io DEVELOPER → ANALYST',
      '~ change role bob@acme.io ADMIN → ANALYST',
    ]);
    expect(actions.calls).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Apply 2 changes' }));
    await screen.findByText('Applied: 1 done, 1 failed.');
    expect(actions.calls).toEqual([`setRole ${CAROL.uid!} ANALYST`, `setRole ${BOB.uid!} ANALYST`]);
    expect(within(list).getAllByRole('listitem')[1]!.textContent).toContain('failed: FAILED_PRECONDITION: last admin');
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it('cannot apply a refused plan, and offers to allow a mass removal', async () => {
    const many = [ADA, ...Array.from({ length: 30 }, (_, i) => row(`user${i}@acme.io`))];
    const plan = planBulk(many, many.slice(1, 13), { kind: 'disable' }, true);
    const allow = vi.fn();
    render(<PlanView plan={plan} actions={recordingActions()} onClose={vi.fn()} onAllowMassRemoval={allow} />);
    expect(screen.getByRole('alert').textContent).toContain('Refused: this roster disables or revokes 12 of 31 users');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: /^Apply/ }).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Plan again, allowing a mass removal' }));
    expect(allow).toHaveBeenCalledOnce();
  });
});
