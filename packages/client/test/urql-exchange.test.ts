import { Client } from '@urql/core';
import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import { createClient, ListActiveUsersDocument, RosterError, rosterExchange, DisableUserDocument } from '../src/index.js';
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
});
