import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createClient, ListActiveUsersDocument, type RosterError, type FetchLike } from '../src/index.js';
import { rejectionOf, useServer } from './helpers.js';

const server = useServer();
// A secret with the characters JSON escapes (`"` and `\`) or may escape (`/`), around a
// marker that no escaping changes: wherever the marker shows, some form of the secret leaked.
const MARKER = 'Qx7marker';
const SECRET = `a/b"${MARKER}\\c/d`;
// What PHP's json_encode sends: `/` as `\/`, and here `"` as `\u0022` too.
const escaped = JSON.stringify(SECRET).slice(1, -1).replaceAll('/', '\\/').replaceAll('\\"', '\\u0022');

const clientFor = (fetch?: FetchLike) =>
  createClient({ apiEndpoint: server.current.url, apiKey: 'key', apiSecret: SECRET, retry: false, ...(fetch ? { fetch } : {}) });

/** Every way a caller can look at an error, its details included. */
function views(error: Error): string[] {
  const e = error as RosterError;
  return [
    e.message,
    String(e.stack),
    JSON.stringify(e),
    inspect(e, { depth: Infinity, showHidden: true }),
    String(JSON.stringify(e.graphQLErrors)),
    String(JSON.stringify(e.data)),
    String(JSON.stringify(e.headers)),
    inspect(e.cause, { depth: Infinity, showHidden: true }),
  ];
}

describe('a secret the server echoes back is redacted after JSON decoding', () => {
  it('in a GraphQL error message that escapes it as PHP does (\\/ and \\u0022)', async () => {
    const body = `{"errors":[{"message":"bad key ${escaped}","extensions":{"code":"UNAUTHENTICATED","echo":"${escaped}"}}],"data":{"echo":"${escaped}"}}`;
    expect(body).not.toContain(SECRET);
    server.current.faults.enqueue({ kind: 'response', status: 400, headers: { 'content-type': 'application/json' }, body });
    const error = await rejectionOf(clientFor().execute(ListActiveUsersDocument));
    expect(error.message).toContain('bad key [redacted]');
    expect((error as RosterError).graphQLErrors[0]?.extensions?.echo).toBe('[redacted]');
    for (const view of views(error)) expect(view).not.toContain(MARKER);
  });

  it('in a JSON body that is not a GraphQL response (the message quotes it)', async () => {
    server.current.faults.enqueue({ kind: 'response', status: 418, headers: { 'content-type': 'application/json' }, body: `{"detail":"${escaped}"}` });
    const error = await rejectionOf(clientFor().execute(ListActiveUsersDocument));
    expect(error.message).toContain('[redacted]');
    for (const view of views(error)) expect(view).not.toContain(MARKER);
  });

  it('in the data of an ok: false answer (OperationFailedError)', async () => {
    server.current.faults.enqueue({
      kind: 'response',
      body: { data: { listUsers: { ok: false, activeUsers: [{ uid: 'u', email: 'e@x.io', name: SECRET, accountType: 'ADMIN' }] } } },
    });
    const error = await rejectionOf(clientFor().execute(ListActiveUsersDocument));
    expect(error).toMatchObject({ code: 'OPERATION_FAILED' });
    expect(JSON.stringify((error as RosterError).data)).toContain('[redacted]');
    for (const view of views(error)) expect(view).not.toContain(MARKER);
  });

  it('in response headers a server echoes back', async () => {
    server.current.faults.enqueue({ kind: 'response', status: 503, headers: { 'x-echo': `secret=${SECRET}` }, body: 'unavailable' });
    const error = await rejectionOf(clientFor().execute(ListActiveUsersDocument));
    expect((error as RosterError).headers?.['x-echo']).toBe('secret=[redacted]');
    for (const view of views(error)) expect(view).not.toContain(MARKER);
  });

  it('in the cause of a network error (a fetch that rejects quoting it: a shape the server cannot produce)', async () => {
    const inner = Object.assign(new Error(`proxy refused ${SECRET}`), { code: 'EPROXY', detail: SECRET });
    const fetch: FetchLike = () => Promise.reject(new TypeError('fetch failed', { cause: inner }));
    const error = await rejectionOf(clientFor(fetch).execute(ListActiveUsersDocument));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR' });
    expect(String((error.cause as Error).cause)).toContain('proxy refused [redacted]');
    for (const view of views(error)) expect(view).not.toContain(MARKER);
  });

  it('leaves an error without a secret as it was', async () => {
    const cause = new TypeError('fetch failed');
    const error = await rejectionOf(clientFor(() => Promise.reject(cause)).execute(ListActiveUsersDocument));
    expect(error.cause).toBe(cause);
  });
});
