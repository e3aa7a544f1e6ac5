import type { Credentials } from './auth.js';
import type { Logger } from './events.js';
import type { RetryOptions } from './retry.js';

/** The `fetch` function the client calls; the global one unless you pass another. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Options of {@link createClient}. Credentials follow {@link Credentials}. */
export interface ClientOptions extends Credentials {
  /** The GraphQL endpoint, an absolute `http:` or `https:` URL. */
  apiEndpoint: string;
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
}
