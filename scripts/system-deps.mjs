#!/usr/bin/env node
// `pnpm test` needs two programs that npm cannot install: tmux (the command line's terminal
// tests drive the built bin in it) and Chromium (Roster Studio's end-to-end tests drive
// Debian's build through playwright-core; a test tool's own browser download does not work
// on every machine). This installs whichever is missing with apt-get when it can (root on a
// Debian-like system, as CI is), and otherwise says exactly what to install and exits 1, so
// that a fresh machine fails here with a clear message instead of deep inside a test run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = [
  { name: 'tmux', present: () => spawnSync('tmux', ['-V']).status === 0, apt: 'tmux' },
  { name: 'chromium', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'), apt: 'chromium' },
];
const missing = needed.filter((tool) => !tool.present());
if (missing.length === 0) process.exit(0);

const packages = missing.map((tool) => tool.apt);
const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0;
if (!canApt) {
  console.error(`system-deps: missing ${packages.join(', ')}; install ${packages.length > 1 ? 'them' : 'it'} (e.g. \`sudo apt-get install -y ${packages.join(' ')}\`) and run the tests again.`);
  process.exit(1);
}
console.log(`system-deps: installing ${packages.join(', ')} with apt-get`);
for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...packages]]) {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    console.error(`system-deps: apt-get ${args[0]} failed (exit ${result.status})`);
    process.exit(1);
  }
}
const still = missing.filter((tool) => !tool.present());
if (still.length > 0) {
  console.error(`system-deps: still missing after apt-get: ${still.map((tool) => tool.name).join(', ')}`);
  process.exit(1);
}
