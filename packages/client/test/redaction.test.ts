import { inspect } from 'node:util';
import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import { createClient, ListActiveUsersDocument, InviteUserDocument, type ClientOptions, type RosterLogEvent } from '../src/index.js';
import { rejectionOf, useServer } from './helpers.js';

const server = useServer();

const modes: [string, Omit<ClientOptions, 'apiEndpoint'>, string][] = [
  ['key pair', { ...EXAMPLE_CREDENTIALS.admin }, EXAMPLE_CREDENTIALS.admin.apiSecret],
  ['workspace token', { apiSecret: EXAMPLE_CREDENTIALS.adminWorkspaceToken }, EXAMPLE_CREDENTIALS.adminWorkspaceToken],
  [
    'company token',
    { apiSecret: EXAMPLE_CREDENTIALS.adminCompanyToken, workspaceUid: EXAMPLE_CREDENTIALS.companyWorkspaceUid },
    EXAMPLE_CREDENTIALS.adminCompanyToken,
  ],
];

describe.each(modes)('the secret never leaks (%s)', (_mode, credentials, secret) => {
  it('from log events, errors, stacks, inspect or JSON', async () => {
    const events: RosterLogEvent[] = [];
    const client = createClient({
      apiEndpoint: server.current.url,
      ...credentials,
      retry: { baseDelayMs: 1 },
      logger: (event) => events.push(event),
    });
    const errors: unknown[] = [];
    await client.execute(ListActiveUsersDocument); // success
    server.current.faults.enqueue({ kind: 'status', status: 503 }, { kind: 'drop' }, { kind: 'rateLimit', retryAfter: '0' });
    errors.push(await rejectionOf(client.execute(ListActiveUsersDocument, {}, { retry: { maxAttempts: 3 } }))); // retries, then 429
    server.current.faults.enqueue({ kind: 'nonJson' });
    errors.push(await rejectionOf(client.execute(ListActiveUsersDocument)));
    // A server that echoes the secret back must not get it into an error.
    server.current.faults.enqueue({ kind: 'response', status: 400, body: { errors: [{ message: `bad secret ${secret}` }] } });
    errors.push(await rejectionOf(client.execute(ListActiveUsersDocument)));
    server.current.faults.enqueue({ kind: 'response', status: 502, body: `upstream said ${secret}` });
    errors.push(await rejectionOf(client.execute(ListActiveUsersDocument, {}, { retry: false })));
    errors.push(await rejectionOf(client.execute(InviteUserDocument, { email: 'matt@acme.io', accountType: 'ADMIN' })));

    expect(events.some((e) => e.type === 'request')).toBe(true);
    expect(events.some((e) => e.type === 'retry')).toBe(true);
    expect(events.some((e) => e.type === 'error')).toBe(true);
    const views = [
      JSON.stringify(events),
      inspect(events, { depth: Infinity, showHidden: true }),
      ...errors.flatMap((error) => [
        String(error),
        (error as Error).stack ?? '',
        inspect(error, { depth: Infinity, showHidden: true }),
        JSON.stringify(error),
        JSON.stringify((error as { graphQLErrors?: unknown }).graphQLErrors),
      ]),
      inspect(client, { depth: Infinity, showHidden: true }),
      JSON.stringify(client),
    ];
    for (const view of views) expect(view).not.toContain(secret);
    // The redacted request headers still say which mode was used.
    const request = events.find((e) => e.type === 'request');
    expect(JSON.stringify(request)).toMatch(/\[redacted\]/);
  });
});
