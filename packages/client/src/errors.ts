/** One GraphQL error as a server reported it (the fields Roster reads; the rest is kept). */
export interface GraphQLErrorInfo {
  /** The server's description of the error. */
  readonly message: string;
  /** Where in the response data the error happened, e.g. `['inviteUser']`; absent for request-level errors. */
  readonly path?: readonly (string | number)[];
  /** Extra, server-specific details; absent when the server sent none. */
  readonly extensions?: {
    /** The server's error code, e.g. `BAD_USER_INPUT`; Roster maps the known codes to its error classes. */
    readonly code?: string;
    readonly [key: string]: unknown;
  };
  readonly [key: string]: unknown;
}

/** Every `code` a {@link RosterError} can carry. New codes may be added in minor releases. */
export type RosterErrorCode =
  | 'VALIDATION'
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FAILED_PRECONDITION'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'UNEXPECTED_RESPONSE'
  | 'OPERATION_FAILED'
  | 'GRAPHQL_ERROR'
  | 'HTTP_ERROR'
  | 'NOT_SUPPORTED';

/** What a {@link RosterError} knows about the failed call; every field is optional. */
export interface RosterErrorDetails {
  /** The GraphQL operation that failed, e.g. `InviteUser`. */
  operationName?: string | undefined;
  /** HTTP status of the last response, when there was one. */
  status?: number | undefined;
  /** The GraphQL `errors` of the last response. */
  graphQLErrors?: readonly GraphQLErrorInfo[] | undefined;
  /** Partial `data` of the last response, when the server sent some next to its errors. */
  data?: unknown;
  /** Response headers of the last response (lower-case names). */
  headers?: Readonly<Record<string, string>> | undefined;
  /** How many HTTP attempts were made; 0 when the call failed before sending anything. */
  attempts?: number | undefined;
  /** The underlying error (a `fetch` rejection, a JSON parse error…). */
  cause?: unknown;
}

/**
 * The base class of every error Roster throws. Catch it to handle all of them; test
 * `instanceof` a subclass, or `code`, for a specific one.
 *
 * @example
 * ```ts
 * try { await roster.users.invite({ email, accountType: 'ADMIN' }); }
 * catch (error) {
 *   if (error instanceof RateLimitError) console.log(`retry in ${error.retryAfterMs} ms`);
 *   else if (error instanceof RosterError) console.log(error.code, error.operationName);
 *   else throw error;
 * }
 * ```
 */
export class RosterError extends Error {
  /** A stable, machine-readable code. */
  readonly code: RosterErrorCode;
  /** The GraphQL operation that failed, when the error comes from a call. */
  readonly operationName: string | undefined;
  /** HTTP status of the last response, or `undefined` when none was received. */
  readonly status: number | undefined;
  /** The GraphQL `errors` of the last response (empty when there were none). */
  readonly graphQLErrors: readonly GraphQLErrorInfo[];
  /** Partial `data` that came with the errors, if any. */
  readonly data: unknown;
  /** Response headers of the last response (lower-case names), if any. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** HTTP attempts made before giving up (0 when nothing was sent). */
  readonly attempts: number;

  constructor(code: RosterErrorCode, message: string, details: RosterErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = code;
    this.operationName = details.operationName;
    this.status = details.status;
    this.graphQLErrors = details.graphQLErrors ?? [];
    this.data = details.data;
    this.headers = details.headers;
    this.attempts = details.attempts ?? 0;
  }
}

/** Bad input: caught by Roster before any request (`VALIDATION`), or rejected by the server (`BAD_USER_INPUT`). */
export class ValidationError extends RosterError {
  /** Each problem found, with the path of the offending field. */
  readonly issues: readonly {
    /** The offending field, e.g. `email` or `retry.maxAttempts`; `''` for the input as a whole. */
    readonly path: string;
    /** What is wrong with it, e.g. `must be an absolute http(s) URL`. */
    readonly message: string;
  }[];
  constructor(
    message: string,
    details: RosterErrorDetails & { issues?: readonly { path: string; message: string }[]; code?: 'VALIDATION' | 'BAD_USER_INPUT' } = {},
  ) {
    super(details.code ?? 'VALIDATION', message, details);
    this.issues = details.issues ?? [];
  }
}

/** The credentials were missing or wrong (HTTP 401, `UNAUTHENTICATED`). */
export class AuthenticationError extends RosterError {
  constructor(message: string, details?: RosterErrorDetails) {
    super('UNAUTHENTICATED', message, details);
  }
}

/** The credentials are valid but may not do this, e.g. a viewer key calling a mutation (HTTP 403, `FORBIDDEN`). */
export class PermissionError extends RosterError {
  constructor(message: string, details?: RosterErrorDetails) {
    super('FORBIDDEN', message, details);
  }
}

/** The user, invitation or other object does not exist (HTTP 404, `NOT_FOUND`). */
export class NotFoundError extends RosterError {
  constructor(message: string, details?: RosterErrorDetails) {
    super('NOT_FOUND', message, details);
  }
}

/** The change clashes with the current state, e.g. inviting an active member's address (HTTP 409, `CONFLICT`). */
export class ConflictError extends RosterError {
  constructor(message: string, details?: RosterErrorDetails & { code?: 'CONFLICT' | 'FAILED_PRECONDITION' }) {
    super(details?.code ?? 'CONFLICT', message, details);
  }
}

/** The server refused the change under a rule of the workspace, e.g. removing its last admin (`FAILED_PRECONDITION`). */
export class PreconditionError extends ConflictError {
  constructor(message: string, details?: RosterErrorDetails) {
    super(message, { ...details, code: 'FAILED_PRECONDITION' });
  }
}

/** Too many requests (HTTP 429 or 420) after every allowed retry. */
export class RateLimitError extends RosterError {
  /** How long the server asked to wait, in milliseconds, from its `Retry-After` header; `undefined` if it did not say. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, details: RosterErrorDetails & { retryAfterMs?: number | undefined } = {}) {
    super('RATE_LIMITED', message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** The server failed (HTTP 5xx, or a GraphQL `INTERNAL_SERVER_ERROR`) after every allowed retry. */
export class ServerError extends RosterError {
  constructor(message: string, details?: RosterErrorDetails) {
    super('SERVER_ERROR', message, details);
  }
}

/** No response: the connection failed or was dropped, after every allowed retry. */
export class NetworkError extends RosterError {
  constructor(message: string, details?: RosterErrorDetails) {
    super('NETWORK_ERROR', message, details);
  }
}

/** An attempt took longer than `timeoutMs`, or the retry `deadlineMs` ran out. */
export class TimeoutError extends RosterError {
  /** The time limit that ran out, in milliseconds. */
  readonly timeoutMs: number;
  constructor(message: string, details: RosterErrorDetails & { timeoutMs: number }) {
    super('TIMEOUT', message, details);
    this.timeoutMs = details.timeoutMs;
  }
}

/** The caller aborted the call through its `AbortSignal`. Named `AbortError` like the DOM's. */
export class AbortError extends RosterError {
  constructor(message: string, details?: RosterErrorDetails) {
    super('ABORTED', message, details);
  }
}

/** The response was not a GraphQL response: a non-JSON body, `data: null` without errors, or a wrong shape. */
export class UnexpectedResponseError extends RosterError {
  constructor(message: string, details?: RosterErrorDetails) {
    super('UNEXPECTED_RESPONSE', message, details);
  }
}

/** The server answered `ok: false`: it did not make the change, and said no more. */
export class OperationFailedError extends RosterError {
  constructor(message: string, details?: RosterErrorDetails) {
    super('OPERATION_FAILED', message, details);
  }
}

/** A GraphQL error Roster has no more specific class for (its `extensions.code` is in {@link RosterError.graphQLErrors}). */
export class GraphQLResponseError extends RosterError {
  constructor(message: string, details?: RosterErrorDetails) {
    super('GRAPHQL_ERROR', message, details);
  }
}

/** An HTTP error status Roster has no more specific class for (e.g. 400, 413). */
export class HttpError extends RosterError {
  constructor(message: string, details?: RosterErrorDetails) {
    super('HTTP_ERROR', message, details);
  }
}

/** The server does not offer this operation (it speaks only the documented core of the API). */
export class NotSupportedError extends RosterError {
  constructor(message: string, details?: RosterErrorDetails) {
    super('NOT_SUPPORTED', message, details);
  }
}
