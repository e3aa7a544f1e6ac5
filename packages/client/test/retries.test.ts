import { describe, expect, it } from 'vitest';
import {
  InviteUserDocument,
  ListActiveUsersDocument,
  RateLimitError,
  ServerError,
  TimeoutError,
  type RetryEvent,
} from '../src/index.js';
import { adminClient, rejectionOf, useServer } from './helpers.js';

const server = useServer();
const gaps = () => {
  const at = server.current.requests.map((request) => request.at);
  return at.slice(1).map((time, i) => time - at[i]!);
};
const retries = (events: { type: string }[]) => events.filter((e): e is RetryEvent => e.type === 'retry');

describe('retries', () => {
  it('retries 502, 503 and 504 with backoff and then succeeds', async () => {
    server.current.faults.enqueue({ kind: 'status', status: 502 }, { kind: 'status', status: 503 }, { kind: 'status', status: 504 });
    const { client, events } = adminClient(server.current, { retry: { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 100 } });
    const data = await client.execute(ListActiveUsersDocument);
    expect(data.listUsers.activeUsers).toHaveLength(3);
    expect(server.current.requests.map((r) => r.status)).toEqual([502, 503, 504, 200]);
    const waits = retries(events).map((e) => e.delayMs);
    expect(waits).toHaveLength(3);
    // Full jitter: each wait lies between 0 and base * 2^(n-1).
    waits.forEach((delay, i) => expect(delay).toBeLessThanOrEqual(20 * 2 ** i));
    gaps().forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(waits[i]! - 2));
  });

  it('gives up after maxAttempts and reports how many were made', async () => {
    server.current.faults.enqueue(...Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 503 })));
    const { client, events } = adminClient(server.current, { retry: { maxAttempts: 3, baseDelayMs: 1 } });
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ attempts: 3, status: 503 });
    expect(server.current.requests).toHaveLength(3);
    expect(events.filter((e) => e.type === 'error')).toHaveLength(1);
  });

  it('does not retry a 500, nor a failure that is the caller’s', async () => {
    server.current.faults.enqueue({ kind: 'status', status: 500 });
    const { client } = adminClient(server.current);
    await rejectionOf(client.execute(ListActiveUsersDocument));
    await rejectionOf(client.execute(InviteUserDocument, { email: 'matt@acme.io', accountType: 'ADMIN' }));
    expect(server.current.requests).toHaveLength(2);
  });

  it('honours Retry-After in fractional seconds', async () => {
    server.current.faults.enqueue({ kind: 'rateLimit', retryAfter: '0.3' });
    const { client, events } = adminClient(server.current);
    await client.execute(ListActiveUsersDocument);
    expect(retries(events)[0]?.delayMs).toBe(300);
    expect(gaps()[0]).toBeGreaterThanOrEqual(295);
  });

  it('honours Retry-After as an HTTP date', async () => {
    // HTTP dates have whole seconds: two seconds ahead of the server clock means a wait of 1 to 2 s.
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000).toUTCString();
    server.current.faults.enqueue({ kind: 'rateLimit', retryAfter: at });
    const { client, events } = adminClient(server.current);
    await client.execute(ListActiveUsersDocument);
    // The wait is the date minus the response's own Date header, both whole seconds, so it is a
    // whole number of seconds however long this machine stalled; a backoff would not be.
    const delay = retries(events)[0]?.delayMs ?? 0;
    expect(delay % 1000).toBe(0);
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThanOrEqual(3000);
    expect(gaps()[0]).toBeGreaterThanOrEqual(delay - 5);
  });

  it('fails at once when Retry-After asks for longer than maxRetryAfterMs', async () => {
    server.current.faults.enqueue({ kind: 'rateLimit', retryAfter: '120' });
    const { client, events } = adminClient(server.current, { retry: { maxRetryAfterMs: 1000 } });
    // Waiting the 120 s asked would outlast the test's own time limit.
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 120_000, attempts: 1 });
    expect(retries(events)).toHaveLength(0);
    expect(server.current.requests).toHaveLength(1);
  });

  it('retries rate limits even for an operation marked non-idempotent, but not server errors', async () => {
    server.current.faults.enqueue({ kind: 'rateLimit', retryAfter: '0' }, { kind: 'status', status: 503 });
    const { client } = adminClient(server.current);
    const error = await rejectionOf(
      client.execute(InviteUserDocument, { email: 'once@acme.io', accountType: 'ADMIN' }, { idempotent: false }),
    );
    expect(error).toBeInstanceOf(ServerError);
    expect(server.current.requests.map((r) => r.status)).toEqual([429, 503]);
  });

  it('retries the documented mutations, which are idempotent', async () => {
    server.current.faults.enqueue({ kind: 'status', status: 503 }, { kind: 'drop' });
    const { client, events } = adminClient(server.current);
    await client.execute(InviteUserDocument, { email: 'twice@acme.io', accountType: 'ADMIN' });
    // Three requests: the 503, the dropped one, and the retry that made the invitation.
    expect(server.current.requests.map((r) => r.status)).toEqual([503, 0, 200]);
    expect(retries(events).map((e) => e.reason.code)).toEqual(['SERVER_ERROR', 'NETWORK_ERROR']);
    expect(server.current.store.listInvited().filter((u) => u.email === 'twice@acme.io')).toHaveLength(1);
  });

  it('does not retry a mutation outside the idempotent list after a dropped connection', async () => {
    server.current.faults.enqueue({ kind: 'drop' });
    const { client } = adminClient(server.current);
    const error = await rejectionOf(client.execute(InviteUserDocument, { email: 'once@acme.io', accountType: 'ADMIN' }, { idempotent: false }));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', attempts: 1 });
    expect(server.current.requests.map((r) => r.status)).toEqual([0]);
    expect(server.current.store.listInvited().filter((u) => u.email === 'once@acme.io')).toHaveLength(0);
  });

  it('a per-call retry option overrides the client’s', async () => {
    server.current.faults.enqueue({ kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    const { client } = adminClient(server.current, { retry: { maxAttempts: 5, baseDelayMs: 1 } });
    await rejectionOf(client.execute(ListActiveUsersDocument, {}, { retry: false }));
    expect(server.current.requests).toHaveLength(1);
  });

  it('stops at the overall deadline', async () => {
    server.current.faults.enqueue(...Array.from({ length: 10 }, () => ({ kind: 'rateLimit' as const, retryAfter: '0.2' })));
    const { client } = adminClient(server.current, { retry: { maxAttempts: 10, deadlineMs: 500 } });
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(RateLimitError);
    // Without the deadline all ten attempts would be made, 200 ms apart; with it, at most three fit.
    expect(server.current.requests.length).toBeLessThanOrEqual(3);
    expect((error as RateLimitError).attempts).toBe(server.current.requests.length);
  });

  it('shortens the last attempt to fit the deadline', async () => {
    server.current.faults.enqueue({ kind: 'latency', ms: 2000 });
    const { client } = adminClient(server.current, { timeoutMs: 10_000, retry: { deadlineMs: 300 } });
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBeLessThanOrEqual(300);
    // The server, 2 s from answering, has not answered yet: the call did not wait for it.
    expect(server.current.requests).toHaveLength(0);
  });
});
