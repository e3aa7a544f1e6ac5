import type { UserAccountType } from '@roster/client';
import { useState, type FormEvent, type ReactNode } from 'react';
import { parseInviteList, type InviteEntry } from './invite-list';
import { Modal } from './Modal';
import type { Actions, Outcome } from './use-actions';
import { ACCOUNT_TYPES, inviteIssues, issueText, type Issue } from './validate';

const CONCURRENCY = 4;

/** Sends invitations a few at a time; one outcome per entry, in order. */
async function inviteAll(actions: Actions, entries: readonly InviteEntry[], onDone: (done: number) => void): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(entries.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < entries.length) {
      const index = next++;
      const entry = entries[index]!;
      outcomes[index] = await actions.invite(entry.email, entry.accountType as UserAccountType);
      onDone(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, entries.length) }, worker));
  return outcomes;
}

/** Invite one person, or many pasted or from a CSV file; checked as the SDK checks before anything is sent. */
export function InviteDialog(props: { actions: Actions; onClose: (changed: boolean) => void }): ReactNode {
  const { actions, onClose } = props;
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>('DEVELOPER');
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [single, setSingle] = useState<Outcome | undefined>();
  const [text, setText] = useState('');
  const [listIssues, setListIssues] = useState<readonly string[]>([]);
  const [entries, setEntries] = useState<readonly InviteEntry[] | undefined>();
  const [progress, setProgress] = useState<number | undefined>();
  const [results, setResults] = useState<readonly Outcome[] | undefined>();
  const [changed, setChanged] = useState(false);

  const inviteOne = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = inviteIssues({ email: email.trim(), accountType: role });
    setIssues(found);
    setSingle(undefined);
    if (found.length > 0) return;
    const outcome = await actions.invite(email.trim(), role as UserAccountType);
    setSingle(outcome);
    if (outcome.ok) {
      setChanged(true);
      setEmail('');
    }
  };

  const check = async (content: string): Promise<void> => {
    setText(content);
    setResults(undefined);
    const list = await parseInviteList(content, role);
    setListIssues(list.issues);
    setEntries(list.entries);
  };

  const inviteMany = async (): Promise<void> => {
    if (!entries || entries.length === 0 || listIssues.length > 0) return;
    setProgress(0);
    const outcomes = await inviteAll(actions, entries, setProgress);
    setResults(outcomes);
    setProgress(undefined);
    if (outcomes.some((outcome) => outcome.ok)) setChanged(true);
  };

  const emailIssue = issues.find((issue) => issue.path === 'email');
  const roleIssue = issues.find((issue) => issue.path === 'accountType');
  return (
    <Modal title="Invite users" onClose={() => onClose(changed)}>
      <form onSubmit={(event) => void inviteOne(event)} noValidate>
        <fieldset>
          <legend>One person</legend>
          <label>
            Email
            <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} aria-invalid={emailIssue ? true : undefined} aria-describedby={emailIssue ? 'invite-email-issue' : undefined} autoFocus />
          </label>
          {emailIssue ? <p id="invite-email-issue" className="issue" role="alert">{issueText(emailIssue)}</p> : null}
          <label>
            Role
            <select value={role} onChange={(event) => setRole(event.target.value)}>
              {ACCOUNT_TYPES.map((type) => (
                <option key={type}>{type}</option>
              ))}
            </select>
          </label>
          {roleIssue ? <p className="issue" role="alert">{issueText(roleIssue)}</p> : null}
          <button type="submit" className="primary">Invite</button>
          {single?.ok ? <p role="status" className="ok">Invitation sent.</p> : null}
          {single && !single.ok ? <p role="alert" className="issue">{single.error.code}: {single.error.message}</p> : null}
        </fieldset>
      </form>
      <fieldset>
        <legend>Many at once</legend>
        <label>
          <span>
            One address per line, optionally with a role (<code>ada@acme.io,ANALYST</code>); lines without one take the role above
          </span>
          <textarea rows={5} value={text} onChange={(event) => void check(event.target.value)} />
        </label>
        <label>
          Or a CSV file (with a header naming the address and role columns, or plain lines)
          <input type="file" accept=".csv,text/csv,text/plain" onChange={(event) => void event.target.files?.[0]?.text().then(check)} />
        </label>
        {listIssues.length > 0 ? (
          <div role="alert" className="issue">
            <p>Nothing is sent until every line is right:</p>
            <ul>{listIssues.map((issue) => <li key={issue}>{issue}</li>)}</ul>
          </div>
        ) : null}
        <button type="button" className="primary" disabled={!entries || entries.length === 0 || listIssues.length > 0 || progress !== undefined} onClick={() => void inviteMany()}>
          Invite {entries?.length ?? 0}
        </button>
        {progress !== undefined ? <p role="status">Sent {progress} of {entries?.length ?? 0}…</p> : null}
        {results && entries ? (
          <div role="status">
            <p>
              {results.filter((outcome) => outcome.ok).length} invited, {results.filter((outcome) => !outcome.ok).length} failed.
            </p>
            <ul className="outcomes">
              {entries.map((entry, index) => {
                const outcome = results[index]!;
                return <li key={entry.email} className={outcome.ok ? 'ok' : 'issue'}>{entry.email}: {outcome.ok ? 'invited' : `${outcome.error.code}: ${outcome.error.message}`}</li>;
              })}
            </ul>
          </div>
        ) : null}
      </fieldset>
      <div className="buttons">
        <button type="button" onClick={() => onClose(changed)}>Close</button>
      </div>
    </Modal>
  );
}
