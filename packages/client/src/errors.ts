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
  | 'NOT_SUPPORTED'
  | 'UNKNOWN';

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

// Every Roster error carries this brand, so that an error made by one copy of the package
// (its CommonJS build) is still an instance of the other copy's classes (its ESM build).
const BRAND = Symbol.for('@roster/client.RosterError');

/**
 * The base class of every error Roster throws. Catch it to handle all of them; test
 * `instanceof` a subclass, or `code`, for a specific one.
 *
 * `instanceof` works across copies of `@roster/client` (its ESM and CommonJS builds loaded
 * side by side): an error is an instance of a class when a class of the same name is on its
 * prototype chain. {@link isRosterError} says the same for the base class.
 * `JSON.stringify(error)` gives its `name`, `message`, `code` and details.
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

  /** @param details - what is known of the failed call; `code` is the subclass's own unless given. */
  constructor(message: string, details: RosterErrorDetails & { code?: RosterErrorCode | undefined } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = details.code ?? 'UNKNOWN';
    this.operationName = details.operationName;
    this.status = details.status;
    this.graphQLErrors = details.graphQLErrors ?? [];
    this.data = details.data;
    this.headers = details.headers;
    this.attempts = details.attempts ?? 0;
  }

  /** @internal The brand {@link isRosterError} looks for. */
  get [BRAND](): true {
    return true;
  }

  /** @internal Compares by brand and class name, so that errors of another copy of the package match. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    for (let proto = (isRosterError(value) ? Object.getPrototypeOf(value) : null) as object | null; proto; proto = Object.getPrototypeOf(proto) as object | null) {
      if ((proto as { constructor: { name: string } }).constructor.name === this.name) return true;
    }
    return false;
  }

  /** What `JSON.stringify` shows: `name`, `message`, `code` and the details (never a stack). */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message };
  }
}

/**
 * Whether a value is a {@link RosterError}, from this copy of `@roster/client` or another
 * (its ESM and CommonJS builds loaded side by side); the same as `value instanceof RosterError`.
 * @example
 * ```ts
 * catch (error) { if (isRosterError(error)) console.error(error.code, error.message); else throw error; }
 * ```
 */
export function isRosterError(value: unknown): value is RosterError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** Bad input: caught by Roster before any request (`VALIDATION`), or rejected by the server (`BAD_USER_INPUT`). */
export class ValidationError extends RosterError {
  /** `VALIDATION` when Roster found the problem, `BAD_USER_INPUT` when the server did. */
  declare readonly code: 'VALIDATION' | 'BAD_USER_INPUT';
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
    super(message, { ...details, code: details.code ?? 'VALIDATION' });
    this.issues = details.issues ?? [];
  }
}

/** The credentials were missing or wrong (HTTP 401, `UNAUTHENTICATED`). */
export class AuthenticationError extends RosterError {
  /** Always `UNAUTHENTICATED`. */
  override readonly code = 'UNAUTHENTICATED';
}

/** The credentials are valid but may not do this, e.g. a viewer key calling a mutation (HTTP 403, `FORBIDDEN`). */
export class PermissionError extends RosterError {
  /** Always `FORBIDDEN`. */
  override readonly code = 'FORBIDDEN';
}

/** The user, invitation or other object does not exist (HTTP 404, `NOT_FOUND`). */
export class NotFoundError extends RosterError {
  /** Always `NOT_FOUND`. */
  override readonly code = 'NOT_FOUND';
}

/** The change clashes with the current state, e.g. inviting an active member's address (HTTP 409, `CONFLICT`). */
export class ConflictError extends RosterError {
  /** `CONFLICT`, or `FAILED_PRECONDITION` for a {@link PreconditionError}. */
  override readonly code: 'CONFLICT' | 'FAILED_PRECONDITION' = 'CONFLICT';
}

/** The server refused the change under a rule of the workspace, e.g. removing its last admin (`FAILED_PRECONDITION`). */
export class PreconditionError extends ConflictError {
  /** Always `FAILED_PRECONDITION`. */
  override readonly code = 'FAILED_PRECONDITION';
}

/** Too many requests (HTTP 429 or 420) after every allowed retry. */
export class RateLimitError extends RosterError {
  /** How long the server asked to wait, in milliseconds, from its `Retry-After` header; `undefined` if it did not say. */
  readonly retryAfterMs: number | undefined;
  /** Always `RATE_LIMITED`. */
  override readonly code = 'RATE_LIMITED';
  constructor(message: string, details: RosterErrorDetails & { retryAfterMs?: number | undefined } = {}) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** The server failed (HTTP 5xx, or a GraphQL `INTERNAL_SERVER_ERROR`) after every allowed retry. */
export class ServerError extends RosterError {
  /** Always `SERVER_ERROR`. */
  override readonly code = 'SERVER_ERROR';
}

/** No response: the connection failed or was dropped, after every allowed retry. */
export class NetworkError extends RosterError {
  /** Always `NETWORK_ERROR`. */
  override readonly code = 'NETWORK_ERROR';
}

/** An attempt took longer than `timeoutMs`, or the retry `deadlineMs` ran out. */
export class TimeoutError extends RosterError {
  /** The time limit that ran out, in milliseconds. */
  readonly timeoutMs: number;
  /** Always `TIMEOUT`. */
  override readonly code = 'TIMEOUT';
  constructor(message: string, details: RosterErrorDetails & { timeoutMs: number }) {
    super(message, details);
    this.timeoutMs = details.timeoutMs;
  }
}

/** The caller aborted the call through its `AbortSignal`. Named `AbortError` like the DOM's. */
export class AbortError extends RosterError {
  /** Always `ABORTED`. */
  override readonly code = 'ABORTED';
}

/** The response was not a GraphQL response: a non-JSON body, `data: null` without errors, or a wrong shape. */
export class UnexpectedResponseError extends RosterError {
  /** Always `UNEXPECTED_RESPONSE`. */
  override readonly code = 'UNEXPECTED_RESPONSE';
}

/** The server answered `ok: false`: it did not make the change, and said no more. */
export class OperationFailedError extends RosterError {
  /** Always `OPERATION_FAILED`. */
  override readonly code = 'OPERATION_FAILED';
}

/** A GraphQL error Roster has no more specific class for (its `extensions.code` is in {@link RosterError.graphQLErrors}). */
export class GraphQLResponseError extends RosterError {
  /** Always `GRAPHQL_ERROR`. */
  override readonly code = 'GRAPHQL_ERROR';
}

/** An HTTP error status Roster has no more specific class for (e.g. 400, 413). */
export class HttpError extends RosterError {
  /** Always `HTTP_ERROR`. */
  override readonly code = 'HTTP_ERROR';
}

/** The server does not offer this operation (it speaks only the documented core of the API). */
export class NotSupportedError extends RosterError {
  /** Always `NOT_SUPPORTED`. */
  override readonly code = 'NOT_SUPPORTED';
}
