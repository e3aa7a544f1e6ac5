import type { UserAccountType } from '@roster/client';
import { describeAction, signOf, type Action } from '@roster/access/planner';
import { useState, type ReactNode } from 'react';
import { Modal } from './Modal';
import type { StudioPlan } from './plan';
import type { Actions, Outcome } from './use-actions';

function run(actions: Actions, action: Action): Promise<Outcome> {
  switch (action.kind) {
    case 'invite':
      return actions.invite(action.email, action.role);
    case 'resend':
      return actions.resend(action.email, action.role as UserAccountType);
    case 'change-role':
      // A pending invitation changes role by being sent again with the new one.
      return action.uid === null ? actions.invite(action.email, action.to) : actions.setRole(action.uid, action.to);
    case 'enable':
      return actions.enable(action.uid);
    case 'revoke':
      return actions.revoke(action.email);
    case 'disable':
      return actions.disable(action.uid);
    case 'add-to-group':
    case 'remove-from-group':
      return Promise.resolve({ ok: false, error: { code: 'NOT_SUPPORTED', message: 'Roster Studio does not manage groups', hint: undefined } });
  }
}

const CLASS = { '+': 'add', '~': 'change', '-': 'remove' } as const;

/** A plan as a diff, applied on request one action at a time in its order, with each action's outcome. */
export function PlanView(props: {
  plan: StudioPlan;
  actions: Actions;
  onClose: (changed: boolean) => void;
  onAllowMassRemoval?: (() => void) | undefined;
  /** Reads the workspace again: a message when it changed since the plan was made. */
  checkFresh?: (() => Promise<string | undefined>) | undefined;
}): ReactNode {
  const { plan, actions, onClose, onAllowMassRemoval, checkFresh } = props;
  const [outcomes, setOutcomes] = useState<readonly Outcome[]>([]);
  const [state, setState] = useState<'planned' | 'checking' | 'stale' | 'applying' | 'applied'>('planned');
  const [stale, setStale] = useState<string | undefined>();

  const apply = async (): Promise<void> => {
    if (checkFresh) {
      setState('checking');
      const problem = await checkFresh();
      if (problem !== undefined) {
        setStale(problem);
        setState('stale');
        return;
      }
    }
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
  const count = plan.actions.length;
  const close = (): void => onClose(outcomes.some((outcome) => outcome.ok));
  return (
    <Modal title="Plan" onClose={close}>
      <p>{count === 0 ? 'No changes.' : `${count} change${count === 1 ? '' : 's'}, applied in this order:`}</p>
      <ol className="plan" aria-label="Planned changes">
        {plan.actions.map((action, index) => {
          const outcome = outcomes[index];
          const sign = signOf(action);
          return (
            <li key={`${action.kind}:${action.email}`} className={`diff ${CLASS[sign]}`}>
              <code aria-hidden="true">{sign}</code> {describeAction(action).replace(/ {2,}/g, ' ')}
              {outcome ? <span className={outcome.ok ? 'ok' : 'issue'}>{outcome.ok ? ' — done' : ` — failed: ${outcome.error.code}: ${outcome.error.message}`}</span> : null}
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
      {plan.refusal ? (
        <div role="alert" className="issue">
          <p>{plan.refusal.message}</p>
          {plan.refusal.reason === 'mass-removal' && onAllowMassRemoval ? (
            <button type="button" className="danger" onClick={onAllowMassRemoval}>
              Plan again, allowing a mass removal
            </button>
          ) : null}
        </div>
      ) : null}
      {state === 'applied' ? <p role="status">{failed === 0 ? `Applied: ${outcomes.length} done.` : `Applied: ${outcomes.length - failed} done, ${failed} failed.`}</p> : null}
      {state === 'applying' ? <p role="status">Applying {outcomes.length} of {count}…</p> : null}
      {state === 'checking' ? <p role="status">Reading the workspace again…</p> : null}
      {stale !== undefined ? <p role="alert" className="issue">{stale}</p> : null}
      <div className="buttons">
        <button type="button" onClick={close}>
          {state === 'applied' ? 'Close' : 'Cancel'}
        </button>
        {state !== 'applied' ? (
          <button type="button" className="primary" disabled={count === 0 || plan.refusal !== undefined || state !== 'planned'} onClick={() => void apply()}>
            Apply {count} change{count === 1 ? '' : 's'}
          </button>
        ) : null}
      </div>
    </Modal>
  );
}
