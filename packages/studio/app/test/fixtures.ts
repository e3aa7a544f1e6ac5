// Rows and a recording stand-in for the page's mutations, for component tests: the
// components are the subject here; the real mutations are covered end to end in Chromium.
import type { Row } from '../src/rows';
import type { Actions, Outcome } from '../src/use-actions';

/** A row of the table. */
export function row(email: string, fields: Partial<Row> = {}): Row {
  const status = fields.status ?? 'ACTIVE';
  const uid = status === 'INVITED' ? null : (fields.uid ?? [...email].map((c) => c.charCodeAt(0).toString(16)).join('').padEnd(64, '0').slice(0, 64));
  const name = status === 'INVITED' ? null : (fields.name ?? email.split('@')[0]!);
  return {
    key: uid ?? `invite:${email}`,
    uid,
    email,
    name,
    accountType: fields.accountType ?? 'DEVELOPER',
    status,
    inviteStatus: status === 'INVITED' ? (fields.inviteStatus ?? 'SENT') : null,
    search: `${name ?? ''}\n${email}`.toLowerCase(),
  };
}

/** Actions that record each call and answer with the given outcome (success by default). */
export function recordingActions(answer: (call: string) => Outcome = () => ({ ok: true })): Actions & { calls: string[] } {
  const calls: string[] = [];
  const record = (call: string): Promise<Outcome> => {
    calls.push(call);
    return Promise.resolve(answer(call));
  };
  return {
    calls,
    invite: (email, role) => record(`invite ${email} ${role}`),
    setRole: (uid, role) => record(`setRole ${uid} ${role}`),
    disable: (uid) => record(`disable ${uid}`),
    enable: (uid) => record(`enable ${uid}`),
    resend: (email, role) => record(`resend ${email} ${role}`),
    revoke: (email) => record(`revoke ${email}`),
  };
}
