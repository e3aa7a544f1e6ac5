import { CombinedError, makeErrorResult, makeResult, type Exchange, type Operation, type OperationResult, type TypedDocumentNode } from '@urql/core';
import { filter, make, merge, mergeMap, pipe, share, takeUntil } from 'wonka';
import type { RosterClient } from './client.js';
import { RosterError } from './errors.js';

/**
 * An urql exchange that sends queries and mutations through a {@link RosterClient}, so
 * that an urql `Client` (and urql's React or Vue bindings) gets Roster's authentication,
 * retries, time-outs and typed errors. Put it last, in place of `fetchExchange`.
 *
 * Through urql, identical queries in flight at once are merged into one request, and a
 * `cacheExchange` in front of this one caches results: the right behaviour for a UI. A
 * failed result's `error.networkError` is the {@link RosterError}; its GraphQL errors are
 * also in `error.graphQLErrors`.
 *
 * @example
 * ```ts
 * import { Client, cacheExchange } from '@urql/core';
 * const urql = new Client({ url: roster.endpoint, exchanges: [cacheExchange, rosterExchange(roster)] });
 * ```
 */
export function rosterExchange(client: RosterClient): Exchange {
  return ({ forward }) =>
    (operations$) => {
      const shared$ = share(operations$);
      const handled$ = pipe(
        shared$,
        filter((operation) => operation.kind === 'query' || operation.kind === 'mutation'),
        mergeMap((operation) => {
          const teardown$ = pipe(
            shared$,
            filter((next) => next.kind === 'teardown' && next.key === operation.key),
          );
          return pipe(send(client, operation), takeUntil(teardown$));
        }),
      );
      const forwarded$ = pipe(
        shared$,
        filter((operation) => operation.kind !== 'query' && operation.kind !== 'mutation'),
        forward,
      );
      return merge([handled$, forwarded$]);
    };
}

function send(client: RosterClient, operation: Operation) {
  return make<OperationResult>((observer) => {
    const controller = new AbortController();
    client.execute(operation.query as TypedDocumentNode<Record<string, unknown>, object>, operation.variables as object, { signal: controller.signal }).then(
      (data) => {
        observer.next(makeResult(operation, { data }));
        observer.complete();
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          const graphQLErrors = error instanceof RosterError ? [...error.graphQLErrors] : [];
          // makeErrorResult would wrap the error once more and drop the GraphQL errors.
          observer.next({
            ...makeErrorResult(operation, error as Error),
            error: new CombinedError({ networkError: error as Error, graphQLErrors }),
          });
        }
        observer.complete();
      },
    );
    return () => controller.abort();
  });
}
