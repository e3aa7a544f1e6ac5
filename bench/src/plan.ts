// `pnpm bench`'s planning section: planning a 100,000-user workspace against a 100,000-row
// roster file, against listing that workspace alone, side by side in one run. The server is
// the real reference server (the canned one answers every page alike) in its own process;
// each measurement runs in a fresh process, so that its peak RSS is its own.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readLiveState } from '@roster/access';
import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { Roster } from '@roster/users';
import { median } from './measure.js';
import { bundleChild, CACHE_DIR } from './child-bundle.js';

/** How the planning section is sized: 100,000 users in all (the example workspace's 5 plus generated ones). */
export const PLAN_CONFIG = { users: 100_000, rounds: 5, changedShare: 0.01 } as const;

/** One child's report. */
export interface PlanSample {
  readonly ms: number;
  readonly cpuMs: number;
  readonly peakMb: number;
  readonly users: number;
  readonly actions: number;
  readonly phases: Readonly<Record<string, number>>;
}

/** What the section measured. */
export interface PlanFigures {
  readonly list: PlanSample[];
  readonly planCsv: PlanSample[];
  readonly planYaml: PlanSample[];
  /** Median over rounds of plan time / list time measured in the same round. */
  readonly timeRatio: number;
  /** Median peak RSS of planning / median peak RSS of listing. */
  readonly rssRatio: number;
  readonly yamlTimeRatio: number;
  readonly yamlRssRatio: number;
}

const benchDir = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** The built `roster-server` bin of `@roster/fixtures`: the real reference server, in its own process. */
function serverBin(): string {
  return path.join(path.dirname(require.resolve('@roster/fixtures/package.json')), 'dist', 'bin.js');
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, [serverBin(), '--port', '0', '--seed', 'example', '--users', String(PLAN_CONFIG.users - 5), '--no-control'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => child.kill('SIGKILL');
  process.once('exit', stop);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/\S+\/graphql)/.exec(output);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the reference server exited (${code}): ${output}`)));
  });
  return { url, stop };
}

/** The roster files: every user of the workspace, 1% of them with another role. */
async function writeRosterFiles(url: string): Promise<{ csv: string; yaml: string }> {
  const live = await readLiveState(new Roster({ apiEndpoint: url, ...EXAMPLE_CREDENTIALS.admin }));
  const members = live.users.filter((u) => u.status === 'ACTIVE' || u.status === 'INVITED');
  const every = Math.round(1 / PLAN_CONFIG.changedShare);
  const role = (i: number, current: string) => (i % every === every - 1 && current !== 'ADMIN' ? (current === 'ANALYST' ? 'DEVELOPER' : 'ANALYST') : current);
  const csv = ['email,role,name', ...members.map((u, i) => `${u.email},${role(i, u.role)},"${(u.name ?? '').replace(/"/g, '""')}"`)].join('\n');
  const yaml = ['mode: additive', 'members:', ...members.map((u, i) => `  - { email: ${u.email}, role: ${role(i, u.role)} }`)].join('\n');
  mkdirSync(CACHE_DIR, { recursive: true });
  const files = { csv: path.join(CACHE_DIR, 'roster-100k.csv'), yaml: path.join(CACHE_DIR, 'roster-100k.yaml') };
  writeFileSync(files.csv, `${csv}\n`);
  writeFileSync(files.yaml, `${yaml}\n`);
  return files;
}

function sample(child: string, args: string[]): PlanSample {
  const result = spawnSync(process.execPath, [child, ...args], { encoding: 'utf8', timeout: 180_000, env: { ...process.env, ROSTER_BENCH_KEYS: JSON.stringify(EXAMPLE_CREDENTIALS.admin) } });
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  try {
    const parsed = JSON.parse(line) as PlanSample;
    if (parsed.users !== PLAN_CONFIG.users) throw new Error(`expected ${PLAN_CONFIG.users} users, got ${parsed.users}`);
    return parsed;
  } catch (error) {
    throw new Error(`plan-child ${args[0]} failed (${result.status}): ${String(error)} ${result.stderr}`);
  }
}

/**
 * Measures listing against planning, alternating them round after round (the order swapped
 * each round) so that the load of a shared machine falls on both alike.
 */
export async function measurePlanning(log: (line: string) => void): Promise<PlanFigures> {
  const server = await startServer();
  try {
    const files = await writeRosterFiles(server.url);
    const child = await bundleChild('plan-child');
    // One of each first, unmeasured: the server builds its listing order on the first page.
    sample(child, ['list', server.url]);
    const list: PlanSample[] = [];
    const planCsv: PlanSample[] = [];
    for (let round = 0; round < PLAN_CONFIG.rounds; round++) {
      const pair = [() => list.push(sample(child, ['list', server.url])), () => planCsv.push(sample(child, ['plan', server.url, files.csv]))];
      for (const run of round % 2 === 0 ? pair : pair.reverse()) run();
      log(`  planning round ${round + 1}/${PLAN_CONFIG.rounds}: list ${list.at(-1)!.ms.toFixed(0)} ms, plan ${planCsv.at(-1)!.ms.toFixed(0)} ms`);
    }
    const planYaml = [sample(child, ['plan', server.url, files.yaml])];
    const ratio = (a: PlanSample[], b: PlanSample[], key: 'ms' | 'peakMb') => median(a.map((s, i) => s[key] / b[i]![key]));
    return {
      list,
      planCsv,
      planYaml,
      timeRatio: ratio(planCsv, list, 'ms'),
      rssRatio: median(planCsv.map((s) => s.peakMb)) / median(list.map((s) => s.peakMb)),
      yamlTimeRatio: planYaml[0]!.ms / median(list.map((s) => s.ms)),
      yamlRssRatio: planYaml[0]!.peakMb / median(list.map((s) => s.peakMb)),
    };
  } finally {
    server.stop();
  }
}

/** The section's table, for the console and the README. */
export function planningTable(figures: PlanFigures): string {
  const m = (samples: PlanSample[], key: 'ms' | 'peakMb' | 'cpuMs') => median(samples.map((s) => s[key]));
  const phase = (samples: PlanSample[], key: string) => median(samples.map((s) => s.phases[key] ?? 0));
  const rows = [
    ['listing alone (roster.users.list, every page)', m(figures.list, 'ms'), m(figures.list, 'cpuMs'), m(figures.list, 'peakMb'), '1.00×', '1.00×'],
    [`plan, 100k-row CSV (of which planning ${phase(figures.planCsv, 'planMs').toFixed(0)} ms)`, m(figures.planCsv, 'ms'), m(figures.planCsv, 'cpuMs'), m(figures.planCsv, 'peakMb'), `${figures.timeRatio.toFixed(2)}×`, `${figures.rssRatio.toFixed(2)}×`],
    [`plan, 100k-member YAML, 1 run (of which planning ${phase(figures.planYaml, 'planMs').toFixed(0)} ms)`, m(figures.planYaml, 'ms'), m(figures.planYaml, 'cpuMs'), m(figures.planYaml, 'peakMb'), `${figures.yamlTimeRatio.toFixed(2)}×`, `${figures.yamlRssRatio.toFixed(2)}×`],
  ] as const;
  const head = '| 100,000 users                                                  |    time |      CPU | peak RSS | time ratio | RSS ratio |';
  const line = '|----------------------------------------------------------------|--------:|---------:|---------:|-----------:|----------:|';
  return [head, line, ...rows.map(([label, ms, cpu, rss, tr, rr]) => `| ${label.padEnd(62)} | ${`${(ms / 1000).toFixed(2)} s`.padStart(7)} | ${`${(cpu / 1000).toFixed(2)} s`.padStart(8)} | ${`${rss.toFixed(0)} MiB`.padStart(8)} | ${tr.padStart(10)} | ${rr.padStart(9)} |`)].join('\n');
}

/**
 * The section as `pnpm bench` runs it: measures, prints the table and the ratios against
 * their targets, and adds the figures to results/latest.json under `planning`.
 */
export async function planningSection(log: (line: string) => void): Promise<void> {
  log('planning a 100,000-user workspace against a 100,000-row file, against listing it (fresh processes, alternating)…');
  const figures = await measurePlanning(log);
  log('');
  log('Access as code: roster plan against the listing alone (real reference server in another process):');
  log(planningTable(figures));
  log(`targets: time ≤ 1.2× the listing (measured ${figures.timeRatio.toFixed(2)}×), peak RSS ≤ 2× (measured ${figures.rssRatio.toFixed(2)}×)`);
  const file = path.join(benchDir, 'results', 'latest.json');
  if (!existsSync(file)) return;
  const results = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  results.planning = { config: PLAN_CONFIG, ...figures, table: planningTable(figures) };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
