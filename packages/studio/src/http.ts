// What every answer of the studio server shares: security headers, the Host and Origin
// checks that keep other sites and DNS rebinding out, and small writers.
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The page's Content-Security-Policy: its own scripts, styles and GraphQL endpoint only.
 * No inline script, no eval, no frames, no forms posting elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // The first URL carries the launch token: never hand it to anyone in a Referer.
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Writes a complete answer with the security headers. */
export function send(response: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'cache-control': 'no-store', ...headers, 'content-length': String(Buffer.byteLength(body)) });
  response.end(body);
}

/** Writes a JSON answer. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(response, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...headers });
}

/** The origins the page is served from: the loopback address and `localhost`, on this port. */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/**
 * Why a request must be refused for where it comes from, or `undefined` when it may go on.
 * A foreign `Host` is a DNS-rebinding page talking to us under its own name; a foreign
 * `Origin` (or a cross-site `Sec-Fetch-Site`) is another page or another local app.
 */
export function refusedOrigin(request: IncomingMessage, hosts: ReadonlySet<string>): string | undefined {
  const host = request.headers.host;
  if (host === undefined || !hosts.has(host.toLowerCase())) return `Host '${host ?? ''}' is not this studio`;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const match = /^http:\/\/([^/]+)$/i.exec(origin);
    if (!match?.[1] || !hosts.has(match[1].toLowerCase())) return `Origin '${origin}' is not this studio`;
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `A ${site} request is not allowed`;
  return undefined;
}

/** Reads a request body up to `limit` bytes; `undefined` when it is larger. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
