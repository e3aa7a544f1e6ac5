import { Agent, type Dispatcher } from 'undici';

/** Options of {@link createUndiciFetch}. */
export interface UndiciFetchOptions {
  /**
   * The most connections kept open to one origin; requests beyond it wait for a free one.
   * @defaultValue 64
   */
  readonly connections?: number | undefined;
  /**
   * Requests sent on one connection before the previous answers arrive (HTTP/1.1 pipelining);
   * 1 sends the next request only after the answer, as browsers do.
   * @defaultValue 1
   */
  readonly pipelining?: number | undefined;
  /**
   * How long an idle connection stays open for the next request, in milliseconds (a shorter
   * `Keep-Alive: timeout` from the server wins).
   * @defaultValue 4_000
   */
  readonly keepAliveTimeoutMs?: number | undefined;
  /**
   * Time limit for opening a connection (TCP and TLS), in milliseconds.
   * @defaultValue 10_000
   */
  readonly connectTimeoutMs?: number | undefined;
  /**
   * Time limit for the response headers, then between two chunks of the body, in milliseconds;
   * 0 leaves time-outs to the caller's signal (the Roster client's `timeoutMs`).
   * @defaultValue 0
   */
  readonly responseTimeoutMs?: number | undefined;
  /**
   * An undici dispatcher to send through instead (an `Agent`, `Pool`, `ProxyAgent`, a mock…).
   * The connection options above are then ignored, and `close()` leaves it open.
   * @defaultValue a new `Agent` with the options above
   */
  readonly dispatcher?: Dispatcher | undefined;
}

/** What {@link UndiciFetch} accepts as its second argument: the part of `RequestInit` it supports. */
export interface UndiciRequestInit {
  /**
   * The HTTP method.
   * @defaultValue `'GET'`, or `'POST'` when there is a body
   */
  readonly method?: string | undefined;
  /** Request headers; names are sent as given. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The request body. */
  readonly body?: string | Uint8Array | null | undefined;
  /** Aborts the request, or the reading of its body. */
  readonly signal?: AbortSignal | null | undefined;
}

/** The response headers of an {@link UndiciResponse} (names lower-case, repeated values joined by `", "`). */
export interface UndiciResponseHeaders {
  /** The value of a header, or `null` when absent. */
  get(name: string): string | null;
  /** Calls `callback` once per header, as `Headers.forEach` does. */
  forEach(callback: (value: string, name: string) => void): void;
}

/**
 * The minimal response of an {@link UndiciFetch}: what the Roster client reads of a `Response`.
 * The body must be read (`text()` or `json()`) to free the connection for the next request.
 */
export interface UndiciResponse {
  /** The HTTP status code. */
  readonly status: number;
  /** Whether the status is 2xx. */
  readonly ok: boolean;
  /** The response headers. */
  readonly headers: UndiciResponseHeaders;
  /**
   * The body decoded as UTF-8.
   * @throws the undici error when the connection drops or the signal fires while reading
   */
  text(): Promise<string>;
  /**
   * The body parsed as JSON.
   * @throws `SyntaxError` when it is not JSON; the undici error when the connection drops
   */
  json(): Promise<unknown>;
}

/**
 * A `fetch`-shaped function on undici's pooled dispatcher, for the Roster client's `fetch`
 * option. Only absolute `http:` and `https:` URLs.
 */
export interface UndiciFetch {
  /**
   * Sends one request and resolves once the response headers have arrived.
   * @throws the undici error when the connection fails or drops, and an `AbortError`-named
   * error when the signal fires; the Roster client turns these into its typed errors.
   */
  (input: string | URL, init?: UndiciRequestInit): Promise<UndiciResponse>;
  /** The dispatcher requests go through. */
  readonly dispatcher: Dispatcher;
  /** Closes the connections of the dispatcher it created (not of one passed in), after the requests in flight. */
  close(): Promise<void>;
}

class RawHeaders implements UndiciResponseHeaders {
  readonly #raw: Record<string, string | string[] | undefined>;

  constructor(raw: Record<string, string | string[] | undefined>) {
    this.#raw = raw;
  }

  get(name: string): string | null {
    const value = this.#raw[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const name of Object.keys(this.#raw)) {
      const value = this.#raw[name];
      if (value !== undefined) callback(Array.isArray(value) ? value.join(', ') : value, name);
    }
  }
}

class MinimalResponse implements UndiciResponse {
  readonly status: number;
  readonly #data: Dispatcher.ResponseData;
  #headers: RawHeaders | undefined;

  constructor(data: Dispatcher.ResponseData) {
    this.status = data.statusCode;
    this.#data = data;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  // Built on first use: a successful Roster call never looks at the headers.
  get headers(): RawHeaders {
    return (this.#headers ??= new RawHeaders(this.#data.headers));
  }

  text(): Promise<string> {
    return this.#data.body.text();
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.#data.body.text()) as unknown;
  }
}

function checkCount(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) throw new RangeError(`createUndiciFetch: ${name} must be an integer ≥ ${min}, got ${value}`);
  return value;
}

/**
 * Creates a `fetch`-shaped function on undici's pooled `request` API: connections are kept
 * alive and reused, and each call skips the WHATWG `Request`/`Response` machinery of the
 * built-in `fetch`. Use it as the Roster client's `fetch` option in Node.
 *
 * @throws `RangeError` for a connection count, pipelining depth or time that is not a whole number in range.
 * @example
 * ```ts
 * import { Roster } from '@roster/users';
 * import { createUndiciFetch } from '@roster/undici';
 *
 * const fetch = createUndiciFetch({ connections: 16 });
 * const roster = new Roster({ apiEndpoint, apiKey, apiSecret, fetch });
 * const users = await roster.users.listActive();
 * await fetch.close(); // at shutdown
 * ```
 */
export function createUndiciFetch(options: UndiciFetchOptions = {}): UndiciFetch {
  const owned = options.dispatcher === undefined;
  const responseTimeout = checkCount('responseTimeoutMs', options.responseTimeoutMs, 0, 0);
  const dispatcher =
    options.dispatcher ??
    new Agent({
      connections: checkCount('connections', options.connections, 64, 1),
      pipelining: checkCount('pipelining', options.pipelining, 1, 0),
      keepAliveTimeout: checkCount('keepAliveTimeoutMs', options.keepAliveTimeoutMs, 4_000, 1),
      connect: { timeout: checkCount('connectTimeoutMs', options.connectTimeoutMs, 10_000, 1) },
      headersTimeout: responseTimeout,
      bodyTimeout: responseTimeout,
    });

  // A client calls one endpoint over and over: remember the last URL split into origin and path.
  let lastUrl = '';
  let origin = '';
  let path = '';

  const undiciFetch = async (input: string | URL, init: UndiciRequestInit = {}): Promise<UndiciResponse> => {
    const href = typeof input === 'string' ? input : input.href;
    if (href !== lastUrl) {
      const url = new URL(href);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`createUndiciFetch: unsupported URL protocol ${url.protocol}`);
      origin = url.origin;
      path = `${url.pathname}${url.search}`;
      lastUrl = href;
    }
    const body = init.body ?? null;
    const data = await dispatcher.request({
      origin,
      path,
      method: init.method?.toUpperCase() ?? (body === null ? 'GET' : 'POST'),
      headers: init.headers ?? {},
      body,
      signal: init.signal ?? null,
    });
    return new MinimalResponse(data);
  };

  return Object.assign(undiciFetch, {
    dispatcher,
    close: (): Promise<void> => (owned ? dispatcher.close() : Promise.resolve()),
  });
}
