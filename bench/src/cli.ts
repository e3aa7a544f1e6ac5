// The `roster` command line as whole processes, side by side with their floors:
// - start-up: `roster --version` and `roster --help` against `node -e 0`;
// - `roster users list --format json` against a minimal Node script that fetches the same
//   list and prints it, both against the canned server's 10k + 2k workspace;
// - an import of 10,000 rows against the reference server limited to 200 requests a second:
//   the rate it sustains against the allowed one, and what the server counted (rows lost,
//   rows sent twice).
// Every figure is a ratio measured in the same run, rounds interleaved (the machine is shared).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { EXAMPLE_CREDENTIALS, startServer } from '@roster/fixtures';
import { median } from './measure.js';
import { table } from './table.js';

/** Rounds of each process measurement, and the import's size and limit. */
export const CLI_CONFIG = { startupRounds: 20, listRounds: 15, importRows: 10_000, rateLimit: 200 } as const;

const require = createRequire(import.meta.url);
const BIN = path.join(path.dirname(require.resolve('@roster/cli/package.json')), 'bin', 'roster.cjs');

interface Run {
  readonly ms: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a process to its end; the wall time is from spawn to exit, as a shell would see it. */
function time(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
  });
}

function must(run: Run, what: string): Run {
  if (run.code !== 0) throw new Error(`${what} exited with ${run.code}: ${run.stderr.slice(0, 2000)}`);
  return run;
}

/** Interleaves the contenders for `rounds` rounds; returns each one's times and its per-round ratio to the first. */
async function interleaved(rounds: number, contenders: Record<string, () => Promise<Run>>): Promise<Record<string, { ms: number[]; ratio: number[] }>> {
  const names = Object.keys(contenders);
  const result = Object.fromEntries(names.map((name) => [name, { ms: [] as number[], ratio: [] as number[] }]));
  for (let round = 0; round < rounds; round++) {
    const times: Record<string, number> = {};
    // Rotated, so that no contender always follows the same one.
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length] as string;
      times[name] = (await (contenders[name] as () => Promise<Run>)()).ms;
    }
    for (const name of names) {
      result[name]?.ms.push(times[name] ?? Number.NaN);
      result[name]?.ratio.push((times[name] ?? Number.NaN) / (times[names[0] as string] ?? Number.NaN));
    }
  }
  return result;
}

// The floor of `users list`: one POST of the documented query, the users printed as JSON.
const MINIMAL_LIST = `
const [endpoint, key, secret] = process.argv.slice(2);
const response = await fetch(endpoint, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-api-key': key, 'x-api-secret': secret },
  body: JSON.stringify({ query: 'query ListUsers { listUsers { ok activeUsers { uid email name accountType } invitedUsers { email accountType inviteStatus } } }', operationName: 'ListUsers' }),
});
const { data } = await response.json();
process.stdout.write(JSON.stringify([...data.listUsers.activeUsers, ...data.listUsers.invitedUsers], null, 1) + '\\n');
`;

/** What {@link measureCli} found. */
export interface CliResults {
  readonly startup: { nodeMs: number; versionMs: number; helpMs: number; versionRatio: number; helpRatio: number };
  readonly list: { users: number; scriptMs: number; rosterMs: number; ratio: number };
  readonly import: {
    rows: number;
    rateLimit: number;
    wallMs: number;
    sustainedPerSecond: number;
    sustainedRatio: number;
    wholeRunRatio: number;
    invitedOnServer: number;
    lost: number;
    sentTwice: number;
    rateLimitedOnServer: number;
  };
}

/** Measures the CLI; `largeEndpoint` is the canned server's 10k + 2k workspace. */
export async function measureCli(largeEndpoint: string, users: number): Promise<CliResults> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'roster-bench-cli-'));
  try {
    const startup = await measureStartup(CLI_CONFIG.startupRounds);

    const list = await measureList(work, largeEndpoint, users, CLI_CONFIG.listRounds);

    const imported = await measureImport(work);
    const m = (values: readonly number[]) => median([...values]);
    return {
      startup: {
        nodeMs: m(startup.node?.ms ?? []),
        versionMs: m(startup.version?.ms ?? []),
        helpMs: m(startup.help?.ms ?? []),
        versionRatio: m(startup.version?.ratio ?? []),
        helpRatio: m(startup.help?.ratio ?? []),
      },
      list: { users, scriptMs: m(list.script?.ms ?? []), rosterMs: m(list.roster?.ms ?? []), ratio: m(list.roster?.ratio ?? []) },
      import: imported,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `roster --version` and `roster --help` against `node -e 0`, `rounds` interleaved rounds. */
export function measureStartup(rounds: number): Promise<Record<string, { ms: number[]; ratio: number[] }>> {
  return interleaved(rounds, {
    node: () => time(['-e', '0']),
    version: async () => must(await time([BIN, '--version']), 'roster --version'),
    help: async () => {
      const run = must(await time([BIN, '--help']), 'roster --help');
      if (!run.stdout.startsWith('Usage: roster')) throw new Error(`roster --help printed something else: ${run.stdout.slice(0, 200)}`);
      return run;
    },
  });
}

/**
 * `roster users list --format json` against the minimal script, `rounds` interleaved rounds;
 * both outputs are checked to hold `users` users. `work` is a scratch directory.
 */
export async function measureList(work: string, endpoint: string, users: number, rounds: number): Promise<Record<string, { ms: number[]; ratio: number[] }>> {
  const credentials = EXAMPLE_CREDENTIALS.admin;
  const script = path.join(work, 'list.mjs');
  writeFileSync(script, MINIMAL_LIST);
  const env = { ROSTER_API_ENDPOINT: endpoint, ROSTER_API_KEY: credentials.apiKey, ROSTER_API_SECRET: credentials.apiSecret };
  const check = (run: Run, what: string) => {
    const count = (JSON.parse(must(run, what).stdout) as unknown[]).length;
    if (count !== users) throw new Error(`${what} printed ${count} users, expected ${users}`);
    return run;
  };
  return interleaved(rounds, {
    script: async () => check(await time([script, endpoint, credentials.apiKey, credentials.apiSecret]), 'the minimal list script'),
    roster: async () => check(await time([BIN, 'users', 'list', '--format', 'json'], env), 'roster users list'),
  });
}

/** One import of 10,000 rows into an empty workspace behind a rate limit, counted on the server. */
async function measureImport(work: string): Promise<CliResults['import']> {
  const { importRows: rows, rateLimit } = CLI_CONFIG;
  // In this process: the store and the request log tell exactly what arrived and when.
  const server = await startServer({ seed: 'empty', rateLimit, requestLog: rows * 3 });
  try {
    const csv = path.join(work, 'import.csv');
    writeFileSync(csv, `email,role\n${Array.from({ length: rows }, (_, i) => `bench${i}@import.example,developer`).join('\n')}\n`);
    const env = { ROSTER_API_ENDPOINT: server.url, ROSTER_API_KEY: EXAMPLE_CREDENTIALS.admin.apiKey, ROSTER_API_SECRET: EXAMPLE_CREDENTIALS.admin.apiSecret };
    const run = must(await time([BIN, 'users', 'import', csv, '--json'], env), 'roster users import');
    const invited = server.store.listInvited();
    const accepted = server.requests.filter((request) => request.status === 200 && (request.body as { operationName?: string } | undefined)?.operationName === 'InviteUser');
    const first = accepted[0]?.at ?? 0;
    const last = accepted.at(-1)?.at ?? 0;
    // The bucket starts full (a burst of `rateLimit`): leave it out, to measure what is sustained.
    const sustained = last > first ? ((accepted.length - rateLimit) * 1000) / (last - first) : 0;
    return {
      rows,
      rateLimit,
      wallMs: run.ms,
      sustainedPerSecond: sustained,
      sustainedRatio: sustained / rateLimit,
      wholeRunRatio: (rows * 1000) / run.ms / rateLimit,
      invitedOnServer: invited.length,
      lost: rows - invited.length,
      sentTwice: invited.filter((user) => user.sendCount > 1).length + Math.max(0, (server.stats.fields.inviteUser ?? 0) - invited.length),
      rateLimitedOnServer: server.stats.rateLimited,
    };
  } finally {
    await server.close();
  }
}

/** Prints the CLI's table, and adds its figures to results/latest.json (written just before). */
export function reportCli(results: CliResults, resultsFile: string, log: (line: string) => void): void {
  const { startup, list, import: imp } = results;
  const x = (ratio: number) => `${ratio.toFixed(2)}×`;
  const rows = [
    ['`roster --version` vs `node -e 0`', `${startup.versionMs.toFixed(0)} ms vs ${startup.nodeMs.toFixed(0)} ms`, x(startup.versionRatio), '≤ 1.5×'],
    ['`roster --help` vs `node -e 0`', `${startup.helpMs.toFixed(0)} ms vs ${startup.nodeMs.toFixed(0)} ms`, x(startup.helpRatio), '≤ 1.5×'],
    [`\`roster users list --format json\` (${list.users} users) vs a minimal fetch script`, `${list.rosterMs.toFixed(0)} ms vs ${list.scriptMs.toFixed(0)} ms`, x(list.ratio), '≤ 1.3×'],
    [
      `import of ${imp.rows} rows under --rate-limit ${imp.rateLimit}: sustained rate`,
      `${imp.sustainedPerSecond.toFixed(0)}/s (whole run ${x(imp.wholeRunRatio)}, ${(imp.wallMs / 1000).toFixed(1)} s)`,
      x(imp.sustainedRatio),
      '≥ 0.9×',
    ],
    ['import: rows lost / sent twice / 429s (counted on the server)', `${imp.lost} / ${imp.sentTwice} / ${imp.rateLimitedOnServer}`, '', '0 / 0'],
  ];
  log('');
  log('Command line (whole processes; ratios are medians of per-round ratios):');
  log(table(['measure', 'measured', 'ratio', 'target'], rows));
  const latest = JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>;
  const temporary = `${resultsFile}.cli.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ ...latest, cli: { config: CLI_CONFIG, ...results } }, null, 2)}\n`);
  renameSync(temporary, resultsFile);
}
