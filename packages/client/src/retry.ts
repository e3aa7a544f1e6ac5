import type { RosterError } from './errors.js';

/**
 * When and how often a failed call is tried again.
 *
 * Waits grow exponentially with full jitter: before retry `n` (1-based) Roster waits a
 * random time between 0 and `min(maxDelayMs, baseDelayMs * 2 ** (n - 1))`, or exactly what
 * the server's `Retry-After` asks (seconds, fractional seconds, or an HTTP date) when it sends one.
 */
export interface RetryOptions {
  /**
   * Total attempts, the first included; `1` turns retries off.
   * @defaultValue 3
   */
  maxAttempts?: number;
  /**
   * Upper bound of the first backoff wait, doubled for each further retry.
   * @defaultValue 300
   */
  baseDelayMs?: number;
  /**
   * Cap on one backoff wait (not on a server's `Retry-After`).
   * @defaultValue 10_000
   */
  maxDelayMs?: number;
  /**
   * The longest `Retry-After` Roster will honour. A server asking for longer fails the call
   * at once with a {@link RateLimitError} whose `retryAfterMs` says how long it asked for.
   * @defaultValue 60_000
   */
  maxRetryAfterMs?: number;
  /**
   * Overall time budget for all attempts and waits of one call, from its start. No retry
   * starts that would wait past it, and the last attempt's time-out is shortened to fit.
   * @defaultValue undefined (no overall deadline; each attempt still has its own time-out)
   */
  deadlineMs?: number | undefined;
  /**
   * HTTP statuses that are retried. 429 and 420 mean the request was not processed, so they
   * are retried for every operation; the others only for idempotent operations.
   * @defaultValue [420, 429, 502, 503, 504]
   */
  retryOnStatus?: readonly number[];
  /**
   * Whether a dropped connection or a time-out is retried (idempotent operations only).
   * @defaultValue true
   */
  retryOnNetworkError?: boolean;
}

/** {@link RetryOptions} with every default filled in. */
export type ResolvedRetry = Required<Omit<RetryOptions, 'deadlineMs' | 'retryOnStatus'>> & {
  deadlineMs: number | undefined;
  retryOnStatus: ReadonlySet<number>;
};

export const DEFAULT_RETRY: ResolvedRetry = {
  maxAttempts: 3,
  baseDelayMs: 300,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  deadlineMs: undefined,
  retryOnStatus: new Set([420, 429, 502, 503, 504]),
  retryOnNetworkError: true,
};

/** Merges retry options over a resolved base; `false` means one attempt. */
export function resolveRetry(base: ResolvedRetry, options: RetryOptions | false | undefined): ResolvedRetry {
  if (options === undefined) return base;
  if (options === false) return { ...base, maxAttempts: 1 };
  const merged = { ...base, ...stripUndefined(options) } as ResolvedRetry & RetryOptions;
  return {
    ...merged,
    retryOnStatus: options.retryOnStatus ? new Set(options.retryOnStatus) : base.retryOnStatus,
    deadlineMs: options.deadlineMs ?? base.deadlineMs,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Parses a `Retry-After` header into milliseconds: delay-seconds (fractional too, which
 * RFC 9110 does not allow but servers send) or an HTTP date, measured against the response's
 * own `Date` header when present so that clock skew between client and server cancels out.
 * Returns `undefined` for a missing or unreadable value.
 */
export function parseRetryAfter(value: string | null | undefined, dateHeader?: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP date always names its month; this keeps Date.parse from reading "-1" as a year.
  const at = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  const serverNow = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  return Math.max(0, at - (Number.isNaN(serverNow) ? now : serverNow));
}

/** The full-jitter backoff before retry number `retry` (1-based). */
export function backoffDelay(retry: number, policy: ResolvedRetry, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(random() * ceiling);
}

/**
 * Whether a failed attempt may be tried again under the policy. Rate limits are always
 * safe to retry (the server did not process the request); server errors, dropped
 * connections and time-outs only when the operation is idempotent, because the server may
 * have made the change before the failure reached us.
 */
export function isRetryable(error: RosterError, idempotent: boolean, policy: ResolvedRetry): boolean {
  switch (error.code) {
    case 'RATE_LIMITED':
      return error.status === undefined || policy.retryOnStatus.has(error.status);
    case 'SERVER_ERROR':
      return idempotent && error.status !== undefined && policy.retryOnStatus.has(error.status);
    case 'NETWORK_ERROR':
    case 'TIMEOUT':
      return idempotent && policy.retryOnNetworkError;
    default:
      return false;
  }
}
