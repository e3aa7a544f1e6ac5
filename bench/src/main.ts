// `pnpm bench`: every contender against the canned reference server (in its own process),
// interleaved round-robin, then peak RSS in fresh processes and bundle sizes.
// Prints the tables and writes results/latest.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { contenders, headersFor, type Calls, type Contender, type ListCounts } from './contenders.js';
import { bundleChild } from './child-bundle.js';
import { measureCli, reportCli } from './cli.js';
import { allocation, canMeasureAllocation, collectGarbage, concurrent, median, percentile, rotate, sequential, type Batch } from './measure.js';
import { planningSection } from './plan.js';
import { DATASETS, startBenchServer, type BenchServer, type Endpoints } from './server.js';
import { measureBundles, type BundleSize } from './sizes.js';
import { cell, num, table } from './table.js';

/** Iteration counts, sized so that the whole run stays well under 3 minutes on 2 cores. */
export const CONFIG = {
  concurrency: 32,
  sequential: { rounds: 14, calls: 200 },
  c32: { rounds: 8, calls: 640 },
  large: { rounds: 36, calls: 1 },
  huge: { rounds: 8, calls: 1 },
  invite: { rounds: 10, calls: 100 },
  allocation: { rounds: 8, calls: 40 },
  warmup: { sequential: 300, c32: 320, large: 2, huge: 1, invite: 50 },
} as const;

const benchDir = path.resolve(import.meta.dirname, '..');
const started = performance.now();
const log = (line: string) => console.log(line);

interface Row {
  readonly contender: Contender;
  readonly small: Calls;
  readonly large: Calls;
  readonly huge: Calls;
  /** Every sample, pooled (for percentiles). */
  readonly seqMs: number[];
  /** One figure per round (for the paired ratios): the round's median, CPU per call… */
  readonly seqP50: number[];
  readonly seqCpuPerCall: number[];
  readonly c32PerCall: number[];
  readonly c32CpuPerCall: number[];
  readonly largeMs: number[];
  readonly largeCpuMs: number[];
  readonly hugeMs: number[];
  readonly inviteMs: number[];
  readonly inviteP50: number[];
  readonly alloc: number[];
}

function expectCounts(contender: Contender, what: string, got: ListCounts, active: number, invited: number): void {
  if (got.active !== active || got.invited !== invited) {
    throw new Error(`${contender.label} ${what}: expected ${active} active and ${invited} invited users, got ${JSON.stringify(got)}`);
  }
}

/** Runs one batch and checks that the server answered exactly one request per call. */
async function counted(server: BenchServer, contender: Contender, what: string, run: () => Promise<Batch>): Promise<Batch> {
  const before = await server.requestCount();
  const batch = await run();
  const sent = (await server.requestCount()) - before;
  if (sent !== batch.calls) throw new Error(`${contender.label} ${what}: ${batch.calls} calls sent ${sent} requests`);
  return batch;
}

async function runPhase(name: string, rounds: number, rows: readonly Row[], batch: (row: Row) => Promise<void>): Promise<void> {
  const t = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const row of rotate(rows, round)) await batch(row);
  }
  log(`  ${name}: ${rounds} rounds in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

function peakRss(child: string, contender: Contender, endpoints: Endpoints): { baselineMb: number; peakMb: number } {
  const result = spawnSync(process.execPath, [child, contender.id, endpoints.huge], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ROSTER_BENCH_KEYS: JSON.stringify(EXAMPLE_CREDENTIALS.admin) },
  });
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as { baselineMb: number; peakMb: number };
  } catch {
    throw new Error(`the RSS child of ${contender.label} failed (${result.status}): ${result.stderr}`);
  }
}

/** The floor of the large list without any transport: parsing its body alone. */
async function jsonParseLargeMs(endpoints: Endpoints): Promise<number> {
  const response = await fetch(endpoints.large, {
    method: 'POST',
    headers: headersFor(EXAMPLE_CREDENTIALS.admin),
    body: JSON.stringify({ query: '{ listUsers { ok activeUsers { uid email name accountType } invitedUsers { email accountType inviteStatus } } }', operationName: 'ListUsers' }),
  });
  const text = await response.text();
  const samples: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    JSON.parse(text);
    samples.push(performance.now() - t);
  }
  return median(samples);
}

async function main(): Promise<void> {
  log(`Roster benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()} ${os.release()}`);
  const server = await startBenchServer();
  log(`canned server (separate process) ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${server.endpoints.small}`);
  const rssChild = await bundleChild('rss-child');

  const rows: Row[] = contenders(EXAMPLE_CREDENTIALS.admin).map((contender) => ({
    contender,
    small: contender.create(server.endpoints.small),
    large: contender.create(server.endpoints.large),
    huge: contender.create(server.endpoints.huge),
    seqMs: [],
    seqP50: [],
    seqCpuPerCall: [],
    c32PerCall: [],
    c32CpuPerCall: [],
    largeMs: [],
    largeCpuMs: [],
    hugeMs: [],
    inviteMs: [],
    inviteP50: [],
    alloc: [],
  }));

  // Every contender gets the same answers, and the whole warm-up (JIT, connections) before any figure.
  log('warm-up and checks…');
  for (const { contender, small, large, huge } of rows) {
    expectCounts(contender, 'small list', await small.listActive(), 3, 0);
    expectCounts(contender, 'small list with variables', await small.listActive(1), 3, 0);
    expectCounts(contender, 'large list', await large.listUsers(), DATASETS.large.active, DATASETS.large.invited);
    expectCounts(contender, 'huge list', await huge.listActive(), DATASETS.huge.active, 0);
    await small.invite(1);
  }
  for (const row of rows) {
    const { small, large, huge, contender } = row;
    await counted(server, contender, 'warm-up', () => sequential(() => small.listActive(), CONFIG.warmup.sequential));
    await counted(server, contender, 'warm-up c32', () => concurrent((n) => small.listActive(n), CONFIG.warmup.c32, CONFIG.concurrency));
    await sequential((n) => small.invite(n), CONFIG.warmup.invite);
    await sequential(() => large.listUsers(), CONFIG.warmup.large);
    await sequential(() => huge.listActive(), CONFIG.warmup.huge);
  }

  log('measuring (round-robin, rotated order):');
  await runPhase('small list, sequential', CONFIG.sequential.rounds, rows, async (row) => {
    const batch = await counted(server, row.contender, 'sequential', () => sequential(() => row.small.listActive(), CONFIG.sequential.calls));
    row.seqMs.push(...batch.samples);
    row.seqP50.push(median(batch.samples));
    row.seqCpuPerCall.push(batch.cpuUs / batch.calls);
  });
  await runPhase(`small list, concurrency ${CONFIG.concurrency}`, CONFIG.c32.rounds, rows, async (row) => {
    const batch = await counted(server, row.contender, 'c32', () =>
      concurrent((n) => row.small.listActive(n), CONFIG.c32.calls, CONFIG.concurrency),
    );
    row.c32PerCall.push((batch.wallMs * 1000) / batch.calls);
    row.c32CpuPerCall.push(batch.cpuUs / batch.calls);
  });
  await runPhase('invite, sequential', CONFIG.invite.rounds, rows, async (row) => {
    const batch = await counted(server, row.contender, 'invite', () => sequential((n) => row.small.invite(n), CONFIG.invite.calls));
    row.inviteMs.push(...batch.samples);
    row.inviteP50.push(median(batch.samples));
  });
  if (canMeasureAllocation) {
    await runPhase('allocation (small list)', CONFIG.allocation.rounds, rows, async (row) => {
      const bytes = await allocation(() => row.small.listActive(), CONFIG.allocation.calls);
      if (bytes !== undefined) row.alloc.push(bytes);
    });
  }
  // Each big batch starts from a collected heap: otherwise a contender would pay for the
  // garbage of the one before it (the rotation keeps the same neighbours).
  await runPhase('large list (10k + 2k)', CONFIG.large.rounds, rows, async (row) => {
    collectGarbage();
    const batch = await counted(server, row.contender, 'large', () => sequential(() => row.large.listUsers(), CONFIG.large.calls));
    row.largeMs.push(median(batch.samples));
    row.largeCpuMs.push(batch.cpuUs / 1000 / batch.calls);
  });
  await runPhase('huge list (100k)', CONFIG.huge.rounds, rows, async (row) => {
    collectGarbage();
    const batch = await counted(server, row.contender, 'huge', () => sequential(() => row.huge.listActive(), CONFIG.huge.calls));
    row.hugeMs.push(median(batch.samples));
  });
  const parseLargeMs = await jsonParseLargeMs(server.endpoints);
  for (const row of rows) await row.contender.close();

  log('peak RSS, one fresh process per contender…');
  const rss = new Map(rows.map((row) => [row.contender.id, peakRss(rssChild, row.contender, server.endpoints)]));

  log('command line: start-up, users list, an import under a rate limit…');
  const cli = await measureCli(server.endpoints.large, DATASETS.large.active + DATASETS.large.invited);
  await server.stop();

  log('bundle sizes (esbuild --minify, browser, es2022; gzip -9)…');
  const sizes = await measureBundles();

  report(rows, rss, sizes, parseLargeMs);
  reportCli(cli, path.join(benchDir, 'results', 'latest.json'), log);
}

/**
 * The ratio of a contender to the floor: the median over rounds of the two figures measured
 * in the same round, so that the load of a shared machine, which drifts between rounds,
 * mostly cancels out.
 */
function pairedRatio(mine: readonly number[], floor: readonly number[]): number | undefined {
  const ratios = mine.map((value, round) => value / (floor[round] ?? Number.NaN)).filter((ratio) => Number.isFinite(ratio));
  return ratios.length > 0 ? median(ratios) : undefined;
}

function report(rows: readonly Row[], rss: ReadonlyMap<string, { baselineMb: number; peakMb: number }>, sizes: readonly BundleSize[], parseLargeMs: number): void {
  const floorRow = rows[0];
  if (!floorRow) return;
  const figures = rows.map((row) => {
    const memory = rss.get(row.contender.id);
    const floorMemory = rss.get(floorRow.contender.id);
    const allocKbPerCall = row.alloc.length > 0 ? median(row.alloc) / 1024 : undefined;
    const floorAlloc = floorRow.alloc.length > 0 ? median(floorRow.alloc) / 1024 : undefined;
    const plain = (value: number | undefined, base: number | undefined) =>
      value !== undefined && base !== undefined && base > 0 ? value / base : undefined;
    const smallP99Us = percentile(row.seqMs, 99) * 1000;
    const rssDeltaMb = memory ? memory.peakMb - memory.baselineMb : undefined;
    return {
      id: row.contender.id,
      label: row.contender.label,
      how: row.contender.how,
      smallP50Us: percentile(row.seqMs, 50) * 1000,
      smallP99Us,
      c32UsPerCall: median(row.c32PerCall),
      c32CallsPerSecond: 1e6 / median(row.c32PerCall),
      largeMs: median(row.largeMs),
      largeCpuMs: median(row.largeCpuMs),
      hugeMs: median(row.hugeMs),
      inviteP50Us: percentile(row.inviteMs, 50) * 1000,
      cpuUsPerCall: median(row.seqCpuPerCall),
      c32CpuUsPerCall: median(row.c32CpuPerCall),
      allocKbPerCall,
      allocSamples: row.alloc.length,
      rssPeakMb: memory?.peakMb,
      rssDeltaMb,
      ratioToFetch: {
        smallP50Us: pairedRatio(row.seqP50, floorRow.seqP50),
        smallP99Us: plain(smallP99Us, percentile(floorRow.seqMs, 99) * 1000),
        c32UsPerCall: pairedRatio(row.c32PerCall, floorRow.c32PerCall),
        largeMs: pairedRatio(row.largeMs, floorRow.largeMs),
        largeCpuMs: pairedRatio(row.largeCpuMs, floorRow.largeCpuMs),
        hugeMs: pairedRatio(row.hugeMs, floorRow.hugeMs),
        inviteP50Us: pairedRatio(row.inviteP50, floorRow.inviteP50),
        cpuUsPerCall: pairedRatio(row.seqCpuPerCall, floorRow.seqCpuPerCall),
        c32CpuUsPerCall: pairedRatio(row.c32CpuPerCall, floorRow.c32CpuPerCall),
        allocKbPerCall: plain(allocKbPerCall, floorAlloc),
        rssPeakMb: plain(memory?.peakMb, floorMemory?.peakMb),
        rssDeltaMb: plain(rssDeltaMb, floorMemory ? floorMemory.peakMb - floorMemory.baselineMb : undefined),
      },
    };
  });

  const latency = table(
    ['contender', 'small p50', 'small p99', `c${CONFIG.concurrency} throughput`, `c${CONFIG.concurrency} cost/call`, 'large 10k+2k', 'huge 100k', 'invite p50'],
    figures.map((f) => [
      f.label,
      cell(f.smallP50Us, f.ratioToFetch.smallP50Us, 'µs', 0),
      cell(f.smallP99Us, f.ratioToFetch.smallP99Us, 'µs', 0),
      `${num(f.c32CallsPerSecond)}/s`,
      cell(f.c32UsPerCall, f.ratioToFetch.c32UsPerCall, 'µs'),
      cell(f.largeMs, f.ratioToFetch.largeMs, 'ms'),
      cell(f.hugeMs, f.ratioToFetch.hugeMs, 'ms', 0),
      cell(f.inviteP50Us, f.ratioToFetch.inviteP50Us, 'µs', 0),
    ]),
  );
  const resources = table(
    ['contender', 'CPU/call (seq)', `CPU/call (c${CONFIG.concurrency})`, 'CPU/call (large)', 'JS heap alloc/call', 'peak RSS, 100k list', 'RSS growth'],
    figures.map((f) => [
      f.label,
      cell(f.cpuUsPerCall, f.ratioToFetch.cpuUsPerCall, 'µs'),
      cell(f.c32CpuUsPerCall, f.ratioToFetch.c32CpuUsPerCall, 'µs'),
      cell(f.largeCpuMs, f.ratioToFetch.largeCpuMs, 'ms'),
      cell(f.allocKbPerCall, f.ratioToFetch.allocKbPerCall, 'KiB'),
      cell(f.rssPeakMb, f.ratioToFetch.rssPeakMb, 'MiB', 0),
      cell(f.rssDeltaMb, f.ratioToFetch.rssDeltaMb, 'MiB', 0),
    ]),
  );
  const bundles = table(
    ['bundle', 'minified', 'gzip -9'],
    sizes.map((s) => [s.label, `${(s.minified / 1000).toFixed(1)} kB`, `${(s.gzip / 1000).toFixed(2)} kB`]),
  );
  const totalSeconds = (performance.now() - started) / 1000;

  log('');
  log('Latency and throughput (in parentheses: ratio to raw fetch, the median of per-round ratios; lower is better):');
  log(latency);
  log(`JSON.parse alone of the 10k+2k body: ${parseLargeMs.toFixed(1)} ms (the large list's raw fetch row is fetch + JSON.parse).`);
  log('');
  log('Client resources (the server runs in another process):');
  log(resources);
  log('');
  log('Bundle sizes (1 kB = 1000 bytes):');
  log(bundles);
  log('');
  log(`total wall time: ${totalSeconds.toFixed(1)} s`);

  const results = {
    generatedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, platform: `${os.platform()} ${os.release()}` },
    config: CONFIG,
    datasets: DATASETS,
    method: {
      server: 'the canned server (bench/src/canned) in a separate process: bodies rendered once at start-up by the reference server executing each operation of operations/ for real',
      order: 'round-robin: each round runs every contender once, the order rotated by one per round; a full GC before each large or huge batch',
      ratios:
        'ratioToFetch: for the per-round figures (p50s, c32 cost, large and huge times, CPU) the median over rounds of the contender/fetch ratio within the same round, so that load drifting between rounds cancels out; for p99, allocation and RSS the plain quotient of the figures',
      requests:
        'every contender sends one HTTP request per call (checked against the server count after every batch); at concurrency 32 the list carries distinct variables {"n":i} that the server ignores, so that urql does not merge identical queries in flight — except Roster, whose facade takes no variables and whose transport never merges',
      cpu: 'process.cpuUsage() around each batch (small list sequential and at concurrency 32, large list), user + system, divided by the calls; median over rounds',
      allocation: `JS heap: gc() (--expose-gc), then ${CONFIG.allocation.calls} calls, then the growth of v8 used_heap_size; batches during which a GC ran are dropped; median over rounds`,
      rss: 'process.resourceUsage().maxRSS after one 100k-user list in a fresh process per contender; growth = peak minus the RSS before the call',
      sizes: 'esbuild bundle --minify --platform=browser --target=es2022 --format=esm, then gzip level 9',
    },
    contenders: figures,
    jsonParseLargeMs: parseLargeMs,
    sizes,
    totalSeconds,
    tables: { latency, resources, bundles },
  };
  const dir = path.join(benchDir, 'results');
  mkdirSync(dir, { recursive: true });
  // Written aside, then renamed: an interrupted run never leaves a half-written latest.json.
  const temporary = path.join(dir, 'latest.tmp.json');
  writeFileSync(temporary, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(temporary, path.join(dir, 'latest.json'));
  log(`results written to ${path.relative(process.cwd(), path.join(dir, 'latest.json'))}`);
}

await main();
// Access as code: a section of its own, after the main results are written.
await planningSection(log);
