import { startServer, type RosterServer } from '@roster/fixtures';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AbortError, ListActiveUsersDocument, TimeoutError, type RosterLogEvent } from '../src/index.js';
import { adminClient, rejectionOf } from './helpers.js';

// A fresh server per test: a slow response still in flight after a test ends must not be
// counted by the next one.
let server: RosterServer;
beforeEach(async () => {
  server = await startServer({ seed: 'example' });
});
afterEach(async () => {
  await server.close();
});
const attempts = (events: RosterLogEvent[]) => events.filter((e) => e.type === 'request').length;

describe('time-outs', () => {
  it('fails an attempt that takes longer than timeoutMs with a TimeoutError', async () => {
    server.faults.enqueue({ kind: 'latency', ms: 3000 });
    const { client } = adminClient(server, { timeoutMs: 150, retry: false });
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', timeoutMs: 150, attempts: 1 });
    expect(error.message).toBe('Timed out in ListActiveUsers after 150 ms (attempt 1)');
    // The server records a request when it answers, 3 s after it arrived: not yet.
    expect(server.requests).toHaveLength(0);
  });

  it('gives each retry a fresh time-out', async () => {
    server.faults.enqueue({ kind: 'latency', ms: 3000 }, { kind: 'latency', ms: 3000 });
    const { client, events } = adminClient(server, { timeoutMs: 200, retry: { maxAttempts: 3, baseDelayMs: 1 } });
    const data = await client.execute(ListActiveUsersDocument);
    expect(data.listUsers.activeUsers).toHaveLength(3);
    expect(attempts(events)).toBe(3);
    expect(events.filter((e) => e.type === 'retry').map((e) => (e as { reason: { code: string } }).reason.code)).toEqual([
      'TIMEOUT',
      'TIMEOUT',
    ]);
  });

  it('a per-call timeoutMs overrides the client’s', async () => {
    server.faults.enqueue({ kind: 'latency', ms: 3000 });
    const { client } = adminClient(server, { timeoutMs: 60_000, retry: false });
    const error = await rejectionOf(client.execute(ListActiveUsersDocument, {}, { timeoutMs: 100 }));
    expect(error).toMatchObject({ code: 'TIMEOUT', timeoutMs: 100 });
  });
});

describe('cancellation', () => {
  it('an already aborted signal sends nothing', async () => {
    const { client, events } = adminClient(server);
    const error = await rejectionOf(client.execute(ListActiveUsersDocument, {}, { signal: AbortSignal.abort('no') }));
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ code: 'ABORTED', attempts: 0, cause: 'no' });
    expect(attempts(events)).toBe(0);
  });

  it('aborting during a request ends the call at once', async () => {
    server.faults.enqueue({ kind: 'latency', ms: 3000 });
    const { client } = adminClient(server);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await rejectionOf(client.execute(ListActiveUsersDocument, {}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(error.message).toBe('Aborted ListActiveUsers after 1 attempt(s)');
    // The call ended before the server's answer (recorded when sent, 3 s after arrival).
    expect(server.requests).toHaveLength(0);
  });

  it('aborting during the wait before a retry ends the call at once', async () => {
    // A wait of 1000 s: a call that waited it out would outlast the test's own time limit.
    server.faults.enqueue({ kind: 'rateLimit', retryAfter: '1000' });
    const controller = new AbortController();
    const { client } = adminClient(server, {
      retry: { maxRetryAfterMs: 2_000_000 },
      logger: (event) => {
        if (event.type === 'retry') setTimeout(() => controller.abort(), 50);
      },
    });
    const error = await rejectionOf(client.execute(ListActiveUsersDocument, {}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });
});
