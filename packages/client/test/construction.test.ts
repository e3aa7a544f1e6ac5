import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createClient, ValidationError, VERSION } from '../src/index.js';
import pkg from '../package.json' with { type: 'json' };

const endpoint = 'http://127.0.0.1:1/graphql';
const SECRET = 'sk_live_extremely_secret_value';

describe('createClient: authentication is chosen from the secret, as the Python SDK does', () => {
  it('a plain secret with a key is a key pair', () => {
    expect(createClient({ apiEndpoint: endpoint, apiKey: 'key', apiSecret: SECRET }).authMode).toBe('keyPair');
  });
  it('a prdm_wsp_ secret is a workspace token and needs no key', () => {
    expect(createClient({ apiEndpoint: endpoint, apiSecret: 'prdm_wsp_abc' }).authMode).toBe('workspaceToken');
  });
  it('a prdm_cmp_ secret is a company token and needs a workspace uid', () => {
    expect(createClient({ apiEndpoint: endpoint, apiSecret: 'prdm_cmp_abc', workspaceUid: 'w1' }).authMode).toBe(
      'companyToken',
    );
    expect(() => createClient({ apiEndpoint: endpoint, apiSecret: 'prdm_cmp_abc' })).toThrow(/workspaceUid is required/);
  });

  it.each([
    ['no key for a key-pair secret', { apiEndpoint: endpoint, apiSecret: SECRET }, /apiKey is required/],
    ['an empty secret', { apiEndpoint: endpoint, apiKey: 'k', apiSecret: '' }, /apiSecret must be a non-empty string/],
    ['a relative endpoint', { apiEndpoint: '/graphql', apiKey: 'k', apiSecret: SECRET }, /apiEndpoint/],
    ['a non-http endpoint', { apiEndpoint: 'ftp://x/graphql', apiKey: 'k', apiSecret: SECRET }, /apiEndpoint/],
    ['a line break in a header value', { apiEndpoint: endpoint, apiKey: 'k\r\nx-evil: 1', apiSecret: SECRET }, /line breaks/],
    ['a zero time-out', { apiEndpoint: endpoint, apiKey: 'k', apiSecret: SECRET, timeoutMs: 0 }, /timeoutMs/],
    ['zero attempts', { apiEndpoint: endpoint, apiKey: 'k', apiSecret: SECRET, retry: { maxAttempts: 0 } }, /maxAttempts/],
  ])('rejects %s with a ValidationError', (_title, options, message) => {
    let error: unknown;
    try {
      createClient(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('VALIDATION');
    expect((error as Error).message).toMatch(message);
    expect((error as ValidationError).issues.length).toBeGreaterThan(0);
    expect(String((error as Error).stack)).not.toContain(SECRET);
  });
});

describe('the secret stays private', () => {
  const client = createClient({ apiEndpoint: endpoint, apiKey: 'the-key', apiSecret: SECRET, headers: { 'x-extra': '1' } });
  it('is absent from util.inspect, JSON.stringify, String and the enumerable keys', () => {
    for (const view of [inspect(client, { showHidden: true, depth: 10 }), JSON.stringify(client), Object.keys(client).join()]) {
      expect(view).not.toContain(SECRET);
    }
    expect(JSON.parse(JSON.stringify(client))).toEqual({ endpoint, authMode: 'keyPair' });
  });
});

describe('VERSION', () => {
  it('matches package.json', () => {
    expect(VERSION).toBe(pkg.version);
  });
});
