import { describe, expect, it } from 'vitest';
import { ListActiveUsersDocument, RateLimitError, ValidationError, type RetryEvent } from '../src/index.js';
import { adminClient, rejectionOf, useServer } from './helpers.js';

// Node (and browsers) fire a setTimeout longer than 2^31 - 1 ms after 1 ms: such values are
// refused, and the largest allowed one really waits.
const MAX = 2 ** 31 - 1;
const server = useServer();

describe('time-outs and delays a timer cannot wait are refused; the longest allowed one waits', () => {
  it.each([
    ['timeoutMs', { timeoutMs: MAX + 1 }],
    ['retry.maxDelayMs', { retry: { maxDelayMs: MAX + 1 } }],
    ['retry.baseDelayMs', { retry: { baseDelayMs: MAX + 1 } }],
    ['retry.maxRetryAfterMs', { retry: { maxRetryAfterMs: MAX + 1 } }],
    ['retry.deadlineMs', { retry: { deadlineMs: MAX + 1 } }],
  ])('%s above 2^31 - 1 ms: a ValidationError, for the client and for a call, nothing sent', async (path, options) => {
    let error: unknown;
    try {
      adminClient(server.current, options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([path]);
    const { client } = adminClient(server.current);
    const perCall = await rejectionOf(client.execute(ListActiveUsersDocument, {}, options));
    expect(perCall).toBeInstanceOf(ValidationError);
    expect((perCall as ValidationError).issues.map((issue) => issue.path)).toEqual([path]);
    expect(server.current.requests).toHaveLength(0);
  });

  it.each([
    ['timeoutMs', { timeoutMs: MAX }],
    ['retry.maxDelayMs', { retry: { maxDelayMs: MAX } }],
    ['retry.maxRetryAfterMs', { retry: { maxRetryAfterMs: MAX } }],
    ['retry.deadlineMs', { retry: { deadlineMs: MAX } }],
  ])('%s of exactly 2^31 - 1 ms is accepted, and a 60 ms answer is awaited, not timed out', async (_path, options) => {
    server.current.faults.enqueue({ kind: 'latency', ms: 60 });
    const { client } = adminClient(server.current, options);
    const data = await client.execute(ListActiveUsersDocument);
    expect(data.listUsers.activeUsers).toHaveLength(3);
    expect(server.current.requests.map((request) => request.status)).toEqual([200]);
  });

  it('a backoff of 2^31 - 1 ms really waits: no retry is sent until the caller aborts', async () => {
    server.current.faults.enqueue({ kind: 'status', status: 503 });
    const { client, events } = adminClient(server.current, { retry: { baseDelayMs: MAX, maxDelayMs: MAX } });
    const controller = new AbortController();
    const call = rejectionOf(client.execute(ListActiveUsersDocument, {}, { signal: controller.signal }));
    await expect.poll(() => events.some((event) => event.type === 'retry')).toBe(true);
    // Long enough for a timer that fires after 1 ms to have sent the retry.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.current.requests).toHaveLength(1);
    controller.abort();
    expect(await call).toMatchObject({ code: 'ABORTED', attempts: 1 });
    expect(server.current.requests).toHaveLength(1);
  });

  it('a Retry-After just under the limit is waited for; one over it fails at once with its length', async () => {
    server.current.faults.enqueue({ kind: 'rateLimit', retryAfter: String(Math.floor(MAX / 1000)) });
    const { client, events } = adminClient(server.current, { retry: { maxRetryAfterMs: MAX } });
    const controller = new AbortController();
    const call = rejectionOf(client.execute(ListActiveUsersDocument, {}, { signal: controller.signal }));
    await expect.poll(() => events.find((event): event is RetryEvent => event.type === 'retry')?.delayMs).toBe(Math.floor(MAX / 1000) * 1000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.current.requests).toHaveLength(1);
    controller.abort();
    await call;

    server.current.resetRequests();
    server.current.faults.enqueue({ kind: 'rateLimit', retryAfter: String(Math.ceil(MAX / 1000)) });
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: Math.ceil(MAX / 1000) * 1000, attempts: 1 });
    expect(server.current.requests).toHaveLength(1);
  });
});
