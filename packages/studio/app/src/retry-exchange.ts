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
 * did not act, so mutations are retried too. urql's own retry exchange neither honours
 * `Retry-After` nor reports its waits, hence this one.
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
