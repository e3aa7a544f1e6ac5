// Peak RSS of one contender listing the 100k-user workspace, in a fresh process:
//   ROSTER_BENCH_KEYS='{"apiKey":…,"apiSecret":…}' node rss-child.mjs <contender id> <endpoint>
// Prints one JSON line: { baselineMb, peakMb }.
import { contenders, type KeyPair } from './contenders.js';

const keys = JSON.parse(process.env.ROSTER_BENCH_KEYS ?? '{}') as KeyPair;
const [id, endpoint] = process.argv.slice(2);
const contender = contenders(keys).find((candidate) => candidate.id === id);
if (!contender || !endpoint) {
  console.error(`usage: rss-child <${contenders(keys).map((c) => c.id).join('|')}> <endpoint>`);
  process.exit(2);
}
const calls = contender.create(endpoint);
const mb = (bytes: number) => bytes / (1024 * 1024);
// The baseline: the libraries loaded and the client created, nothing requested yet.
const baselineMb = mb(process.memoryUsage.rss());
const result = await calls.listActive();
if (result.active !== 100_000) throw new Error(`expected 100000 active users, got ${result.active}`);
// maxRSS is in kilobytes (KiB).
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ baselineMb, peakMb }));
await contender.close();
process.exit(0);
