import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLE_CREDENTIALS, startServer, type RosterServer } from '@roster/fixtures';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/** The built command, as npm installs it. */
export const BIN = path.resolve(import.meta.dirname, '../bin/roster.cjs');
if (!existsSync(path.resolve(import.meta.dirname, '../dist/bin.cjs'))) {
  throw new Error('build @roster/cli first (pnpm --filter @roster/cli build): the tests run the built bin');
}

/** What a run of the bin did. */
export interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link roster}. */
export interface RunOptions {
  /** Environment on top of a clean one (PATH, a private HOME, no ROSTER_* of the machine). */
  readonly env?: Record<string, string | undefined>;
  /** Written to stdin, then closed (otherwise stdin is empty and closed). */
  readonly input?: string;
  /** Working directory. */
  readonly cwd?: string;
}

const home = mkdtempSync(path.join(tmpdir(), 'roster-cli-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** A private HOME for this test file: profile files written there are the only ones the bin sees. */
export const HOME = home;

/** Runs `roster …args` as a process, with pipes (not a terminal) for stdin, stdout and stderr. */
export function roster(args: readonly string[], options: RunOptions = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: home };
    for (const [name, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[name] = value;
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: options.cwd ?? home, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** The environment that points the bin at a server with the example admin key pair. */
export function envFor(server: RosterServer, credentials: { apiKey: string; apiSecret: string } = EXAMPLE_CREDENTIALS.admin): Record<string, string> {
  return { ROSTER_API_ENDPOINT: server.url, ROSTER_API_KEY: credentials.apiKey, ROSTER_API_SECRET: credentials.apiSecret };
}

/** A fresh server for every test (`each`) or one for the whole file. */
export function useServer(options: Parameters<typeof startServer>[0] = { seed: 'example' }, scope: 'each' | 'all' = 'each'): { readonly server: RosterServer } {
  const holder = {} as { server: RosterServer };
  const [before, after] = scope === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    holder.server = await startServer(options);
  });
  after(async () => {
    await holder.server.close();
  });
  return holder;
}

/** The operation names of the GraphQL requests a server received (`query …`/`mutation …` documents). */
export function operations(server: RosterServer): { name: string; kind: 'query' | 'mutation'; status: number; variables: unknown }[] {
  return server.requests
    .filter((request) => request.method === 'POST')
    .map((request) => {
      const body = request.body as { query?: string; operationName?: string; variables?: unknown } | undefined;
      const query = body?.query ?? '';
      return {
        name: body?.operationName ?? '',
        kind: /^\s*mutation\b/.test(query) ? ('mutation' as const) : ('query' as const),
        status: request.status,
        variables: body?.variables,
      };
    });
}

/** The mutations a server received. */
export const mutations = (server: RosterServer) => operations(server).filter((operation) => operation.kind === 'mutation');

/** Every secret of the example credentials: none may appear in any output. */
export const SECRETS = [
  EXAMPLE_CREDENTIALS.admin.apiSecret,
  EXAMPLE_CREDENTIALS.viewer.apiSecret,
  EXAMPLE_CREDENTIALS.adminWorkspaceToken,
  EXAMPLE_CREDENTIALS.viewerWorkspaceToken,
  EXAMPLE_CREDENTIALS.adminCompanyToken,
];

/** Fails when a secret appears in the output of a run. */
export function expectNoSecret(result: Result, extra: readonly string[] = []): void {
  for (const secret of [...SECRETS, ...extra]) {
    if (result.stdout.includes(secret) || result.stderr.includes(secret)) throw new Error(`a secret appears in the output:\n${result.stdout}\n${result.stderr}`);
  }
}

/** A `roster` process left running, for tests that interrupt it. */
export interface Running {
  readonly child: ChildProcess;
  readonly done: Promise<Result & { signal: NodeJS.Signals | null }>;
}

/** Starts `roster …args` and returns at once. */
export function startRoster(args: readonly string[], options: RunOptions = {}): Running {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: home };
  for (const [name, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[name] = value;
  const child = spawn(process.execPath, [BIN, ...args], { env, cwd: options.cwd ?? home, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<Result & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Resolves once `condition` holds, checking every 10 ms (the test's own time-out bounds it). */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
