import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { describe, expect, it, vi } from 'vitest';
import { Roster, ValidationError } from '../src/index.js';
import { useWorkspace } from './helpers.js';

const ctx = useWorkspace();
const envOf = (url: string) => ({
  ROSTER_API_ENDPOINT: url,
  ROSTER_API_KEY: EXAMPLE_CREDENTIALS.admin.apiKey,
  ROSTER_API_SECRET: EXAMPLE_CREDENTIALS.admin.apiSecret,
});

describe('Roster.fromEnv', () => {
  it('sets itself up from ROSTER_API_ENDPOINT, ROSTER_API_KEY and ROSTER_API_SECRET', async () => {
    const roster = Roster.fromEnv(undefined, envOf(ctx.server.url));
    expect(await roster.users.listActive()).toHaveLength(3);
    expect(roster.toJSON()).toEqual({ endpoint: ctx.server.url, authMode: 'keyPair' });
  });

  it('reads process.env when no environment is given', async () => {
    for (const [name, value] of Object.entries(envOf(ctx.server.url))) vi.stubEnv(name, value);
    try {
      expect(await Roster.fromEnv().users.listInvited()).toHaveLength(2);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('lets overrides win, and ROSTER_DEBUG=1 log each request to standard error, redacted', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => lines.push(line));
    try {
      const roster = Roster.fromEnv({ apiEndpoint: new URL(ctx.server.url), retry: false }, { ...envOf('http://127.0.0.1:1/graphql'), ROSTER_DEBUG: '1' });
      await roster.users.listActive();
    } finally {
      spy.mockRestore();
    }
    expect(lines[0]).toMatch(/^\[roster\] request ListActiveUsers /);
    expect(lines.join('\n')).not.toContain(EXAMPLE_CREDENTIALS.admin.apiSecret);
  });

  it('reports every missing or invalid variable at once, naming the missing one, never a secret', () => {
    let error: unknown;
    try {
      Roster.fromEnv(undefined, { ROSTER_API_SECRET: 'sk_only_the_secret_value', ROSTER_API_ENDPOINT: 'not a url' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const { issues, message } = error as ValidationError;
    expect(issues).toEqual([
      { path: 'apiEndpoint', message: "must be an absolute http(s) URL, got 'not a url'" },
      { path: 'apiKey', message: 'is required with a key-pair secret (one that is not a prdm_wsp_ or prdm_cmp_ token) (ROSTER_API_KEY)' },
    ]);
    expect(`${message}${JSON.stringify(error)}`).not.toContain('sk_only_the_secret_value');
  });
});
