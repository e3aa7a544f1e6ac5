// `pnpm bench:cli`: the start-up and `users list` comparisons of the CLI section, for working
// on them without the whole benchmark. `--section startup|list` runs one of them;
// `--rounds N` (default 15); every per-round ratio is printed, so that the spread on a
// shared machine is visible next to the median.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureList, measureStartup } from './cli.js';
import { median } from './measure.js';
import { DATASETS, startBenchServer } from './server.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '15' }, section: { type: 'string' } }, strict: true });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got "${values.rounds}"`);
if (values.section !== undefined && values.section !== 'startup' && values.section !== 'list') {
  throw new Error(`--section must be startup or list, got "${values.section}"`);
}

type Measured = Record<string, { ms: number[]; ratio: number[] }>;
function report(measured: Measured, name: string, floor: string, what: string, target: string): void {
  const ratios = [...(measured[name]?.ratio ?? [])].sort((a, b) => a - b);
  const ms = (contender: string) => median([...(measured[contender]?.ms ?? [])]).toFixed(0);
  console.log(`${what}, ${rounds} rounds:`);
  console.log(`  medians: ${ms(name)} ms vs ${ms(floor)} ms`);
  console.log(`  ratio: median ${median([...ratios]).toFixed(2)}×, min ${ratios[0]?.toFixed(2)}×, max ${ratios.at(-1)?.toFixed(2)}× (target ${target})`);
  console.log(`  per round (sorted): ${ratios.map((ratio) => ratio.toFixed(2)).join(' ')}`);
}

if (values.section !== 'list') {
  const startup = await measureStartup(rounds);
  report(startup, 'version', 'node', 'roster --version vs node -e 0', '≤ 1.5×');
  report(startup, 'help', 'node', 'roster --help vs node -e 0', '≤ 1.5×');
}
if (values.section !== 'startup') {
  const server = await startBenchServer();
  const work = mkdtempSync(path.join(os.tmpdir(), 'roster-bench-cli-list-'));
  try {
    const users = DATASETS.large.active + DATASETS.large.invited;
    const list = await measureList(work, server.endpoints.large, users, rounds);
    report(list, 'roster', 'script', `roster users list --format json (${users} users) vs a minimal fetch script`, '≤ 1.3×');
  } finally {
    rmSync(work, { recursive: true, force: true });
    await server.stop();
  }
}
