import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import { createClient, DisableUserDocument, HttpError, NotFoundError, UnexpectedResponseError } from '../src/index.js';
import { rejectionOf, useServer } from './helpers.js';

const server = useServer();
const UNKNOWN_UID = 'f'.repeat(64);

describe('a wrong endpoint does not look like a missing user', () => {
  it('a 404 for a wrong path is an HttpError that says to check apiEndpoint, not a NotFoundError', async () => {
    const wrong = server.current.url.replace(/\/graphql$/, '/');
    const client = createClient({ apiEndpoint: wrong, ...EXAMPLE_CREDENTIALS.admin, retry: false });
    const error = await rejectionOf(client.execute(DisableUserDocument, { uid: UNKNOWN_UID }));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 'HTTP_ERROR', status: 404, attempts: 1 });
    expect(error.message).toMatch(/^HTTP error in DisableUser \(HTTP 404\): Nothing here.*; is apiEndpoint the GraphQL endpoint/);
  });

  it('a plain-text 404 is an HttpError with the same hint', async () => {
    server.current.faults.enqueue({ kind: 'response', status: 404, body: 'Not Found' });
    const client = createClient({ apiEndpoint: server.current.url, ...EXAMPLE_CREDENTIALS.admin });
    const error = await rejectionOf(client.execute(DisableUserDocument, { uid: UNKNOWN_UID }));
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toBe('HTTP error in DisableUser (HTTP 404): Not Found; is apiEndpoint the GraphQL endpoint (e.g. https://host/graphql)?');
  });

  it('an HTML page with status 200 is an UnexpectedResponseError with the hint', async () => {
    server.current.faults.enqueue({ kind: 'nonJson' });
    const client = createClient({ apiEndpoint: server.current.url, ...EXAMPLE_CREDENTIALS.admin });
    const error = await rejectionOf(client.execute(DisableUserDocument, { uid: UNKNOWN_UID }));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.message).toMatch(/is apiEndpoint the GraphQL endpoint/);
  });

  it('a GraphQL NOT_FOUND is a NotFoundError, with or without a 404 status', async () => {
    const client = createClient({ apiEndpoint: server.current.url, ...EXAMPLE_CREDENTIALS.admin });
    expect(await rejectionOf(client.execute(DisableUserDocument, { uid: UNKNOWN_UID }))).toBeInstanceOf(NotFoundError);
    server.current.faults.enqueue({ kind: 'response', status: 404, body: { errors: [{ message: 'no such user', extensions: { code: 'NOT_FOUND' } }] } });
    const error = await rejectionOf(client.execute(DisableUserDocument, { uid: UNKNOWN_UID }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('Not found in DisableUser (HTTP 404): no such user');
  });
});
