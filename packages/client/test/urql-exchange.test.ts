import { Client, gql, type Exchange } from '@urql/core';
import { pipe, tap } from 'wonka';
import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import { createClient, ListActiveUsersDocument, RosterError, rosterExchange, DisableUserDocument, type RosterLogEvent } from '../src/index.js';
import { useServer } from './helpers.js';

const server = useServer();

describe('rosterExchange: the same documents through an urql Client', () => {
  const urqlFor = () => {
    const roster = createClient({ apiEndpoint: server.current.url, ...EXAMPLE_CREDENTIALS.admin });
    return new Client({ url: roster.endpoint, exchanges: [rosterExchange(roster)] });
  };

  it('runs a typed query with Roster’s authentication', async () => {
    const result = await urqlFor().query(ListActiveUsersDocument, {}).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data?.listUsers.activeUsers).toHaveLength(3);
    expect(server.current.requests[0]?.headers['x-api-key']).toBe(EXAMPLE_CREDENTIALS.admin.apiKey);
  });

  it('merges identical queries in flight into one request, as urql does', async () => {
    const urql = urqlFor();
    const [a, b] = await Promise.all([
      urql.query(ListActiveUsersDocument, {}, { requestPolicy: 'network-only' }).toPromise(),
      urql.query(ListActiveUsersDocument, {}, { requestPolicy: 'network-only' }).toPromise(),
    ]);
    expect(a.data).toEqual(b.data);
    expect(server.current.requests).toHaveLength(1);
  });

  it('hands the typed RosterError to urql as the network error, with the GraphQL errors', async () => {
    const result = await urqlFor().mutation(DisableUserDocument, { uid: 'f'.repeat(64) }).toPromise();
    expect(result.error?.networkError).toBeInstanceOf(RosterError);
    expect((result.error?.networkError as RosterError).code).toBe('NOT_FOUND');
    expect(result.error?.graphQLErrors[0]?.message).toBeTruthy();
  });

  it('aborts the request of an operation torn down while in flight, and delivers nothing for it', async () => {
    const events: RosterLogEvent[] = [];
    const roster = createClient({ apiEndpoint: server.current.url, ...EXAMPLE_CREDENTIALS.admin, logger: (event) => events.push(event) });
    const urql = new Client({ url: roster.endpoint, exchanges: [rosterExchange(roster)] });
    server.current.faults.enqueue({ kind: 'latency', ms: 300 });
    const results: unknown[] = [];
    const subscription = urql.query(ListActiveUsersDocument, {}).subscribe((result) => results.push(result));
    await expect.poll(() => events.some((event) => event.type === 'request')).toBe(true);
    subscription.unsubscribe();
    await expect.poll(() => events.find((event) => event.type === 'error')).toMatchObject({ error: { code: 'ABORTED' } });
    expect(results).toEqual([]);
    // The next query is served normally.
    expect((await urql.query(ListActiveUsersDocument, {}, { requestPolicy: 'network-only' }).toPromise()).data?.listUsers.activeUsers).toHaveLength(3);
  });

  it('hands everything but queries and mutations to the next exchange', async () => {
    const roster = createClient({ apiEndpoint: server.current.url, ...EXAMPLE_CREDENTIALS.admin });
    const forwarded: string[] = [];
    const recorder: Exchange = ({ forward }) => (operations$) => forward(pipe(operations$, tap((operation) => forwarded.push(operation.kind))));
    const urql = new Client({ url: roster.endpoint, exchanges: [rosterExchange(roster), recorder] });
    const query = await urql.query(ListActiveUsersDocument, {}).toPromise();
    expect(query.data?.listUsers.activeUsers).toHaveLength(3);
    const subscription = urql.subscription(gql`subscription Watch { watch }`, {}).subscribe(() => {});
    subscription.unsubscribe();
    expect(forwarded).toContain('subscription');
    expect(forwarded).toContain('teardown');
    expect(forwarded).not.toContain('query');
    expect(server.current.requests).toHaveLength(1);
  });
});
