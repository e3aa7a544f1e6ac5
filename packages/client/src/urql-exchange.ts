import { CombinedError, type Exchange, type Operation, type OperationResult, type TypedDocumentNode } from '@urql/core';
import type { RosterClient } from './client.js';
import { isRosterError } from './errors.js';

// The exchange speaks wonka's stream protocol by hand instead of composing wonka's operators
// (share, filter, mergeMap, takeUntil, merge): those operators were 1.1 kB of the 12 kB
// gzipped budget of @roster/users for what fits in these few lines. The protocol: a source
// is called with a sink; a sink receives Start (`{ tag: 0, 0: talkback }`) first, then Push
// (`{ tag: 1, 0: value }`) signals, then End (`0`); a talkback receives Pull (`0`) or Close (`1`).
type Talkback = (signal: 0 | 1) => void;
type Signal<T> = 0 | { readonly tag: 0; readonly 0: Talkback } | { readonly tag: 1; readonly 0: T };
type Sink<T> = (signal: Signal<T>) => void;
type Source<T> = (sink: Sink<T>) => void;

const start = (talkback: Talkback): Signal<never> => ({ tag: 0, 0: talkback });
const push = <T>(value: T): Signal<T> => ({ tag: 1, 0: value });

/**
 * An urql exchange that sends queries and mutations through a {@link RosterClient}, so
 * that an urql `Client` (and urql's React or Vue bindings) gets Roster's authentication,
 * retries, time-outs and typed errors. Put it last, in place of `fetchExchange`.
 *
 * Through urql, identical queries in flight at once are merged into one request, and a
 * `cacheExchange` in front of this one caches results: the right behaviour for a UI. A
 * failed result's `error.networkError` is the {@link RosterError}; its GraphQL errors are
 * also in `error.graphQLErrors`. A torn-down operation (its component unmounted) aborts its request.
 *
 * @example
 * ```ts
 * import { Client, cacheExchange } from '@urql/core';
 * const urql = new Client({ url: roster.endpoint, exchanges: [cacheExchange, rosterExchange(roster)] });
 * ```
 */
export function rosterExchange(client: RosterClient): Exchange {
  const io = ({ forward }: { forward: (operations$: Source<Operation>) => Source<OperationResult> }) =>
    (operations$: Source<Operation>): Source<OperationResult> =>
    (sink) => {
      const inFlight = new Set<{ key: number; controller: AbortController }>();
      const forwardSinks = new Set<Sink<Operation>>();
      let operationsTalkback: Talkback = () => {};
      let resultsTalkback: Talkback = () => {};
      let closed = false;
      const abort = (key?: number) => {
        for (const entry of inFlight) {
          if (key === undefined || entry.key === key) {
            entry.controller.abort();
            inFlight.delete(entry);
          }
        }
      };
      sink(
        start((signal) => {
          // Results are pushed as they arrive; only a Close means anything here.
          if (signal === 1 && !closed) {
            closed = true;
            abort();
            operationsTalkback(1);
            resultsTalkback(1);
          }
        }),
      );
      // Everything but queries and mutations (teardowns, subscriptions) goes on to the next exchange.
      forward((forwardSink) => {
        forwardSinks.add(forwardSink);
        forwardSink(start((signal) => signal === 1 && forwardSinks.delete(forwardSink)));
      })((signal) => {
        if (signal === 0) {
          // The next exchanges ended (after the operations did): end too, dropping what is in flight.
          if (!closed) {
            closed = true;
            abort();
            sink(0);
          }
        } else if (signal.tag === 0) {
          (resultsTalkback = signal[0])(0);
        } else if (!closed) {
          sink(signal);
          resultsTalkback(0);
        }
      });
      operations$((signal) => {
        if (signal === 0) {
          for (const forwardSink of forwardSinks) forwardSink(0);
          return;
        }
        if (signal.tag === 0) {
          (operationsTalkback = signal[0])(0);
          return;
        }
        const operation = signal[0];
        if (operation.kind === 'query' || operation.kind === 'mutation') send(operation);
        else {
          if (operation.kind === 'teardown') abort(operation.key);
          for (const forwardSink of forwardSinks) forwardSink(push(operation));
        }
        if (!closed) operationsTalkback(0);
      });

      function send(operation: Operation): void {
        const entry = { key: operation.key, controller: new AbortController() };
        inFlight.add(entry);
        // The result as urql's makeResult and makeErrorResult build it, for a single answer.
        const settle = (data: unknown, error?: CombinedError) => {
          if (!entry.controller.signal.aborted && !closed) {
            inFlight.delete(entry);
            sink(push({ operation, data, error, extensions: undefined, hasNext: false, stale: false } as unknown as OperationResult));
          }
        };
        client
          .execute(operation.query as TypedDocumentNode<Record<string, unknown>, object>, operation.variables as object, { signal: entry.controller.signal })
          .then(
            (data) => settle(data),
            (error: Error) => settle(undefined, new CombinedError({ networkError: error, graphQLErrors: isRosterError(error) ? [...error.graphQLErrors] : [] })),
          );
      }
    };
  return io as unknown as Exchange;
}
