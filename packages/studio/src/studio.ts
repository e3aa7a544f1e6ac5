import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Roster, type RosterOptions } from '@roster/users';
import { loadAssets, defaultAssetsDir } from './assets.js';
import { sessionDetector } from './capabilities.js';
import { errorResponse, forward } from './forward.js';
import { allowedHosts, readBody, refusedOrigin, send, sendJson } from './http.js';
import { matchOperation } from './operations.js';
import { openBrowser } from './open-browser.js';
import { StudioSessionKeys } from './session.js';

/** Where the page sends its GraphQL requests (same origin as the page). */
export const STUDIO_GRAPHQL_PATH = '/graphql';
/** Where the page reads what the API behind the studio offers. */
export const STUDIO_SESSION_PATH = '/api/session';
const MAX_BODY_BYTES = 1024 * 1024;

/** Options of {@link startStudio}: a Roster client, or the options to create one. */
export type StudioOptions = (
  | {
      /** The client whose credentials the studio server uses (they never reach the browser). */
      readonly roster: Roster;
      /** Not with `roster`: the client already has its credentials. */
      readonly credentials?: never;
    }
  | {
      /** The endpoint and credentials, as `new Roster(…)` takes them. */
      readonly credentials: RosterOptions;
      /** Not with `credentials`: the studio creates its client from them. */
      readonly roster?: never;
    }
) & {
  /**
   * The port on 127.0.0.1; 0 picks a free one.
   * @defaultValue 0
   */
  readonly port?: number;
  /**
   * Opens the page in the default browser once the server listens: `true` uses the system's
   * opener, a function is called with the URL instead. A failure to open is reported in
   * {@link StudioServer.opened}, never thrown: the URL can still be opened by hand.
   * @defaultValue false
   */
  readonly open?: boolean | ((url: string) => Promise<unknown>);
  /**
   * The folder of the built page.
   * @defaultValue the page shipped in this package (`dist/app`)
   */
  readonly assetsDir?: string;
};

/** A running studio. */
export interface StudioServer {
  /** The URL to open, with this launch's token: `http://127.0.0.1:<port>/?token=…`. Print it; it grants access to the page once (the first browser to open it). */
  readonly url: string;
  /** The page's origin without the token, e.g. `http://127.0.0.1:5555`. */
  readonly origin: string;
  /** The port it listens on. */
  readonly port: number;
  /** Whether a browser was opened: `false` when not asked to, or when no browser could be started. */
  readonly opened: boolean;
  /** Stops listening and cuts every connection. */
  close(): Promise<void>;
}

const NEEDS_TOKEN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Roster Studio</title></head>
<body><main><h1>Roster Studio</h1><p>This page needs the link that <code>roster studio</code> printed when it started
(it carries this launch's token). Open that link, or start <code>roster studio</code> again.</p></main></body></html>`;

const USED_TOKEN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Roster Studio</title></head>
<body><main><h1>Roster Studio</h1><p>This link was already used: it opens the page once, in the browser that opened it
first. Run <code>roster studio</code> again for a new link.</p></main></body></html>`;

/**
 * Starts Roster Studio: serves the prebuilt page and a same-origin GraphQL endpoint on
 * 127.0.0.1 that forwards the page's operations to the API with the credentials held here.
 * The returned `url` carries a per-launch token, taken once; the page exchanges it for an HttpOnly,
 * SameSite=Strict cookie. Requests without that cookie, with a foreign `Host` or `Origin`,
 * with a body that is not JSON, or with an operation the page does not use are refused.
 * @throws `ValidationError` for incomplete credentials; `Error` when the page is not built; the `listen` error when the port is taken.
 * @example
 * ```ts
 * const studio = await startStudio({ credentials: { apiEndpoint, apiKey, apiSecret }, port: 5555, open: true });
 * console.log(`Roster Studio: ${studio.url}`);
 * ```
 */
export async function startStudio(options: StudioOptions): Promise<StudioServer> {
  const roster = options.roster ?? new Roster(options.credentials);
  const assets = loadAssets(options.assetsDir ?? defaultAssetsDir());
  const detector = sessionDetector(roster);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const keys = new StudioSessionKeys(port);
  const hosts = allowedHosts(port);
  const origin = `http://127.0.0.1:${port}`;

  async function graphql(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    // text/plain, form encodings and the like are what a cross-site form or a no-CORS fetch
    // can send without a preflight: only JSON is taken.
    if (type !== 'application/json') return sendJson(response, 415, errorResponse('UNSUPPORTED_MEDIA_TYPE', 'Send application/json'));
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === undefined) return sendJson(response, 413, errorResponse('PAYLOAD_TOO_LARGE', `The body exceeds ${MAX_BODY_BYTES} bytes`));
    let parsed: { query?: unknown; operationName?: unknown; variables?: unknown };
    try {
      parsed = JSON.parse(body.toString('utf8')) as typeof parsed;
    } catch {
      return sendJson(response, 400, errorResponse('BAD_REQUEST', 'The body is not JSON'));
    }
    const match = matchOperation(parsed?.query, parsed?.operationName);
    if (!match.ok) return sendJson(response, 400, errorResponse('OPERATION_NOT_ALLOWED', match.message));
    const variables = parsed.variables ?? {};
    if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
      return sendJson(response, 400, errorResponse('BAD_REQUEST', 'variables must be an object'));
    }
    // The page went away: stop waiting for the API on its behalf.
    const gone = new AbortController();
    response.once('close', () => gone.abort());
    const answer = await forward(roster.client, match.document, match.name, variables as Record<string, unknown>, gone.signal);
    if (answer.errors?.some((error) => error.extensions.code === 'FORBIDDEN') && match.type === 'mutation') detector.markViewer();
    if (!response.destroyed) sendJson(response, 200, answer);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const refused = refusedOrigin(request, hosts);
    if (refused) return sendJson(response, 403, errorResponse('FORBIDDEN_ORIGIN', refused));

    const token = url.searchParams.get('token');
    if (token !== null && (request.method === 'GET' || request.method === 'HEAD')) {
      // The browser that took the link already has its session: the link opens the page again.
      if (keys.hasSession(request)) return send(response, 303, '', { location: '/' });
      const exchange = keys.exchangeLaunchToken(token);
      if (exchange === 'wrong') return send(response, 401, NEEDS_TOKEN_PAGE, { 'content-type': 'text/html; charset=utf-8' });
      if (exchange === 'used') return send(response, 410, USED_TOKEN_PAGE, { 'content-type': 'text/html; charset=utf-8' });
      // The token leaves the address bar at once: the page itself lives on the cookie.
      return send(response, 303, '', { location: '/', 'set-cookie': keys.cookie() });
    }
    if (!keys.hasSession(request)) {
      if (url.pathname === STUDIO_GRAPHQL_PATH || url.pathname === STUDIO_SESSION_PATH) {
        return sendJson(response, 401, errorResponse('UNAUTHENTICATED', 'No Roster Studio session: open the link roster studio printed'));
      }
      return send(response, 401, NEEDS_TOKEN_PAGE, { 'content-type': 'text/html; charset=utf-8' });
    }
    if (url.pathname === STUDIO_GRAPHQL_PATH) {
      if (request.method !== 'POST') return sendJson(response, 405, errorResponse('METHOD_NOT_ALLOWED', 'POST only'), { allow: 'POST' });
      return graphql(request, response);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, '', { allow: 'GET, HEAD' });
    if (url.pathname === STUDIO_SESSION_PATH) {
      try {
        return sendJson(response, 200, await detector.get());
      } catch {
        return sendJson(response, 502, errorResponse('UPSTREAM_UNAVAILABLE', `The API at ${new URL(roster.client.endpoint).origin} did not answer`));
      }
    }
    const asset = assets.get(url.pathname === '/' ? '/index.html' : url.pathname);
    if (!asset) return send(response, 404, 'Not found', { 'content-type': 'text/plain; charset=utf-8' });
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    send(response, 200, request.method === 'HEAD' ? '' : gzip ? asset.gzip : asset.body, {
      'content-type': asset.type,
      'cache-control': asset.immutable ? 'private, max-age=31536000, immutable' : 'no-store',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, errorResponse('STUDIO_ERROR', 'Roster Studio failed to answer'));
      else response.destroy();
    });
  });

  const url = `${origin}/?token=${keys.launchToken}`;
  const opened = await openBrowser(url, options.open);
  return {
    url,
    origin,
    port,
    opened,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
