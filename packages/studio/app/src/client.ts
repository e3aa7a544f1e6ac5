import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { rateLimitExchange } from './retry-exchange';
import type { StatusStore } from './status';

/** The urql client of the page: same-origin, POST only, the session cookie sent by the browser. */
export function createStudioClient(status: StatusStore): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, rateLimitExchange(status), fetchExchange],
    // The studio server takes POST only (a GET would be a simple request another site can send).
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
  });
}
