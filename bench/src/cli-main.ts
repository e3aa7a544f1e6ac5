// `pnpm bench:cli`: only the `users list` comparison of the CLI section, for working on it
// without the whole benchmark. `--rounds N` (default 15); every per-round ratio is printed,
// so that the spread on a shared machine is visible next to the median.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureList } from './cli.js';
import { median } from './measure.js';
import { DATASETS, startBenchServer } from './server.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '15' } }, strict: true });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got "${values.rounds}"`);

const server = await startBenchServer();
const work = mkdtempSync(path.join(os.tmpdir(), 'roster-bench-cli-list-'));
try {
  const users = DATASETS.large.active + DATASETS.large.invited;
  const list = await measureList(work, server.endpoints.large, users, rounds);
  const ratios = [...(list.roster?.ratio ?? [])].sort((a, b) => a - b);
  const ms = (name: string) => median([...(list[name]?.ms ?? [])]).toFixed(0);
  console.log(`roster users list --format json (${users} users) vs a minimal fetch script, ${rounds} rounds:`);
  console.log(`  medians: ${ms('roster')} ms vs ${ms('script')} ms`);
  console.log(`  ratio: median ${median([...ratios]).toFixed(2)}×, min ${ratios[0]?.toFixed(2)}×, max ${ratios.at(-1)?.toFixed(2)}× (target ≤ 1.3×)`);
  console.log(`  per round (sorted): ${ratios.map((ratio) => ratio.toFixed(2)).join(' ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
  await server.stop();
}
