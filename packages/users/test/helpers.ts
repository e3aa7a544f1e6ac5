import { EXAMPLE_CREDENTIALS, startServer, type RosterServer } from '@roster/fixtures';
import { afterEach, beforeEach } from 'vitest';
import { Roster, type RosterOptions } from '../src/index.js';

/** A fresh example workspace for every test, so each test sees the documented state. */
export function useWorkspace(options: Parameters<typeof startServer>[0] = { seed: 'example' }): { readonly server: RosterServer } {
  const holder = {} as { server: RosterServer };
  beforeEach(async () => {
    holder.server = await startServer(options);
  });
  afterEach(async () => {
    await holder.server.close();
  });
  return holder;
}

/** A Roster with the example admin key pair and short backoff waits. */
export function rosterFor(server: RosterServer, options: Partial<RosterOptions> = {}): Roster {
  return new Roster({ apiEndpoint: server.url, ...EXAMPLE_CREDENTIALS.admin, retry: { baseDelayMs: 5, maxDelayMs: 20 }, ...options });
}

/** The rejection of a promise, failing the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** GraphQL operation names of the requests the server received, in order. */
export const operationsOf = (server: RosterServer): string[] =>
  server.requests.map((request) => String((request.body as { operationName?: string } | undefined)?.operationName));
