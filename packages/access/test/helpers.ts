import { EXAMPLE_CREDENTIALS, startServer, type RosterServer } from '@roster/fixtures';
import { Roster, type RosterOptions } from '@roster/users';
import { afterEach, beforeEach } from 'vitest';

/** A fresh reference server for every test of the file. */
export function useServer(options: Parameters<typeof startServer>[0] = { seed: 'example' }): { readonly server: RosterServer } {
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
export async function rejectionOf(promise: Promise<unknown> | (() => unknown)): Promise<Error> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure, but it succeeded');
}

/** The GraphQL operation names the server received, in order. */
export const operationsOf = (server: RosterServer): string[] =>
  server.requests.map((request) => String((request.body as { operationName?: string } | undefined)?.operationName));

/** The mutations the server executed (HTTP 200, no GraphQL error), with their variables, in order. */
export function executedMutations(server: RosterServer): { operation: string; variables: Record<string, unknown> }[] {
  const reads = new Set(['ListUsers', 'ListUsersPage', 'ListUsersWithGroups', 'ListGroups', 'RosterServerInfo', 'ListActiveUsers', 'ListInvitedUsers']);
  const done: { operation: string; variables: Record<string, unknown> }[] = [];
  for (const request of server.requests) {
    const body = request.body as { operationName?: string; variables?: Record<string, unknown> } | undefined;
    if (!body?.operationName || reads.has(body.operationName) || request.status !== 200) continue;
    done.push({ operation: body.operationName, variables: body.variables ?? {} });
  }
  return done;
}
