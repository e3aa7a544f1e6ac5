import { EXAMPLE_CREDENTIALS, startServer, type RosterServer } from '@roster/fixtures';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createClient, type ClientOptions, type RosterClient, type RosterLogEvent } from '../src/index.js';

/** One reference server for a test file, its faults and request log reset after each test. */
export function useServer(options: Parameters<typeof startServer>[0] = { seed: 'example' }): { readonly current: RosterServer } {
  const holder = {} as { current: RosterServer };
  beforeAll(async () => {
    holder.current = await startServer(options);
  });
  afterEach(() => {
    holder.current.faults.clear();
    holder.current.resetRequests();
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}

/** A client with the example admin key pair and short backoff waits, collecting its log events. */
export function adminClient(
  server: RosterServer,
  options: Partial<ClientOptions> = {},
): { client: RosterClient; events: RosterLogEvent[] } {
  const events: RosterLogEvent[] = [];
  const client = createClient({
    apiEndpoint: server.url,
    ...EXAMPLE_CREDENTIALS.admin,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    logger: (event) => events.push(event),
    ...options,
  });
  return { client, events };
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
