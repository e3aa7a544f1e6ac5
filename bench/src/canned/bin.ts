// The canned server as a process of its own (so that its CPU is not the benchmarked client's):
//   node --import tsx src/canned/bin.ts --port 0 --dataset large=10000,2000 --dataset huge=100000
import { parseArgs } from 'node:util';
import { startCannedServer, type CannedWorkspace } from './server.js';

const { values } = parseArgs({ options: { port: { type: 'string' }, dataset: { type: 'string', multiple: true } }, strict: true });
const datasets: Record<string, CannedWorkspace> = {};
for (const spec of values.dataset ?? []) {
  const match = /^([\w-]+)=(\d+)(?:,(\d+))?$/.exec(spec);
  if (!match?.[1] || match[1] === 'default' || match[1] in datasets) throw new Error(`--dataset must be NAME=ACTIVE[,INVITED], got "${spec}"`);
  datasets[match[1]] = { active: Number(match[2]), invited: Number(match[3] ?? 0) };
}
const server = await startCannedServer({ port: Number(values.port ?? 0), datasets });
console.log(`Roster canned server listening on ${server.url}`);
for (const [name, url] of Object.entries(server.urls)) console.log(`  ${name}: ${url}`);
console.log(`Answers: ${server.operations.join(', ')}`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
