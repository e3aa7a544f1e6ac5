import type { TypedDocumentNode } from '@urql/core';
import { redactHeaders, resolveAuth, type AuthMode, type ResolvedAuth } from './auth.js';
import { classifyFailure } from './classify.js';
import { NetworkError, OperationFailedError, RateLimitError, TimeoutError, type RosterError } from './errors.js';
import type { Logger, RosterLogEvent } from './events.js';
import type { CallOptions, ClientOptions, FetchLike, FetchResponse } from './options.js';
import { prepare, type PreparedOperation } from './prepare.js';
import { backoffDelay, DEFAULT_RETRY, isRetryable, parseRetryAfter, resolveRetry, type ResolvedRetry } from './retry.js';
import { abortError, failedField, describeCause, serialize } from './call-errors.js';
import { checkEndpoint, checkMs, checkRetry, lowerCaseKeys, throwIssues, type Issue } from './option-checks.js';
import { redactor } from './redact.js';
import { sleep } from './sleep.js';
import { VERSION } from './version.js';

/**
 * The arguments after the document: variables are required exactly when the operation
 * declares a required variable; call options always come last.
 */
export type ExecuteArgs<TVariables> = Record<never, never> extends TVariables
  ? [variables?: TVariables, options?: CallOptions]
  : [variables: TVariables, options?: CallOptions];

/** The documented mutations: each can be repeated without changing the outcome. */
const DOCUMENTED_IDEMPOTENT_MUTATIONS = ['InviteUser', 'UpdateUserAccountType', 'DisableUser'];
const DEFAULT_TIMEOUT_MS = 60_000;
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');


/**
 * A GraphQL client for the user-management API: authentication, retries with backoff,
 * per-attempt time-outs, cancellation and typed errors around `fetch`.
 *
 * Each {@link RosterClient.execute} call sends its own request: identical concurrent
 * queries are not merged (a bulk helper counts on one request per call). To get urql's
 * merging and caching for a UI, put {@link rosterExchange} in an urql `Client`.
 *
 * The secret lives in a private field: it does not show in `util.inspect`,
 * `JSON.stringify`, log events or error messages.
 */
export class RosterClient {
  /** The GraphQL endpoint this client calls. */
  readonly endpoint: string;
  /** The authentication mode picked from the credentials. */
  readonly authMode: AuthMode;
  readonly #auth: ResolvedAuth;
  readonly #redact: <T>(value: T) => T;
  readonly #hostPort: string;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #fetch: FetchLike;
  readonly #timeoutMs: number;
  readonly #retry: ResolvedRetry;
  readonly #logger: Logger | undefined;
  readonly #idempotentMutations: ReadonlySet<string>;

  /**
   * @throws {@link ValidationError} listing in `issues` every problem at once: an endpoint
   * that is not an http(s) URL, incomplete credentials (see {@link Credentials}), a number
   * option out of range (time-outs and delays at most 2147483647 ms), no `fetch`.
   */
  constructor(options: ClientOptions) {
    const issues: Issue[] = [];
    if (typeof options !== 'object' || options === null) throwIssues('client options', [{ path: '', message: 'expected an object' }]);
    const endpoint = checkEndpoint(options.apiEndpoint, issues);
    const auth = resolveAuth(options, issues);
    checkMs('timeoutMs', options.timeoutMs, issues);
    this.#retry = checkRetry(resolveRetry(DEFAULT_RETRY, options.retry), issues);
    if (typeof (options.fetch ?? globalThis.fetch) !== 'function') issues.push({ path: 'fetch', message: 'is not a function: pass `fetch`' });
    throwIssues('client options', issues);
    this.endpoint = endpoint;
    const url = new URL(endpoint);
    this.#hostPort = `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
    this.#auth = auth!;
    this.authMode = auth!.mode;
    this.#redact = redactor(auth!.secrets);
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#logger = options.logger;
    this.#idempotentMutations = new Set([...DOCUMENTED_IDEMPOTENT_MUTATIONS, ...(options.idempotentMutations ?? [])]);
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const userAgent = `roster-client/${VERSION}${options.userAgent ? ` ${options.userAgent}` : ''}`;
    // Authentication headers go last so that extra headers can never replace them.
    this.#headers = {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      'user-agent': userAgent,
      ...lowerCaseKeys(options.headers),
      ...this.#auth.headers,
    };
  }

  /**
   * Sends a typed GraphQL operation and returns its `data`.
   *
   * Retries follow the policy (see {@link RetryOptions}); a root field answering `ok: false`
   * is a failure. Nothing is validated against the schema here: enum values the server adds
   * later pass through as strings.
   *
   * @throws {@link RosterError} — one of its subclasses, by cause: {@link AuthenticationError},
   * {@link PermissionError}, {@link NotFoundError}, {@link ValidationError}, {@link ConflictError},
   * {@link RateLimitError}, {@link ServerError}, {@link NetworkError}, {@link TimeoutError},
   * {@link AbortError}, {@link UnexpectedResponseError}, {@link OperationFailedError},
   * {@link GraphQLResponseError}, {@link HttpError}.
   * @example
   * ```ts
   * const data = await client.execute(InviteUserDocument, { email: 'ada@acme.io', accountType: 'ADMIN' }, { timeoutMs: 5_000 });
   * ```
   */
  execute<TData, TVariables extends object>(
    document: TypedDocumentNode<TData, TVariables>,
    ...args: ExecuteArgs<TVariables>
  ): Promise<TData> {
    const [variables, options] = args;
    try {
      return this.#run(prepare(document), variables, options) as Promise<TData>;
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** A description without credentials: `{ endpoint, authMode }`. */
  toJSON(): {
    /** The GraphQL endpoint this client calls, as {@link RosterClient.endpoint}. */
    endpoint: string;
    /** How the client authenticates, as {@link RosterClient.authMode}; never the credentials themselves. */
    authMode: AuthMode;
  } {
    return { endpoint: this.endpoint, authMode: this.authMode };
  }

  /** @internal What `util.inspect` and `console.log` show: no credentials. */
  [inspectSymbol](): string {
    return `RosterClient { endpoint: '${this.endpoint}', authMode: '${this.authMode}' }`;
  }

  async #run(operation: PreparedOperation, variables: object | undefined, call: CallOptions | undefined): Promise<unknown> {
    const issues: Issue[] = [];
    const policy = call?.retry === undefined ? this.#retry : checkRetry(resolveRetry(this.#retry, call.retry), issues);
    checkMs('timeoutMs', call?.timeoutMs, issues);
    throwIssues(`options of ${operation.name}`, issues);
    const timeoutMs = call?.timeoutMs ?? this.#timeoutMs;
    const signal = call?.signal;
    const idempotent = call?.idempotent ?? (operation.type === 'query' || this.#idempotentMutations.has(operation.name));
    const body = `${operation.bodyPrefix}${variables === undefined ? '{}' : serialize(operation.name, variables)}}`;
    const headers = call?.headers ? { ...this.#headers, ...lowerCaseKeys(call.headers), ...this.#auth.headers } : this.#headers;
    const started = performance.now();
    const deadline = policy.deadlineMs === undefined ? Number.POSITIVE_INFINITY : started + policy.deadlineMs;

    for (let attempt = 1; ; attempt++) {
      let error: RosterError;
      try {
        if (signal?.aborted) throw abortError(operation.name, attempt - 1, signal.reason);
        const budget = Math.min(timeoutMs, deadline - performance.now());
        const data = await this.#attempt(operation, body, headers, attempt, budget, signal);
        call?.onSuccess?.(attempt);
        return data;
      } catch (caught) {
        error = caught as RosterError;
      }
      const delay = this.#retryDelay(error, attempt, idempotent, policy, deadline);
      if (delay === undefined) {
        this.#log({ type: 'error', operationName: operation.name, attempts: error.attempts, durationMs: performance.now() - started, error });
        throw error;
      }
      this.#log({
        type: 'retry',
        operationName: operation.name,
        attempt,
        delayMs: delay,
        reason: { code: error.code, status: error.status, message: error.message },
      });
      try {
        await sleep(delay, signal);
      } catch (reason) {
        const aborted = abortError(operation.name, attempt, reason);
        this.#log({ type: 'error', operationName: operation.name, attempts: attempt, durationMs: performance.now() - started, error: aborted });
        throw aborted;
      }
    }
  }

  /** How long to wait before retrying, or `undefined` when the error is final. */
  #retryDelay(error: RosterError, attempt: number, idempotent: boolean, policy: ResolvedRetry, deadline: number): number | undefined {
    if (attempt >= policy.maxAttempts || !isRetryable(error, idempotent, policy)) return undefined;
    let delay = backoffDelay(attempt, policy);
    if (error instanceof RateLimitError && error.retryAfterMs !== undefined) {
      if (error.retryAfterMs > policy.maxRetryAfterMs) return undefined;
      delay = error.retryAfterMs;
    }
    // A retry that could not even start before the deadline is not worth the wait.
    return performance.now() + delay < deadline ? delay : undefined;
  }

  async #attempt(
    operation: PreparedOperation,
    body: string,
    headers: Readonly<Record<string, string>>,
    attempt: number,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    const name = operation.name;
    if (timeoutMs <= 0) {
      throw new TimeoutError(`Timed out in ${name}: the retry deadline ran out`, { operationName: name, attempts: attempt - 1, timeoutMs: 0 });
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (this.#logger) {
      this.#log({ type: 'request', operationName: name, operationType: operation.type, attempt, url: this.endpoint, headers: redactHeaders(headers) });
    }
    const sent = performance.now();
    let response: FetchResponse;
    let text: string;
    try {
      // redirect: 'error' keeps the credentials from being re-sent to wherever a 3xx points
      // (fetch strips only Authorization across origins), and spares fetch a clone of the
      // request on every call: about 15% of its CPU time per call (see README, Performance).
      response = await this.#fetch(this.endpoint, { method: 'POST', headers, body, signal: controller.signal, redirect: 'error' });
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw abortError(name, attempt, signal.reason);
      if (timedOut) {
        throw new TimeoutError(`Timed out in ${name} after ${Math.round(timeoutMs)} ms (attempt ${attempt})`, {
          operationName: name,
          attempts: attempt,
          timeoutMs,
          cause: this.#redact(cause),
        });
      }
      throw new NetworkError(`Network error in ${name}: ${this.#redact(describeCause(cause, this.#hostPort))}`, {
        operationName: name,
        attempts: attempt,
        cause: this.#redact(cause),
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    const status = response.status;
    if (this.#logger) this.#log({ type: 'response', operationName: name, attempt, status, durationMs: performance.now() - sent });

    let parsed: unknown;
    let json = true;
    try {
      parsed = JSON.parse(text);
    } catch {
      json = false;
    }
    const answer = typeof parsed === 'object' && parsed !== null ? (parsed as { data?: unknown; errors?: unknown }) : undefined;
    const data = answer?.data;
    const errors = answer?.errors;
    if (status >= 200 && status < 300 && typeof data === 'object' && data !== null && (errors === undefined || (Array.isArray(errors) && errors.length === 0))) {
      const failed = failedField(data);
      if (failed === undefined) return data;
      throw new OperationFailedError(`Operation failed in ${name}: the server answered ok: false for ${failed}`, {
        operationName: name,
        status,
        data: this.#redact(data),
        attempts: attempt,
      });
    }
    // Everything from the server is redacted after decoding: a secret the server escaped in
    // its JSON (`\/`, `\u0022`) is found only in its decoded form.
    const safe = this.#redact(parsed);
    const received: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      received[key] = this.#redact(value);
    });
    throw classifyFailure({
      operationName: name,
      status,
      headers: received,
      body: typeof safe === 'object' && safe !== null ? safe : undefined,
      snippet: (json ? JSON.stringify(safe) : this.#redact(text)).slice(0, 200).replace(/\s+/g, ' ').trim(),
      attempts: attempt,
      retryAfterMs: parseRetryAfter(received['retry-after'], received.date),
    });
  }

  #log(event: RosterLogEvent): void {
    if (!this.#logger) return;
    try {
      this.#logger(event);
    } catch {
      // A failing logger must not turn a successful call into a failed one.
    }
  }
}

/**
 * Creates a {@link RosterClient}.
 * @throws {@link ValidationError} when the options are incomplete or invalid.
 * @example
 * ```ts
 * const client = createClient({ apiEndpoint: 'https://api.example.com/graphql', apiKey, apiSecret });
 * const { listUsers } = await client.execute(ListActiveUsersDocument);
 * ```
 */
export function createClient(options: ClientOptions): RosterClient {
  return new RosterClient(options);
}
