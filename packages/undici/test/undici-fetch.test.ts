// createUndiciFetch against the reference server over 127.0.0.1: directly, and as the client's fetch.
import { EXAMPLE_CREDENTIALS, startServer, type RosterServer } from '@roster/fixtures';
import {
  AbortError,
  createClient,
  HttpError,
  InviteUserDocument,
  ListActiveUsersDocument,
  NetworkError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '@roster/client';
import { Roster } from '@roster/users';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUndiciFetch, type UndiciFetch } from '../src/index.js';

let server: RosterServer;
let fetch: UndiciFetch;
beforeAll(async () => {
  server = await startServer({ seed: 'example' });
  fetch = createUndiciFetch({ connections: 4 });
});
afterEach(() => {
  server.faults.clear();
  server.resetRequests();
});
afterAll(async () => {
  await fetch.close();
  await server.close();
});

const ADMIN = {
  'content-type': 'application/json',
  'x-api-key': EXAMPLE_CREDENTIALS.admin.apiKey,
  'x-api-secret': EXAMPLE_CREDENTIALS.admin.apiSecret,
};
const LIST = JSON.stringify({ query: '{ listUsers { ok activeUsers { email } } }' });

const client = (options: Parameters<typeof createClient>[0] extends infer O ? Partial<O> : never = {}) =>
  createClient({ apiEndpoint: server.url, ...EXAMPLE_CREDENTIALS.admin, fetch, retry: false, ...options });

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

describe('createUndiciFetch', () => {
  it('POSTs the body with the headers and answers status, headers and text', async () => {
    const response = await fetch(server.url, { method: 'POST', headers: ADMIN, body: LIST });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-missing')).toBeNull();
    const seen: Record<string, string> = {};
    response.headers.forEach((value, name) => (seen[name] = value));
    expect(seen).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'content-length': expect.any(String) });
    expect(JSON.parse(await response.text())).toEqual({
      data: { listUsers: { ok: true, activeUsers: [{ email: 'alexandra@acme.io' }, { email: 'jonny@acme.io' }, { email: 'matt@acme.io' }] } },
    });
    expect(server.requests[0]).toMatchObject({ method: 'POST', headers: { 'x-api-key': EXAMPLE_CREDENTIALS.admin.apiKey } });
  });

  it('accepts a URL object and parses JSON', async () => {
    const response = await fetch(new URL(server.url), { method: 'POST', headers: ADMIN, body: LIST });
    expect(await response.json()).toMatchObject({ data: { listUsers: { ok: true } } });
  });

  it('answers HTTP error statuses instead of throwing', async () => {
    server.faults.enqueue({ kind: 'status', status: 503 });
    const response = await fetch(server.url, { method: 'POST', headers: ADMIN, body: LIST });
    expect(response.status).toBe(503);
    expect(response.ok).toBe(false);
    expect(await response.text()).toContain('errors');
  });

  it('refuses URLs that are not http(s) and option values out of range', async () => {
    await expect(fetch('ftp://127.0.0.1/graphql')).rejects.toThrow(TypeError);
    expect(() => createUndiciFetch({ connections: 0 })).toThrow(RangeError);
    expect(() => createUndiciFetch({ keepAliveTimeoutMs: 1.5 })).toThrow(RangeError);
  });

  it('sends through a dispatcher passed in, and leaves it open on close()', async () => {
    const agent = new Agent();
    const own = createUndiciFetch({ dispatcher: agent });
    expect(own.dispatcher).toBe(agent);
    expect((await own(server.url, { method: 'POST', headers: ADMIN, body: LIST })).status).toBe(200);
    await own.close();
    expect(agent.closed).toBe(false);
    await agent.close();
  });
});

describe('as the client’s fetch', () => {
  it('runs queries and mutations through Roster', async () => {
    const roster = new Roster({ apiEndpoint: server.url, ...EXAMPLE_CREDENTIALS.admin, fetch });
    expect((await roster.users.listActive()).map((user) => user.email)).toEqual(['alexandra@acme.io', 'jonny@acme.io', 'matt@acme.io']);
    await roster.users.invite({ email: 'grace@acme.io', accountType: 'DEVELOPER' });
    expect(server.store.listInvited().map((user) => user.email)).toContain('grace@acme.io');
  });

  it('keeps the client’s typed errors for HTTP statuses', async () => {
    server.faults.enqueue({ kind: 'status', status: 500 }, { kind: 'status', status: 418, body: 'teapot' }, { kind: 'rateLimit', retryAfter: '7' });
    expect(await rejectionOf(client().execute(ListActiveUsersDocument))).toBeInstanceOf(ServerError);
    expect(await rejectionOf(client().execute(ListActiveUsersDocument))).toMatchObject({ constructor: HttpError, status: 418 });
    // The Retry-After header is read through the minimal response's headers.
    expect(await rejectionOf(client().execute(ListActiveUsersDocument))).toMatchObject({ constructor: RateLimitError, retryAfterMs: 7000 });
  });

  it('turns a dropped connection into a NetworkError, and retries it', async () => {
    server.faults.enqueue({ kind: 'drop' });
    const error = await rejectionOf(client().execute(InviteUserDocument, { email: 'drop@acme.io', accountType: 'DEVELOPER' }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', attempts: 1 });

    server.faults.enqueue({ kind: 'drop' });
    const data = await client({ retry: { maxAttempts: 2, baseDelayMs: 1 } }).execute(ListActiveUsersDocument);
    expect(data.listUsers.activeUsers).toHaveLength(3);
  });

  it('aborts a request in flight when the caller’s signal fires', async () => {
    server.faults.enqueue({ kind: 'latency', ms: 3000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await rejectionOf(client().execute(ListActiveUsersDocument, {}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ code: 'ABORTED', attempts: 1 });
    // The call ended before the server's answer (recorded when sent, 3 s after arrival).
    expect(server.requests).toHaveLength(0);
    // Let the late answer land now rather than in the middle of the next test.
    await expect.poll(() => server.requests.length, { timeout: 10_000 }).toBe(1);
  });

  it('times out an attempt after timeoutMs', async () => {
    server.faults.enqueue({ kind: 'latency', ms: 3000 });
    const error = await rejectionOf(client({ timeoutMs: 150 }).execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', timeoutMs: 150, attempts: 1 });
  });

  it('reuses kept-alive connections for sequential calls', async () => {
    const own = createUndiciFetch({ connections: 8 });
    const c = createClient({ apiEndpoint: server.url, ...EXAMPLE_CREDENTIALS.admin, fetch: own });
    for (let i = 0; i < 10; i++) await c.execute(ListActiveUsersDocument);
    expect(server.requests).toHaveLength(10);
    // The pool may hand the next request to a second connection before the first is marked free.
    const stats = (own.dispatcher as Agent).stats[new URL(server.url).origin];
    expect(stats?.connected).toBeGreaterThanOrEqual(1);
    expect(stats?.connected).toBeLessThanOrEqual(2);
    await own.close();
  });
});
