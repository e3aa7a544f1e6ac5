import { Client, cacheExchange, fetchExchange, mapExchange } from '@urql/core';
import type { AccessStore } from './access';
import { isForbidden } from './errors';
import { rateLimitExchange } from './retry-exchange';
import type { StatusStore } from './status';

/** The urql client of the page: same-origin, POST only, the session cookie sent by the browser. */
export function createStudioClient(status: StatusStore, access: AccessStore): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange,
      // Any change refused as FORBIDDEN makes the whole page read-only.
      mapExchange({ onResult: (result) => void (result.operation.kind === 'mutation' && isForbidden(result.error) && access.markForbidden()) }),
      rateLimitExchange(status),
      fetchExchange,
    ],
    // The studio server takes POST only (a GET would be a simple request another site can send).
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
  });
}
