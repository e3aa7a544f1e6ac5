import type { CombinedError, Exchange, Operation, OperationResult } from '@urql/core';
import { filter, fromValue, delay, makeSubject, merge, mergeMap, pipe, share, takeUntil } from 'wonka';
import type { StatusStore } from './status';

/** How often one operation is sent while the API keeps answering "rate limited". */
export const MAX_ATTEMPTS = 6;
const FALLBACK_WAIT_MS = 1_000;

/** The `RATE_LIMITED` error of a result, with the wait the API asked for. */
export function rateLimitOf(error: CombinedError | undefined): { message: string; retryAfterMs: number } | undefined {
  const found = error?.graphQLErrors.find((e) => e.extensions?.code === 'RATE_LIMITED');
  if (!found) return undefined;
  const after = found.extensions.retryAfterMs;
  return { message: found.message, retryAfterMs: typeof after === 'number' && after >= 0 ? after : FALLBACK_WAIT_MS };
}

/**
 * Waits out rate limits in the page, where the user can see it: the studio server hands a
 * 429 over at once with the API's `Retry-After`, and this exchange shows the wait in the
 * banner and sends the operation again, up to {@link MAX_ATTEMPTS} times. A 429 means the API
 * did not act, so mutations are retried too.
 *
 * Hand-written because `@urql/exchange-retry` (2.0.0, checked against its published code)
 * cannot do either part. The wait: it computes each delay itself, from `initialDelayMs` or the
 * previous delay, times a random factor of 1.5 to 2.5 (or `count × initialDelayMs` with
 * `randomDelay: false`), capped by `maxDelayMs`; `retryWith` may return a new operation but has
 * no say in the delay, short of writing the exchange's undocumented `context.retry` state, and
 * even then the random factor is applied to it. So a `Retry-After: 0.3` would be waited 0.45 to
 * 0.75 s, or a fixed guess, not what the API asked. The banner: it reports its waits only as
 * `retryAttempt` debug events, which are compiled out of production builds like this page, so
 * the page could not show how long it waits nor which attempt it is on.
 */
export function rateLimitExchange(status: StatusStore): Exchange {
  return ({ forward }) =>
    (operations$) => {
      const shared$ = pipe(operations$, share);
      const retries = makeSubject<Operation>();
      const teardown$ = pipe(
        shared$,
        filter((operation) => operation.kind === 'teardown'),
      );
      const attempts = new Map<number, number>();
      const results$ = pipe(
        merge([shared$, retries.source]),
        forward,
        share,
        mergeMap((result: OperationResult) => {
          const limited = rateLimitOf(result.error);
          const key = result.operation.key;
          const attempt = (attempts.get(key) ?? 1) + 1;
          if (!limited || attempt > MAX_ATTEMPTS || result.operation.kind === 'teardown') {
            attempts.delete(key);
            status.set(key, undefined);
            return fromValue(result);
          }
          attempts.set(key, attempt);
          status.set(key, {
            operationName: result.operation.query.definitions.map((d) => ('name' in d && d.name ? d.name.value : '')).join(''),
            message: limited.message,
            retryInMs: limited.retryAfterMs,
            attempt,
            maxAttempts: MAX_ATTEMPTS,
          });
          return pipe(
            fromValue(result.operation),
            delay(limited.retryAfterMs),
            takeUntil(pipe(teardown$, filter((op) => op.key === key))),
            mergeMap((operation) => {
              retries.next(operation);
              return pipe(fromValue(result), filter(() => false));
            }),
          );
        }),
      );
      return results$;
    };
}
