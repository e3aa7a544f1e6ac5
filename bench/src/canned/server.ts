// The canned server: answers the documented core operations with bytes rendered once at
// start-up, so that a benchmark measures the client and not the server. Benchmark
// infrastructure, not a server to expose: its credential check is an exact lookup, not in
// constant time, and it ignores variables.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_CREDENTIALS, EXAMPLE_WORKSPACE, generateWorkspace, type Credential, type SeedData } from '@roster/fixtures';
import { MUTATIONS, QUERIES, render, type Canned, type Capability, type CannedTable } from './render.js';

/** A generated workspace (see `generateWorkspace`). */
export interface CannedWorkspace {
  readonly active: number;
  readonly invited?: number;
  readonly seed?: string;
}

/** Options of {@link startCannedServer}. */
export interface CannedServerOptions {
  /** The port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** More workspaces, each answered at `/<name>/graphql`; `/graphql` answers the documented example workspace. */
  readonly datasets?: Readonly<Record<string, CannedWorkspace>>;
}

/** A running canned server. */
export interface CannedServer {
  /** The endpoint of the example workspace, `http://127.0.0.1:<port>/graphql`. */
  readonly url: string;
  /** The endpoint of each workspace by name; the example one is `default`. */
  readonly urls: Readonly<Record<string, string>>;
  /** The operations it answers, by name. */
  readonly operations: readonly string[];
  /** How many GraphQL requests it has answered, whatever the outcome. */
  readonly requestCount: number;
  close(): Promise<void>;
}

/** `GET` answers `{"requests":<count>}`. */
export const CANNED_STATS_PATH = '/__roster/canned';
const MAX_BODY_BYTES = 1024 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';
const NAME = /^[\w-]+$/;

const errorJson = (code: string, message: string) => JSON.stringify({ errors: [{ message, extensions: { code } }] });

function write(response: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': String(Buffer.byteLength(body)), ...headers });
  response.end(body);
}

/** The credentials' exact header values, so that a request is authenticated by one map read. */
function capabilityLookup(credentials: readonly Credential[]): (request: IncomingMessage) => Capability | undefined {
  const keyPairs = new Map<string, Capability>();
  const tokens = new Map<string, Credential>();
  for (const credential of credentials) {
    if (credential.kind === 'keyPair') keyPairs.set(`${credential.apiKey}\n${credential.apiSecret}`, credential.capability);
    else tokens.set(`Bearer ${credential.token}`, credential);
  }
  return (request) => {
    const { authorization, 'x-api-key': apiKey, 'x-api-secret': apiSecret } = request.headers;
    if (authorization !== undefined) {
      const token = tokens.get(authorization);
      if (token?.kind === 'companyToken' && request.headers['x-paradime-workspace'] !== token.workspaceUid) return undefined;
      return token?.capability;
    }
    return typeof apiKey === 'string' && typeof apiSecret === 'string' ? keyPairs.get(`${apiKey}\n${apiSecret}`) : undefined;
  };
}

/** The operation a request names: its `operationName`, or the one operation its query defines (remembered per text, at most 1,000). */
function operationNamer(): (body: { operationName?: unknown; query?: unknown }) => string | undefined {
  const byQuery = new Map<string, string | undefined>();
  return (body) => {
    if (typeof body.operationName === 'string' && body.operationName !== '') return body.operationName;
    const query = body.query;
    if (typeof query !== 'string') return undefined;
    if (byQuery.has(query)) return byQuery.get(query);
    let name: string | undefined;
    try {
      const operations = parse(query, { maxTokens: 2000 }).definitions.filter(
        (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
      );
      name = operations.length === 1 ? operations[0]?.name?.value : undefined;
    } catch {
      name = undefined;
    }
    if (byQuery.size < 1000) byQuery.set(query, name);
    return name;
  };
}

const seedOf = (workspace: CannedWorkspace | 'example'): SeedData =>
  workspace === 'example'
    ? EXAMPLE_WORKSPACE
    : generateWorkspace({ active: workspace.active, invited: workspace.invited ?? 0, ...(workspace.seed ? { seed: workspace.seed } : {}) });

/**
 * Starts the canned server: `/graphql` is the documented example workspace, each of `datasets`
 * is at `/<name>/graphql`. Per request: an exact credential lookup (401 otherwise), the body
 * read and parsed, the answer picked by operation name and written. Mutations succeed without
 * changing anything.
 * @throws Error when a dataset name is not a path segment, or the port is taken.
 */
export async function startCannedServer(options: CannedServerOptions = {}): Promise<CannedServer> {
  const workspaces: [string, CannedWorkspace | 'example'][] = [['default', 'example'], ...Object.entries(options.datasets ?? {})];
  const byPath = new Map<string, CannedTable>();
  for (const [name, workspace] of workspaces) {
    if (!NAME.test(name) || (name === 'default' && byPath.size > 0)) {
      throw new Error(`Invalid dataset name "${name}": use letters, digits, - and _ (and not "default")`);
    }
    byPath.set(name === 'default' ? '/graphql' : `/${name}/graphql`, await render(seedOf(workspace)));
  }
  const capabilityOf = capabilityLookup(DEFAULT_CREDENTIALS);
  const nameOf = operationNamer();
  const known = [...QUERIES, ...Object.keys(MUTATIONS)];
  let requestCount = 0;

  function answer(request: IncomingMessage, response: ServerResponse, table: CannedTable, body: string): void {
    const capability = capabilityOf(request);
    if (capability === undefined) {
      return write(response, 401, errorJson('UNAUTHENTICATED', 'Invalid credentials'), { 'www-authenticate': 'Bearer' });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return write(response, 400, errorJson('BAD_REQUEST', 'The body is not valid JSON'));
    }
    const name = typeof parsed === 'object' && parsed !== null ? nameOf(parsed) : undefined;
    const canned: Readonly<Record<Capability, Canned>> | undefined = name === undefined ? undefined : table.get(name);
    if (!canned) return write(response, 400, errorJson('BAD_REQUEST', `The canned server answers only ${known.join(', ')}`));
    write(response, canned[capability].status, canned[capability].body);
  }

  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    if (path === CANNED_STATS_PATH && request.method === 'GET') return write(response, 200, JSON.stringify({ requests: requestCount }));
    const table = byPath.get(path);
    if (!table) return write(response, 404, errorJson('ROUTE_NOT_FOUND', 'Nothing here'));
    requestCount++;
    if (request.method !== 'POST') return write(response, 405, errorJson('METHOD_NOT_ALLOWED', 'Use POST'), { allow: 'POST' });
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy();
      else chunks.push(chunk);
    });
    request.on('end', () => answer(request, response, table, chunks.length === 1 ? String(chunks[0]) : Buffer.concat(chunks).toString('utf8')));
  });
  // Benchmarks pause between phases: keep idle connections longer than Node's 5 s default.
  server.keepAliveTimeout = 65_000;

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  const origin = `http://127.0.0.1:${port}`;
  const urls = Object.fromEntries(workspaces.map(([name]) => [name, name === 'default' ? `${origin}/graphql` : `${origin}/${name}/graphql`]));
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/graphql`,
    urls,
    operations: known,
    get requestCount() {
      return requestCount;
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
