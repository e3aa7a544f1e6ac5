import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import { consoleLogger, createClient, ListActiveUsersDocument, NetworkError, RosterError } from '../src/index.js';
import { adminClient, rejectionOf, useServer } from './helpers.js';

const server = useServer();

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const listener = createServer();
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as AddressInfo;
  await new Promise((resolve) => listener.close(resolve));
  return port;
}

describe('errors serialise and say where', () => {
  it('JSON.stringify(error) has its name, message, code and details, and no stack', async () => {
    server.current.faults.enqueue({ kind: 'status', status: 500 });
    const { client } = adminClient(server.current);
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toMatchObject({ name: 'ServerError', message: error.message, code: 'SERVER_ERROR', status: 500, attempts: 1, operationName: 'ListActiveUsers' });
    expect(json.message).toMatch(/^Server error in ListActiveUsers \(HTTP 500\)/);
    expect(json).not.toHaveProperty('stack');
  });

  it('a refused connection names the host and port', async () => {
    const port = await closedPort();
    const client = createClient({ apiEndpoint: `http://127.0.0.1:${port}/graphql`, ...EXAMPLE_CREDENTIALS.admin, retry: false });
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe(`Network error in ListActiveUsers: fetch failed (ECONNREFUSED 127.0.0.1:${port})`);
  });

  it('an https endpoint without a port names 443', async () => {
    const client = createClient({
      apiEndpoint: 'https://api.invalid/graphql',
      ...EXAMPLE_CREDENTIALS.admin,
      retry: false,
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    expect((await rejectionOf(client.execute(ListActiveUsersDocument))).message).toBe('Network error in ListActiveUsers: fetch failed (api.invalid:443)');
  });
});

describe('consoleLogger', () => {
  it('writes one line per event, secrets redacted', async () => {
    const lines: string[] = [];
    server.current.faults.enqueue({ kind: 'status', status: 503 }, { kind: 'status', status: 500 });
    const { client } = adminClient(server.current, { logger: consoleLogger((line) => lines.push(line)) });
    const error = await rejectionOf(client.execute(ListActiveUsersDocument));
    expect(error).toBeInstanceOf(RosterError);
    expect(lines.map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
      '[roster] request ListActiveUsers',
      '[roster] response ListActiveUsers',
      '[roster] retry ListActiveUsers',
      '[roster] request ListActiveUsers',
      '[roster] response ListActiveUsers',
      '[roster] error ListActiveUsers',
    ]);
    expect(lines[5]).toContain('"code":"SERVER_ERROR"');
    expect(lines.join('\n')).not.toContain(EXAMPLE_CREDENTIALS.admin.apiSecret);
    expect(lines[0]).toContain('"x-api-secret":"[redacted]"');
  });
});
