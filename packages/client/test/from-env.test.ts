import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import { clientOptionsFromEnv, createClient, createClientFromEnv, ListActiveUsersDocument, ValidationError } from '../src/index.js';
import { useServer } from './helpers.js';

const server = useServer();
const SECRET = 'sk_env_secret_value_42';

function validationErrorOf(create: () => unknown): ValidationError {
  try {
    create();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('createClientFromEnv', () => {
  it('reads ROSTER_API_ENDPOINT, ROSTER_API_KEY and ROSTER_API_SECRET, and calls the server with them', async () => {
    const client = createClientFromEnv(undefined, {
      ROSTER_API_ENDPOINT: server.current.url,
      ROSTER_API_KEY: EXAMPLE_CREDENTIALS.admin.apiKey,
      ROSTER_API_SECRET: EXAMPLE_CREDENTIALS.admin.apiSecret,
    });
    expect((await client.execute(ListActiveUsersDocument)).listUsers.activeUsers).toHaveLength(3);
    expect(server.current.requests[0]?.headers['x-api-key']).toBe(EXAMPLE_CREDENTIALS.admin.apiKey);
  });

  it('reads ROSTER_WORKSPACE_UID for a company token, and overrides win over the environment', async () => {
    const client = createClientFromEnv(
      { apiEndpoint: new URL(server.current.url), workspaceUid: undefined },
      { ROSTER_API_ENDPOINT: 'http://127.0.0.1:1/nowhere', ROSTER_API_SECRET: EXAMPLE_CREDENTIALS.adminCompanyToken, ROSTER_WORKSPACE_UID: EXAMPLE_CREDENTIALS.companyWorkspaceUid },
    );
    expect(client.authMode).toBe('companyToken');
    await client.execute(ListActiveUsersDocument);
    expect(server.current.requests[0]?.headers['x-paradime-workspace']).toBe(EXAMPLE_CREDENTIALS.companyWorkspaceUid);
  });

  it('reports every missing variable at once, naming the variable', () => {
    const error = validationErrorOf(() => createClientFromEnv(undefined, { ROSTER_API_KEY: '' }));
    expect(error.issues.map((issue) => issue.path)).toEqual(['apiEndpoint', 'apiSecret', 'apiKey']);
    expect(error.issues.map((issue) => issue.message)).toEqual([
      'must be an absolute http(s) URL, got undefined (ROSTER_API_ENDPOINT)',
      'is required (ROSTER_API_SECRET)',
      'is required with a key-pair secret (one that is not a prdm_wsp_ or prdm_cmp_ token) (ROSTER_API_KEY)',
    ]);
    expect(error.message).toMatch(/^Invalid client options: apiEndpoint must be an absolute http\(s\) URL, got undefined \(ROSTER_API_ENDPOINT\); /);
  });

  it('reports every invalid option at once and says what it received, never a secret', () => {
    const error = validationErrorOf(() =>
      createClient({ apiEndpoint: 'ftp://host/graphql', apiKey: '', apiSecret: `${SECRET}\n`, timeoutMs: -1, retry: { maxAttempts: 0 } }),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(['apiEndpoint', 'apiSecret', 'apiKey', 'timeoutMs', 'retry.maxAttempts']);
    expect(error.issues[0]?.message).toBe("must be an absolute http(s) URL, got 'ftp://host/graphql'");
    expect(error.issues[2]?.message).toMatch(/got an empty string$/);
    for (const view of [error.message, String(error.stack), JSON.stringify(error)]) expect(view).not.toContain(SECRET);
    // The message never repeats the path: the error's message joins them.
    for (const issue of error.issues) expect(issue.message.startsWith(issue.path)).toBe(false);
    expect(error.message).toContain('timeoutMs must be 1 to 2147483647 ms, got -1');
  });

  it('accepts a URL object as apiEndpoint', () => {
    const client = createClient({ apiEndpoint: new URL(server.current.url), ...EXAMPLE_CREDENTIALS.admin });
    expect(client.endpoint).toBe(server.current.url);
  });

  it('ROSTER_DEBUG=1 installs the console logger; an empty variable counts as unset', () => {
    expect(clientOptionsFromEnv({ ROSTER_DEBUG: '1' }).logger).toBeTypeOf('function');
    expect(clientOptionsFromEnv({ ROSTER_DEBUG: '0', ROSTER_API_KEY: '' })).toMatchObject({ logger: undefined, apiKey: undefined });
  });
});
