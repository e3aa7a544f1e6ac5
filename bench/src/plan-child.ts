// One measurement of `pnpm bench`'s planning section, in a fresh process:
//   ROSTER_BENCH_KEYS='{"apiKey":…,"apiSecret":…}' node plan-child.mjs list|plan <endpoint> [roster file]
// `list` reads the whole workspace (every page, every user kept, as a plan must);
// `plan` does what `roster plan` does: the same listing with the file read and parsed
// meanwhile, then the plan. Prints one JSON line: { ms, cpuMs, peakMb, users, actions, phases }.
import { performance } from 'node:perf_hooks';
import { planRoster, readRosterAndLive } from '@roster/access/node';
import { Roster, type User } from '@roster/users';

const keys = JSON.parse(process.env.ROSTER_BENCH_KEYS ?? '{}') as { apiKey: string; apiSecret: string };
const [mode, endpoint, file] = process.argv.slice(2);
if ((mode !== 'list' && mode !== 'plan') || !endpoint || (mode === 'plan' && !file)) {
  console.error('usage: plan-child list|plan <endpoint> [roster file]');
  process.exit(2);
}
const roster = new Roster({ apiEndpoint: endpoint, ...keys });
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let users = 0;
let actions = 0;
const phases: Record<string, number> = {};
if (mode === 'list') {
  const all: User[] = [];
  for await (const user of roster.users.list({}, { pageSize: 500 })) all.push(user);
  users = all.length;
} else {
  // What `roster plan` does: the file parsed while the listing waits on the server, then the plan.
  const { file: desired, live } = await readRosterAndLive(roster, file!);
  phases.readMs = performance.now() - t0;
  const tp = performance.now();
  const plan = planRoster(desired, live);
  phases.planMs = performance.now() - tp;
  users = live.users.length;
  actions = plan.actions.length;
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
// maxRSS is in kilobytes (KiB).
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, peakMb: process.resourceUsage().maxRSS / 1024, users, actions, phases }));
process.exit(0);
