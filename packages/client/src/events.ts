import type { RosterError, RosterErrorCode } from './errors.js';

/** Sent before each HTTP attempt. Secrets in `headers` are redacted. */
export interface RequestEvent {
  /** Discriminant of {@link RosterLogEvent}: always `'request'`. */
  readonly type: 'request';
  /** The name of the GraphQL operation being sent, e.g. `InviteUser`. */
  readonly operationName: string;
  /** Whether the operation is a query, a mutation or a subscription. */
  readonly operationType: 'query' | 'mutation' | 'subscription';
  /** 1 for the first attempt, 2 for the first retry… */
  readonly attempt: number;
  /** The GraphQL endpoint the request is posted to (the client's `apiEndpoint`). */
  readonly url: string;
  /** The request headers (lower-case names), secrets redacted: `x-api-secret` and the `authorization` credential in full, `x-api-key` but for its last 4 characters. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Sent after each HTTP attempt that got a response, successful or not. */
export interface ResponseEvent {
  /** Discriminant of {@link RosterLogEvent}: always `'response'`. */
  readonly type: 'response';
  /** The name of the GraphQL operation that was sent, e.g. `InviteUser`. */
  readonly operationName: string;
  /** The attempt that got this response: 1 for the first, 2 for the first retry… */
  readonly attempt: number;
  /** The HTTP status code of the response (any status, including 4xx and 5xx). */
  readonly status: number;
  /** Time from sending the request to reading the whole body. */
  readonly durationMs: number;
}

/** Sent when a failed attempt will be retried, before the wait. */
export interface RetryEvent {
  /** Discriminant of {@link RosterLogEvent}: always `'retry'`. */
  readonly type: 'retry';
  /** The name of the GraphQL operation that will be retried, e.g. `InviteUser`. */
  readonly operationName: string;
  /** The attempt that failed. */
  readonly attempt: number;
  /** How long Roster waits before the next attempt. */
  readonly delayMs: number;
  /** Why: the failed attempt's error code, status and message. */
  readonly reason: {
    /** The failed attempt's {@link RosterError.code}, e.g. `NETWORK_ERROR` or `RATE_LIMITED`. */
    readonly code: RosterErrorCode;
    /** The HTTP status of the failed attempt, or `undefined` when no response was received (network error, time-out). */
    readonly status: number | undefined;
    /** The failed attempt's error message. */
    readonly message: string;
  };
}

/** Sent once when a call fails for good. */
export interface ErrorEvent {
  /** Discriminant of {@link RosterLogEvent}: always `'error'`. */
  readonly type: 'error';
  /** The name of the GraphQL operation that failed, e.g. `InviteUser`. */
  readonly operationName: string;
  /** How many HTTP attempts were made in all (0 when the call failed before sending anything). */
  readonly attempts: number;
  /** Time from the start of the call, all attempts and waits included. */
  readonly durationMs: number;
  /** The error the call rejects with. */
  readonly error: RosterError;
}

/** Everything a {@link Logger} receives. Switch on `type`. */
export type RosterLogEvent = RequestEvent | ResponseEvent | RetryEvent | ErrorEvent;

/**
 * Receives the client's log events. It is called synchronously on the request path: keep it
 * cheap. An exception it throws is swallowed, so logging can never break a call.
 * @example
 * ```ts
 * createClient({ ..., logger: (event) => console.debug(event.type, event.operationName) });
 * ```
 */
export type Logger = (event: RosterLogEvent) => void;
