import { activeUser, DOCUMENTED_LIST_USERS_RESPONSE, EXAMPLE_CREDENTIALS, startServer } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import {
  createClient,
  DisableUserDocument,
  InviteUserDocument,
  ListActiveUsersDocument,
  ListUsersDocument,
  UserAccountType,
} from '../src/index.js';
import { adminClient, rejectionOf, useServer } from './helpers.js';

const server = useServer();

describe('execute', () => {
  it('returns the typed data of a query, exactly as the server sent it', async () => {
    const { client } = adminClient(server.current);
    const data = await client.execute(ListUsersDocument);
    expect(data).toEqual(DOCUMENTED_LIST_USERS_RESPONSE.data);
  });

  it('sends one POST with the printed document, its operation name and the variables', async () => {
    const { client } = adminClient(server.current);
    await client.execute(InviteUserDocument, { email: 'ada@acme.io', accountType: UserAccountType.DEVELOPER });
    const [request] = server.current.requests;
    expect(request?.method).toBe('POST');
    expect(request?.body).toEqual({
      query: expect.stringMatching(/^mutation InviteUser\(\$email: String!, \$accountType: UserAccountType!\) \{/),
      operationName: 'InviteUser',
      variables: { email: 'ada@acme.io', accountType: 'DEVELOPER' },
    });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(server.current.store.getInvited('ada@acme.io')).toMatchObject({ accountType: 'DEVELOPER' });
  });

  it('sends an empty variables object for an operation without variables, like the Python SDK', async () => {
    const { client } = adminClient(server.current);
    await client.execute(ListActiveUsersDocument);
    expect(server.current.requests[0]?.body).toMatchObject({ variables: {} });
  });

  it('sends one request per call: identical concurrent queries are not merged', async () => {
    const { client } = adminClient(server.current);
    await Promise.all([client.execute(ListActiveUsersDocument), client.execute(ListActiveUsersDocument)]);
    expect(server.current.requests).toHaveLength(2);
  });

  it('sends the User-Agent with its suffix and extra headers, which cannot replace authentication', async () => {
    const { client } = adminClient(server.current, {
      userAgent: 'my-app/1.2',
      headers: { 'X-Request-Source': 'tests', 'X-API-SECRET': 'overridden?' },
    });
    await client.execute(ListActiveUsersDocument, {}, { headers: { 'x-call': 'yes' } });
    const headers = server.current.requests[0]?.headers ?? {};
    expect(headers['user-agent']).toMatch(/^roster-client\/\d+\.\d+\.\d+ my-app\/1\.2$/);
    expect(headers['x-request-source']).toBe('tests');
    expect(headers['x-call']).toBe('yes');
    expect(headers['x-api-secret']).toBe(EXAMPLE_CREDENTIALS.admin.apiSecret);
  });

  it('per-call headers cannot replace authentication either, whatever their case', async () => {
    const { client } = adminClient(server.current);
    await client.execute(ListActiveUsersDocument, {}, { headers: { 'X-API-KEY': 'evil-key', 'x-Api-Secret': 'evil-secret', 'x-call': 'yes' } });
    const headers = server.current.requests[0]?.headers ?? {};
    expect(headers['x-call']).toBe('yes');
    expect(headers['x-api-key']).toBe(EXAMPLE_CREDENTIALS.admin.apiKey);
    expect(headers['x-api-secret']).toBe(EXAMPLE_CREDENTIALS.admin.apiSecret);
    const token = createClient({ apiEndpoint: server.current.url, apiSecret: EXAMPLE_CREDENTIALS.adminWorkspaceToken });
    await token.execute(ListActiveUsersDocument, {}, { headers: { Authorization: 'Bearer evil' } });
    expect(server.current.requests[1]?.headers.authorization).toBe(`Bearer ${EXAMPLE_CREDENTIALS.adminWorkspaceToken}`);
  });

  it('does not follow a redirect, so the credentials never reach where it points', async () => {
    const elsewhere = await startServer({ seed: 'example' });
    try {
      server.current.faults.enqueue({ kind: 'response', status: 307, headers: { location: elsewhere.url }, body: '' });
      const { client } = adminClient(server.current, { retry: false });
      const error = await rejectionOf(client.execute(ListActiveUsersDocument));
      expect(error).toMatchObject({ code: 'NETWORK_ERROR', attempts: 1 });
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it('rejects variables that cannot be serialised with a ValidationError, sending nothing', async () => {
    const { client } = adminClient(server.current);
    const cyclic: Record<string, unknown> = { email: 'a@acme.io', accountType: 'ADMIN' };
    cyclic.self = cyclic;
    await expect(client.execute(InviteUserDocument, cyclic as never)).rejects.toMatchObject({ name: 'ValidationError', code: 'VALIDATION' });
    await expect(client.execute(DisableUserDocument, { uid: 10n } as never)).rejects.toMatchObject({ name: 'ValidationError' });
    expect(server.current.requests).toHaveLength(0);
  });

  it('calls a custom fetch', async () => {
    const seen: string[] = [];
    const { client } = adminClient(server.current, {
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    await client.execute(ListActiveUsersDocument);
    expect(seen).toEqual([server.current.url]);
  });
});

describe('authentication modes', () => {
  it('key pair: X-API-KEY and X-API-SECRET', async () => {
    const { client } = adminClient(server.current);
    await client.execute(ListActiveUsersDocument);
    expect(server.current.requests[0]?.headers).toMatchObject({
      'x-api-key': EXAMPLE_CREDENTIALS.admin.apiKey,
      'x-api-secret': EXAMPLE_CREDENTIALS.admin.apiSecret,
    });
    expect(server.current.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('workspace token: a bearer token and no key', async () => {
    const client = createClient({ apiEndpoint: server.current.url, apiSecret: EXAMPLE_CREDENTIALS.adminWorkspaceToken });
    const data = await client.execute(ListActiveUsersDocument);
    expect(data.listUsers.activeUsers).toHaveLength(3);
    const headers = server.current.requests[0]?.headers ?? {};
    expect(headers.authorization).toBe(`Bearer ${EXAMPLE_CREDENTIALS.adminWorkspaceToken}`);
    expect(headers['x-api-key']).toBeUndefined();
  });

  it('company token: a bearer token and the workspace header', async () => {
    const client = createClient({
      apiEndpoint: server.current.url,
      apiSecret: EXAMPLE_CREDENTIALS.adminCompanyToken,
      workspaceUid: EXAMPLE_CREDENTIALS.companyWorkspaceUid,
    });
    const user = activeUser();
    server.current.store.addActive(user);
    await client.execute(DisableUserDocument, { uid: user.uid });
    expect(server.current.requests[0]?.headers['x-paradime-workspace']).toBe(EXAMPLE_CREDENTIALS.companyWorkspaceUid);
    expect(server.current.store.getByUid(user.uid)?.enabled).toBe(false);
  });
});
