import type { RosterError, RosterErrorCode } from './errors.js';

/** Sent before each HTTP attempt. Secrets in `headers` are redacted. */
export interface RequestEvent {
  readonly type: 'request';
  readonly operationName: string;
  readonly operationType: 'query' | 'mutation' | 'subscription';
  /** 1 for the first attempt, 2 for the first retry… */
  readonly attempt: number;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Sent after each HTTP attempt that got a response, successful or not. */
export interface ResponseEvent {
  readonly type: 'response';
  readonly operationName: string;
  readonly attempt: number;
  readonly status: number;
  /** Time from sending the request to reading the whole body. */
  readonly durationMs: number;
}

/** Sent when a failed attempt will be retried, before the wait. */
export interface RetryEvent {
  readonly type: 'retry';
  readonly operationName: string;
  /** The attempt that failed. */
  readonly attempt: number;
  /** How long Roster waits before the next attempt. */
  readonly delayMs: number;
  /** Why: the failed attempt's error code, status and message. */
  readonly reason: { readonly code: RosterErrorCode; readonly status: number | undefined; readonly message: string };
}

/** Sent once when a call fails for good. */
export interface ErrorEvent {
  readonly type: 'error';
  readonly operationName: string;
  readonly attempts: number;
  /** Time from the start of the call, all attempts and waits included. */
  readonly durationMs: number;
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
