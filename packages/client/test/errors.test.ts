import { activeUser, EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  createClient,
  DisableUserDocument,
  GraphQLResponseError,
  HttpError,
  InviteUserDocument,
  ListActiveUsersDocument,
  ListUsersDocument,
  NetworkError,
  NotFoundError,
  OperationFailedError,
  PermissionError,
  PreconditionError,
  RateLimitError,
  RosterError,
  ServerError,
  UnexpectedResponseError,
  UpdateUserAccountTypeDocument,
  ValidationError,
} from '../src/index.js';
import { adminClient, rejectionOf, useServer } from './helpers.js';

const server = useServer();
const UNKNOWN_UID = 'f'.repeat(64);

describe('each failure becomes its own RosterError subclass', () => {
  it('wrong credentials: AuthenticationError, HTTP 401', async () => {
    const client = createClient({ apiEndpoint: server.current.url, apiKey: 'nobody', apiSecret: 'wrong' });
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, operationName: 'ListActiveUsers', attempts: 1 });
    expect(error.message).toMatch(/^Authentication failed in ListActiveUsers \(HTTP 401\): /);
  });

  it('a viewer key calling a mutation: PermissionError (FORBIDDEN), nothing changed', async () => {
    const client = createClient({ apiEndpoint: server.current.url, ...EXAMPLE_CREDENTIALS.viewer });
    const error = await rejectionOf(client.execute(InviteUserDocument, { email: 'v@acme.io', accountType: 'ADMIN' }));
    expect(error).toBeInstanceOf(PermissionError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', operationName: 'InviteUser' });
    expect((error as RosterError).graphQLErrors[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(server.current.store.getInvited('v@acme.io')).toBeUndefined();
  });

  it('an unknown uid: NotFoundError', async () => {
    const { client } = adminClient(server.current);
    const error = await rejectionOf(client.execute(DisableUserDocument, { uid: UNKNOWN_UID }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(/^Not found in DisableUser \(HTTP 200\): /);
  });

  it('input the server rejects: ValidationError with code BAD_USER_INPUT', async () => {
    const { client } = adminClient(server.current);
    const error = await rejectionOf(client.execute(DisableUserDocument, { uid: 'not-a-uid' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', status: 200 });
  });

  it("inviting an active member's address: ConflictError", async () => {
    const { client } = adminClient(server.current);
    const error = await rejectionOf(client.execute(InviteUserDocument, { email: 'MATT@acme.io', accountType: 'ADMIN' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'CONFLICT' });
  });

  it('demoting the last admin: PreconditionError (a ConflictError)', async () => {
    const admin = activeUser({ accountType: 'ADMIN' });
    const { startServer } = await import('@roster/fixtures');
    const lonely = await startServer({ seed: { active: [admin] } });
    try {
      const { client } = adminClient(lonely);
      const error = await rejectionOf(client.execute(UpdateUserAccountTypeDocument, { uid: admin.uid, accountType: 'DEVELOPER' }));
      expect(error).toBeInstanceOf(PreconditionError);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ code: 'FAILED_PRECONDITION' });
    } finally {
      await lonely.close();
    }
  });

  it('HTTP 429 when retries are off: RateLimitError exposing retryAfterMs', async () => {
    server.current.faults.enqueue({ kind: 'rateLimit', retryAfter: '1.5' });
    const { client } = adminClient(server.current, { retry: false });
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 1500, code: 'RATE_LIMITED' });
    expect((error as RosterError).headers?.['retry-after']).toBe('1.5');
  });

  it('HTTP 420 is a rate limit too', async () => {
    server.current.faults.enqueue({ kind: 'rateLimit', status: 420 });
    const { client } = adminClient(server.current, { retry: false });
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 420, retryAfterMs: undefined });
  });

  it.each([500, 502, 503, 504])('HTTP %i: ServerError', async (status) => {
    server.current.faults.enqueue({ kind: 'status', status });
    const { client } = adminClient(server.current, { retry: false });
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status, code: 'SERVER_ERROR' });
    expect(error.message).toMatch(new RegExp(`^Server error in ListActiveUsers \\(HTTP ${status}\\)`));
  });

  it('a dropped connection: NetworkError with the cause', async () => {
    server.current.faults.enqueue({ kind: 'drop' });
    const { client } = adminClient(server.current, { retry: false });
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: undefined });
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.message).toMatch(/^Network error in ListActiveUsers: /);
  });

  it('a refused connection: NetworkError', async () => {
    const client = createClient({ apiEndpoint: 'http://127.0.0.1:9/graphql', ...EXAMPLE_CREDENTIALS.admin, retry: false });
    expect(await rejectionOf(client.execute(ListActiveUsersDocument))).toBeInstanceOf(NetworkError);
  });

  it('a non-JSON body: UnexpectedResponseError quoting the start of it', async () => {
    server.current.faults.enqueue({ kind: 'nonJson' });
    const { client } = adminClient(server.current);
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.message).toMatch(/^Unexpected response in ListActiveUsers \(HTTP 200\): the body is not JSON: </);
  });

  it('data: null without errors: UnexpectedResponseError', async () => {
    server.current.faults.enqueue({ kind: 'dataNull' });
    const { client } = adminClient(server.current);
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.message).toMatch(/no data and no errors/);
  });

  it('a GraphQL error with an unknown code: GraphQLResponseError carrying the errors', async () => {
    server.current.faults.enqueue({ kind: 'graphqlError', message: 'Something odd', code: 'ODD' });
    const { client } = adminClient(server.current);
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(GraphQLResponseError);
    expect(error.message).toBe('GraphQL error in ListActiveUsers (HTTP 200): Something odd');
    expect((error as RosterError).graphQLErrors).toEqual([expect.objectContaining({ message: 'Something odd', extensions: { code: 'ODD' } })]);
  });

  it('a GraphQL INTERNAL_SERVER_ERROR at HTTP 200: ServerError', async () => {
    server.current.faults.enqueue({ kind: 'graphqlError' });
    const { client } = adminClient(server.current);
    expect(await rejectionOf(client.execute(ListActiveUsersDocument))).toBeInstanceOf(ServerError);
  });

  it('keeps partial data next to the errors', async () => {
    server.current.faults.enqueue({
      kind: 'response',
      body: { data: { listUsers: null }, errors: [{ message: 'listing failed', path: ['listUsers'] }] },
    });
    const { client } = adminClient(server.current);
    const error = await rejectionOf(client.execute(ListUsersDocument));
    expect(error).toMatchObject({ data: { listUsers: null }, graphQLErrors: [{ message: 'listing failed' }] });
  });

  it('ok: false: OperationFailedError, and the server changed nothing', async () => {
    const user = activeUser();
    server.current.store.addActive(user);
    server.current.faults.enqueue({ kind: 'okFalse' });
    const { client } = adminClient(server.current);
    const error = await rejectionOf(client.execute(DisableUserDocument, { uid: user.uid }));
    expect(error).toBeInstanceOf(OperationFailedError);
    expect(error).toMatchObject({ code: 'OPERATION_FAILED', data: { disableUser: { ok: false } } });
    expect(server.current.store.getByUid(user.uid)?.enabled).toBe(true);
  });

  it('another HTTP error status: HttpError', async () => {
    server.current.faults.enqueue({ kind: 'status', status: 418, body: 'teapot' });
    const { client } = adminClient(server.current);
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 418, code: 'HTTP_ERROR' });
  });

  it('every error is a RosterError and an Error with a stack', async () => {
    server.current.faults.enqueue({ kind: 'status', status: 503 });
    const { client } = adminClient(server.current, { retry: false });
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(RosterError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ServerError');
    expect(error.stack).toContain('ServerError');
  });
});

describe('enum values the server adds later', () => {
  it('pass through as plain strings', async () => {
    server.current.faults.enqueue({
      kind: 'response',
      body: { data: { listUsers: { ok: true, activeUsers: [{ uid: 'a'.repeat(64), email: 'o@acme.io', name: 'O', accountType: 'OWNER' }] } } },
    });
    const { client } = adminClient(server.current);
    const data = await client.execute(ListActiveUsersDocument);
    expect(data.listUsers.activeUsers[0]?.accountType).toBe('OWNER');
  });
});
