import type { Credentials } from './auth.js';
import type { Logger } from './events.js';
import type { RetryOptions } from './retry.js';

/** What the client passes to `fetch`: a POST of a JSON string, its headers, and a signal. */
export interface FetchInit {
  /** Always `'POST'`: every operation, queries included, is posted. */
  readonly method: 'POST';
  /** The headers to send (lower-case names): `accept`, `content-type`, `user-agent`, any extra headers, then the credentials. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON request body: `{"query":…,"operationName":…,"variables":…}`. */
  readonly body: string;
  /** Aborted when the attempt's time limit runs out or the caller's own signal aborts. */
  readonly signal: AbortSignal;
  /**
   * Redirects are not followed: the credentials must not be re-sent wherever a 3xx points.
   * A redirect fails the attempt with a `NetworkError` (`fetch failed (unexpected redirect)`).
   */
  readonly redirect: 'error';
}

/**
 * What the client reads of a response: the status, the headers (only to report a failure)
 * and the body as text. A WHATWG `Response` has all of it; a lighter object will do.
 */
export interface FetchResponse {
  /** The HTTP status code, e.g. 200 or 429. */
  readonly status: number;
  /** The response headers; read only to report a failure (e.g. `retry-after`). */
  readonly headers: {
    /** Calls `callback` once per header with its value and its name (lower-case, as `Headers` gives it). */
    forEach(callback: (value: string, name: string) => void): void;
  };
  /** Reads the whole body as text; the client then parses it as JSON. */
  text(): Promise<string>;
}

/**
 * The `fetch` function the client calls; the global one unless you pass another.
 * `globalThis.fetch` fits, and so does any function that answers with a {@link FetchResponse},
 * e.g. `createUndiciFetch()` from `@roster/undici`.
 */
export type FetchLike = (input: string, init: FetchInit) => Promise<FetchResponse>;

/** Options of {@link createClient}. Credentials follow {@link Credentials}. */
export interface ClientOptions extends Credentials {
  /** The GraphQL endpoint, an absolute `http:` or `https:` URL (a string or a `URL`); `ROSTER_API_ENDPOINT` for {@link createClientFromEnv}. */
  apiEndpoint: string | URL;
  /**
   * Time limit of each HTTP attempt, in milliseconds; each retry gets a fresh one.
   * @defaultValue 60_000 (as the Python SDK)
   */
  timeoutMs?: number | undefined;
  /**
   * Retry policy of every call, or `false` for a single attempt. A call's own `retry` overrides it.
   * @defaultValue see {@link RetryOptions}
   */
  retry?: RetryOptions | false | undefined;
  /** Extra headers sent with every request (they cannot replace the authentication headers). */
  headers?: Readonly<Record<string, string>> | undefined;
  /**
   * Appended to the `User-Agent` header, e.g. `"my-app/1.2"`. (Browsers do not let a page set it.)
   * @defaultValue none: the header is `roster-client/<version>`
   */
  userAgent?: string | undefined;
  /**
   * The `fetch` implementation, e.g. for a proxy agent, instrumentation or tests.
   * @defaultValue `globalThis.fetch`
   */
  fetch?: FetchLike | undefined;
  /** Receives typed events for each request, response, retry and final error; secrets redacted. */
  logger?: Logger | undefined;
  /**
   * Names of further mutations that are safe to repeat, so that server errors, dropped
   * connections and time-outs retry them. Queries and the documented mutations
   * (`InviteUser`, `UpdateUserAccountType`, `DisableUser`) always are.
   * @defaultValue []
   */
  idempotentMutations?: readonly string[] | undefined;
}

/** Options of one call; they override the client's for that call only. */
export interface CallOptions {
  /** Aborts the call: the request in flight, or the wait before a retry. */
  signal?: AbortSignal | undefined;
  /** Time limit of each attempt of this call, in milliseconds. */
  timeoutMs?: number | undefined;
  /** Retry policy of this call, merged over the client's, or `false` for a single attempt. */
  retry?: RetryOptions | false | undefined;
  /** Extra headers for this call. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Whether this call may be repeated safely; overrides the per-operation default. */
  idempotent?: boolean | undefined;
  /** Called when the call succeeds, with how many HTTP attempts it took (retries included); an exception it throws rejects the call. */
  onSuccess?: ((attempts: number) => void) | undefined;
}
