import type { UserAccountType } from '@roster/client';
import { useState, type ReactNode } from 'react';
import { Modal } from './Modal';
import type { Plan, PlanAction } from './plan';
import type { Actions, Outcome } from './use-actions';

const SIGN: Record<PlanAction['kind'], string> = { changeRole: '~', enable: '+', resend: '~', disable: '-', revoke: '-' };

/** One line of the diff, as `roster plan` prints it. */
export function describeAction(action: PlanAction): string {
  switch (action.kind) {
    case 'changeRole':
      return `${action.email}: role ${action.from ?? ''} → ${action.to ?? ''}`;
    case 'disable':
      return `${action.email}: disable`;
    case 'enable':
      return `${action.email}: enable`;
    case 'resend':
      return `${action.email}: resend the invitation`;
    case 'revoke':
      return `${action.email}: revoke the invitation`;
  }
}

function run(actions: Actions, action: PlanAction): Promise<Outcome> {
  const uid = action.uid ?? '';
  switch (action.kind) {
    case 'changeRole':
      return actions.setRole(uid, action.to as UserAccountType);
    case 'disable':
      return actions.disable(uid);
    case 'enable':
      return actions.enable(uid);
    case 'resend':
      return actions.resend(action.email, action.accountType as UserAccountType);
    case 'revoke':
      return actions.revoke(action.email);
  }
}

/** A plan as a diff, applied on request one action at a time in its order, with each action's outcome. */
export function PlanView(props: { plan: Plan; actions: Actions; onClose: (changed: boolean) => void }): ReactNode {
  const { plan, actions, onClose } = props;
  const [outcomes, setOutcomes] = useState<readonly Outcome[]>([]);
  const [state, setState] = useState<'planned' | 'applying' | 'applied'>('planned');

  const apply = async (): Promise<void> => {
    setState('applying');
    const done: Outcome[] = [];
    // One at a time, in the plan's order: the order is what keeps an admin at every step.
    for (const action of plan.actions) {
      done.push(await run(actions, action));
      setOutcomes([...done]);
    }
    setState('applied');
  };

  const failed = outcomes.filter((outcome) => !outcome.ok).length;
  return (
    <Modal title="Plan" onClose={() => onClose(outcomes.some((outcome) => outcome.ok))}>
      <p>
        {plan.actions.length === 0 ? 'No changes.' : `${plan.actions.length} change${plan.actions.length === 1 ? '' : 's'}, applied in this order:`}
      </p>
      <ol className="plan" aria-label="Planned changes">
        {plan.actions.map((action, index) => {
          const outcome = outcomes[index];
          return (
            <li key={`${action.kind}:${action.email}`} className={`diff ${SIGN[action.kind] === '-' ? 'remove' : SIGN[action.kind] === '+' ? 'add' : 'change'}`}>
              <code aria-hidden="true">{SIGN[action.kind]}</code> {describeAction(action)}
              {outcome ? (
                <span className={outcome.ok ? 'ok' : 'issue'}>{outcome.ok ? ' — done' : ` — failed: ${outcome.error.code}: ${outcome.error.message}`}</span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {plan.unchanged.length > 0 ? (
        <details>
          <summary>{plan.unchanged.length} selected left as they are</summary>
          <ul>{plan.unchanged.map((entry) => <li key={entry.email}>{entry.email}: {entry.reason}</li>)}</ul>
        </details>
      ) : null}
      {plan.refusal ? <p role="alert" className="issue">{plan.refusal}</p> : null}
      {state === 'applied' ? (
        <p role="status">{failed === 0 ? `Applied: ${outcomes.length} done.` : `Applied: ${outcomes.length - failed} done, ${failed} failed.`}</p>
      ) : null}
      {state === 'applying' ? <p role="status">Applying {outcomes.length} of {plan.actions.length}…</p> : null}
      <div className="buttons">
        <button type="button" onClick={() => onClose(outcomes.some((outcome) => outcome.ok))}>
          {state === 'applied' ? 'Close' : 'Cancel'}
        </button>
        {state !== 'applied' ? (
          <button type="button" className="primary" disabled={plan.actions.length === 0 || plan.refusal !== undefined || state === 'applying'} onClick={() => void apply()}>
            Apply {plan.actions.length} change{plan.actions.length === 1 ? '' : 's'}
          </button>
        ) : null}
      </div>
    </Modal>
  );
}
