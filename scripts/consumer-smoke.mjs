#!/usr/bin/env node
// `pnpm test:consumer`: the packages as a user meets them, from outside the workspace.
//
// 1. builds every publishable package (each non-private package under packages/) and packs
//    it with `pnpm pack` (so `workspace:^` becomes a real range), then checks each tarball:
//    LICENSE, no `workspace:` range left, and the schema for a package that ships one;
// 2. in temporary folders under the OS temp dir, installs the tarballs with npm (a private
//    npm cache, so that the machine's cache and offline settings cannot interfere) into
//      esm      "type": "module", TypeScript "module"/"moduleResolution": "nodenext";
//      cjs      a CommonJS package: TypeScript compiles to require('@roster/users'), and a
//               second type-check with "module": "commonjs" (node10 resolution);
//      bundler  "moduleResolution": "bundler", type-checked, then bundled with esbuild;
//    each type-checks code that uses the facade and the generated types (a wrong enum value
//    under @ts-expect-error proves the types are real);
// 3. runs each app on this machine's Node and on Node 24 (fetched with `npx -y node@24`)
//    against the reference server from the fixtures tarball: esm and bundler start it
//    in-process with `startServer`, cjs talks to the `roster-server` bin started as a process,
//    and so does the `roster` bin of the @roster/cli tarball (`--version`, `users list`).
//
// Usage: node scripts/consumer-smoke.mjs [--keep] [--skip-build] [--only esm,cjs,bundler]
//        [--node24 PATH] [--verbose]
// Exit 0 when every app type-checks and every run succeeds, 1 otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: flags } = parseArgs({
  options: {
    keep: { type: 'boolean' },
    'skip-build': { type: 'boolean' },
    only: { type: 'string' },
    node24: { type: 'string' },
    verbose: { type: 'boolean' },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const started = Date.now();
const DEADLINE_MS = 15 * 60_000;
const THIRD_PARTY = ['typescript@5.9.3', '@types/node@20'];
const ESBUILD = 'esbuild@0.27.7';

const work = mkdtempSync(path.join(tmpdir(), 'roster-consumer-'));
const children = new Set();
let failures = 0;

function cleanup() {
  for (const child of children) child.kill('SIGKILL');
  if (flags.keep) console.log(`consumer-smoke: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`consumer-smoke: ${signal}, cleaning up`);
    cleanup();
    process.exit(1);
  });
}
const deadline = setTimeout(() => {
  console.error(`consumer-smoke: FAILED: still running after ${DEADLINE_MS / 60_000} minutes`);
  cleanup();
  process.exit(1);
}, DEADLINE_MS);
deadline.unref();

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
function step(title) {
  console.log(`\n▸ ${title}`);
}

/** Runs a command to completion; returns { status, output }, never throws on a non-zero exit. */
function run(command, args, { cwd = root, env = {}, timeoutMs = 5 * 60_000, input } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (flags.verbose) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    if (input) child.stdin.end(input);
    const timer = setTimeout(() => {
      output += `\n[killed after ${timeoutMs / 1000} s]`;
      child.kill('SIGKILL');
    }, timeoutMs);
    let settled = false;
    const settle = (status) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      children.delete(child);
      resolve({ status, output });
    };
    child.on('error', (error) => {
      // Not started at all (e.g. ENOENT): there will be no exit code.
      output += `\n${command}: ${error.message}`;
      settle(127);
    });
    child.on('close', (status, signal) => settle(status ?? (signal ? 128 : 1)));
  });
}

/** Like run, but a non-zero exit prints the output and aborts the whole smoke test. */
async function must(what, command, args, options) {
  const since = Date.now();
  const result = await run(command, args, options);
  if (result.status !== 0) {
    console.error(`  ✗ ${what} failed (exit ${result.status}):\n${indent(result.output)}`);
    fatal(`${what} failed`);
  }
  console.log(`  ✓ ${what} (${seconds(since)})`);
  return result.output;
}

function check(ok, what, detail = '') {
  if (ok) console.log(`  ✓ ${what}`);
  else {
    failures += 1;
    console.error(`  ✗ ${what}${detail ? `\n${indent(detail)}` : ''}`);
  }
  return ok;
}

function fatal(message) {
  console.error(`\nconsumer-smoke: FAILED: ${message} (after ${seconds(started)})`);
  cleanup();
  process.exit(1);
}

const indent = (text) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');

// ---------------------------------------------------------------------------------------
// The publishable packages: every package under packages/ that is not private.
const packages = readdirSync(path.join(root, 'packages'))
  .map((dir) => path.join(root, 'packages', dir))
  .filter((dir) => existsSync(path.join(dir, 'package.json')))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) }))
  .filter(({ manifest }) => manifest.private !== true);
const names = packages.map(({ manifest }) => manifest.name);
for (const needed of ['@roster/users', '@roster/client', '@roster/fixtures']) {
  if (!names.includes(needed)) fatal(`${needed} is not a publishable package under packages/`);
}
console.log(`consumer-smoke: ${names.join(', ')} → ${work}`);

const apps = ['esm', 'cjs', 'bundler'].filter((app) => !flags.only || flags.only.split(',').includes(app));

// ---------------------------------------------------------------------------------------
step('build and pack');
if (!flags['skip-build']) {
  await must(
    'build (turbo)',
    path.join(root, 'node_modules/.bin/turbo'),
    ['run', 'build', ...names.map((name) => `--filter=${name}`), '--output-logs=errors-only'],
    { timeoutMs: 10 * 60_000 },
  );
}
// The pnpm running this script (`pnpm test:consumer`), else the one on PATH.
const execpath = process.env.npm_execpath ?? '';
const pnpm = /pnpm\.(c?js|mjs)$/.test(execpath) ? [process.execPath, [execpath]] : ['pnpm', []];
const tarballDir = path.join(work, 'tarballs');
mkdirSync(tarballDir);
const tarballs = [];
for (const { dir, manifest } of packages) {
  await must(`pnpm pack ${manifest.name}`, pnpm[0], [...pnpm[1], 'pack', '--pack-destination', tarballDir], { cwd: dir });
  const file = path.join(tarballDir, `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`);
  if (!existsSync(file)) fatal(`pnpm pack wrote no ${path.basename(file)}`);
  tarballs.push({ name: manifest.name, file, manifest });
}

/** The files an `exports` map points to: its values, not its subpath keys (`./planner`). */
function exportTargets(exports) {
  if (typeof exports === 'string') return [exports];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.values(exports).flatMap(exportTargets);
}

for (const { name, file, manifest } of tarballs) {
  const list = spawnSync('tar', ['-tzf', file], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  const packed = JSON.parse(spawnSync('tar', ['-xOzf', file, 'package/package.json'], { encoding: 'utf8' }).stdout);
  const size = `${(statSync(file).size / 1024).toFixed(0)} kB, ${list.length} files`;
  check(list.includes('package/LICENSE'), `${name} (${size}) ships LICENSE`);
  const ranges = JSON.stringify([packed.dependencies, packed.peerDependencies, packed.optionalDependencies]);
  check(!ranges.includes('workspace:'), `${name}: no workspace: range in the published dependencies`, ranges);
  const shipped = new Set(list.map((entry) => entry.replace(/^package\//, '')));
  const targets = exportTargets(manifest.exports);
  const missing = [...targets, ...Object.values(manifest.bin ?? {})].map((target) => target.replace(/^\.\//, '')).filter((target) => !shipped.has(target));
  check(missing.length === 0, `${name}: every export and bin target is in the tarball`, missing.join('\n'));
  if ((manifest.files ?? []).includes('schema')) {
    const sdl = list.filter((entry) => /^package\/schema\/.+\.graphql$/.test(entry));
    check(sdl.length > 0, `${name}: ships the schema (${sdl.map((entry) => entry.replace('package/', '')).join(', ')})`);
  }
}
if (failures > 0) fatal('the tarballs are incomplete');

// ---------------------------------------------------------------------------------------
step('Node 24');
let node24 = flags.node24;
if (!node24) {
  // npx caches the download in the user's npm cache; the temporary one is the fallback.
  const attempts = [{}, { npm_config_cache: path.join(work, 'npm-cache') }];
  for (const env of attempts) {
    const found = await run('npx', ['-y', 'node@24', '-p', 'process.execPath'], {
      env: { ...env, npm_config_offline: 'false', npm_config_yes: 'true' },
      timeoutMs: 3 * 60_000,
    });
    const candidate = found.output.trim().split('\n').at(-1);
    if (found.status === 0 && candidate && existsSync(candidate)) {
      node24 = candidate;
      break;
    }
    if (flags.verbose) console.log(found.output);
  }
  if (!node24) fatal('npx -y node@24 could not fetch Node 24');
}
const runtimes = [
  { label: `node ${process.version}`, bin: process.execPath, major: process.versions.node.split('.')[0] },
  { label: `node ${spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim()}`, bin: node24, major: '24' },
];
console.log(`  ✓ ${runtimes.map((runtime) => runtime.label).join(' and ')} (Node 24 from npx -y node@24: ${node24})`);

// ---------------------------------------------------------------------------------------
// The apps. One body, three module systems: the facade, the generated enum and documents,
// ResultOf, typed errors; a wrong enum value must not compile.
const typeChecks = `
// The generated types are real types, not \`any\`.
const role: UserAccountType = UserAccountType.ADMIN;
// @ts-expect-error 'OWNER' is not a UserAccountType
const notARole: UserAccountType = 'OWNER';
type Listed = ResultOf<typeof ListActiveUsersDocument>;
type Invite = VariablesOf<typeof InviteUserDocument>;
const invite: Invite = { email: 'grace@example.com', accountType: UserAccountType.DEVELOPER };
// @ts-expect-error an invitation needs an accountType
const incomplete: Invite = { email: 'grace@example.com' };
void [role, notARole, invite, incomplete];
`;

const exercise = `
async function exercise(apiEndpoint: string, credentials: { apiKey: string; apiSecret: string }): Promise<string> {
  const roster = new Roster({ apiEndpoint, ...credentials });
  const active: ActiveUser[] = await roster.users.listActive();
  const first = active[0];
  if (!first) throw new Error('listActive returned nobody');
  const role: OpenEnum<UserAccountType> = first.accountType;
  const same = await roster.users.getByEmail(first.email.toUpperCase());
  if (same.uid !== first.uid) throw new Error('getByEmail found someone else');

  const email = \`consumer-\${process.pid}@example.com\`;
  await roster.users.invite({ email, accountType: UserAccountType.ANALYST });
  const invited: InvitedUser[] = await roster.users.listInvited();
  if (!invited.some((user) => user.email === email)) throw new Error('the invitation is not listed');

  const listed: Listed = await roster.client.execute(ListActiveUsersDocument);
  if (!listed.listUsers.ok || listed.listUsers.activeUsers.length !== active.length) throw new Error('execute disagrees with listActive');

  let notFound = false;
  try {
    await roster.users.getByEmail('nobody@example.com');
  } catch (error) {
    notFound = error instanceof NotFoundError && error instanceof RosterError && error.code === 'NOT_FOUND';
  }
  if (!notFound) throw new Error('getByEmail of an unknown address did not throw NotFoundError');
  let invalid = false;
  try {
    await roster.users.invite({ email: 'not-an-email', accountType: UserAccountType.ADMIN });
  } catch (error) {
    invalid = error instanceof ValidationError;
  }
  if (!invalid) throw new Error('a bad email did not throw ValidationError');
  return \`\${active.length} active (first: \${first.email}, \${role}), invited \${email}, NotFoundError and ValidationError caught\`;
}
`;

const esmImports = `import { EXAMPLE_CREDENTIALS, startServer } from '@roster/fixtures';
import { InviteUserDocument, ListActiveUsersDocument, type ResultOf, type VariablesOf } from '@roster/client';
import {
  NotFoundError,
  Roster,
  RosterError,
  UserAccountType,
  ValidationError,
  type ActiveUser,
  type InvitedUser,
  type OpenEnum,
} from '@roster/users';
`;

// Roster Studio from its tarball: the page it serves was built before packing, so an
// installed package must serve it (and forward the page's operations) with no build step.
const studioImport = `import { startStudio } from '@roster/studio';
`;
const studioCheck = `
async function studio(apiEndpoint: string): Promise<string> {
  const server = await startStudio({ credentials: { apiEndpoint, ...EXAMPLE_CREDENTIALS.admin } });
  try {
    const exchange = await fetch(server.url, { redirect: 'manual' });
    const cookie = (exchange.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (exchange.status !== 303 || cookie === '') throw new Error(\`the studio's token exchange answered \${exchange.status}\`);
    const page = await (await fetch(\`\${server.origin}/\`, { headers: { cookie } })).text();
    const script = /src="\\.\\/(assets\\/[^"]+\\.js)"/.exec(page)?.[1];
    if (script === undefined) throw new Error('the studio page names no script');
    const js = await fetch(\`\${server.origin}/\${script}\`, { headers: { cookie } });
    if (js.status !== 200) throw new Error(\`the studio's \${script} answered \${js.status}\`);
    const listed = await fetch(\`\${server.origin}/graphql\`, {
      method: 'POST',
      headers: { cookie, origin: server.origin, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query ListUsers { listUsers { ok activeUsers { uid email name accountType } invitedUsers { email accountType inviteStatus } } }' }),
    });
    const body = (await listed.json()) as { data?: { listUsers?: { ok?: boolean } } };
    if (body.data?.listUsers?.ok !== true) throw new Error(\`the studio did not forward ListUsers: \${JSON.stringify(body)}\`);
    return \`studio served \${script} and forwarded ListUsers\`;
  } finally {
    await server.close();
  }
}
`;

const inProcessMain = (app) => `
const server = await startServer({ port: 0 });
try {
  console.log(\`ok: ${app} on node \${process.version}: \${await exercise(server.url, EXAMPLE_CREDENTIALS.admin)}\`);
} finally {
  await server.close();
}
`;

// skipLibCheck as `tsc --init` sets it. Every package's own declarations are checked in full
// by tsconfig.dts.json below.
const baseOptions = { target: 'es2022', lib: ['es2023'], strict: true, types: ['node'], skipLibCheck: true, esModuleInterop: true };
// Every .d.ts / .d.cts of @roster/client, @roster/users and @roster/fixtures, and of what they
// load (@urql/core, wonka: its typings name HTMLElement, hence lib "dom"), type-checked with
// skipLibCheck off.
const declarationCheck = {
  'tsconfig.dts.json': {
    compilerOptions: { ...baseOptions, lib: ['es2023', 'dom'], skipLibCheck: false, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true },
    files: ['dts.ts'],
  },
  'dts.ts': `import { Roster, UserAccountType } from '@roster/users';
import { ListActiveUsersDocument, type ResultOf } from '@roster/client';
export const roster: typeof Roster = Roster;
export const admin: UserAccountType = UserAccountType.ADMIN;
export type Listed = ResultOf<typeof ListActiveUsersDocument>;
import { startServer, type RosterServer, type ServerOptions } from '@roster/fixtures';
export const start: (options?: ServerOptions) => Promise<RosterServer> = startServer;
`,
};
const appFiles = {
  esm: {
    'package.json': { name: 'consumer-esm', private: true, type: 'module' },
    'tsconfig.json': { compilerOptions: { ...baseOptions, module: 'nodenext', moduleResolution: 'nodenext', outDir: 'dist' }, files: ['app.ts'] },
    'app.ts':
      studioImport +
      esmImports +
      typeChecks +
      exercise +
      studioCheck +
      inProcessMain('esm').replace('await exercise(server.url, EXAMPLE_CREDENTIALS.admin)}', 'await exercise(server.url, EXAMPLE_CREDENTIALS.admin)}; \${await studio(server.url)}'),
    ...declarationCheck,
  },
  cjs: {
    'package.json': { name: 'consumer-cjs', private: true, type: 'commonjs' },
    // nodenext in a CommonJS package: TypeScript emits require() and resolves the
    // packages' "require" condition (index.d.cts / index.cjs).
    'tsconfig.json': { compilerOptions: { ...baseOptions, module: 'nodenext', moduleResolution: 'nodenext', outDir: 'dist' }, files: ['app.ts'] },
    // The older CommonJS setup: "module": "commonjs" resolves like node10 (main/types, no exports).
    'tsconfig.node10.json': { compilerOptions: { ...baseOptions, module: 'commonjs', moduleResolution: 'node10', noEmit: true }, files: ['app.ts'] },
    ...declarationCheck,
    'app.ts':
      esmImports.replace("import { EXAMPLE_CREDENTIALS, startServer } from '@roster/fixtures';", "import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';") +
      typeChecks +
      exercise +
      `
// The reference server runs as a separate process (the roster-server bin); its URL comes in ROSTER_API_ENDPOINT.
async function main(): Promise<void> {
  const endpoint = process.env.ROSTER_API_ENDPOINT;
  if (!endpoint) throw new Error('set ROSTER_API_ENDPOINT');
  console.log(\`ok: cjs on node \${process.version}: \${await exercise(endpoint, EXAMPLE_CREDENTIALS.admin)}\`);
}
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`,
  },
  bundler: {
    'package.json': { name: 'consumer-bundler', private: true, type: 'module' },
    'tsconfig.json': { compilerOptions: { ...baseOptions, module: 'preserve', moduleResolution: 'bundler', noEmit: true }, files: ['app.ts'] },
    'app.ts': esmImports + typeChecks + exercise + inProcessMain('bundler'),
  },
};

// ---------------------------------------------------------------------------------------
step(`install the tarballs with npm into ${apps.join(', ')} (outside the workspace)`);
const npmCache = path.join(work, 'npm-cache');
const npmEnv = { npm_config_cache: npmCache, npm_config_offline: 'false', npm_config_prefer_offline: 'false', npm_config_update_notifier: 'false' };
for (const app of apps) {
  const dir = path.join(work, app);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(appFiles[app])) {
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
  const extra = app === 'bundler' ? [ESBUILD] : [];
  await must(
    `${app}: npm install ${tarballs.map(({ file }) => path.basename(file)).join(' ')} ${[...THIRD_PARTY, ...extra].join(' ')}`,
    'npm',
    // --engine-strict: a dependency whose engines refuse this Node (EBADENGINE) fails the install.
    ['install', '--no-audit', '--no-fund', '--loglevel=error', '--engine-strict', ...tarballs.map(({ file }) => file), ...THIRD_PARTY, ...extra],
    { cwd: dir, env: npmEnv, timeoutMs: 6 * 60_000 },
  );
  // Each @roster package must come from its tarball: one that npm fetched from the registry
  // instead (or nested a second copy of) would make this test prove nothing.
  const lock = JSON.parse(readFileSync(path.join(dir, 'node_modules/.package-lock.json'), 'utf8'));
  const roster = Object.entries(lock.packages).filter(([key]) => /(^|\/)node_modules\/@roster\//.test(key));
  const strays = roster.filter(([key, entry]) => !/^node_modules\/@roster\/[^/]+$/.test(key) || !String(entry.resolved).startsWith('file:'));
  check(
    strays.length === 0 && roster.length === tarballs.length,
    `${app}: ${roster.length} @roster packages, each from its tarball, one copy each`,
    strays.map(([key, entry]) => `${key} ← ${entry.resolved}`).join('\n'),
  );
}

// ---------------------------------------------------------------------------------------
step('type-check and compile');
const tsc = (app, ...args) => must(`${app}: tsc ${args.join(' ')}`.trim(), process.execPath, ['node_modules/typescript/bin/tsc', ...args], { cwd: path.join(work, app), timeoutMs: 3 * 60_000 });
const entry = {};
if (apps.includes('esm')) {
  await tsc('esm', '-p', 'tsconfig.json');
  await tsc('esm', '-p', 'tsconfig.dts.json');
  entry.esm = 'dist/app.js';
}
if (apps.includes('cjs')) {
  await tsc('cjs', '-p', 'tsconfig.json');
  await tsc('cjs', '-p', 'tsconfig.node10.json');
  await tsc('cjs', '-p', 'tsconfig.dts.json');
  const emitted = readFileSync(path.join(work, 'cjs/dist/app.js'), 'utf8');
  check(/require\("@roster\/users"\)/.test(emitted) && !/^import /m.test(emitted), 'cjs: the compiled app loads @roster/users with require()');
  entry.cjs = 'dist/app.js';
}
if (apps.includes('bundler')) {
  const dir = path.join(work, 'bundler');
  await tsc('bundler', '-p', 'tsconfig.json');
  if (existsSync(path.join(dir, 'node_modules/esbuild/bin/esbuild'))) {
    // The SDK is bundled; the reference server stays a package (it reads its schema/ folder).
    await must('bundler: esbuild --bundle', path.join(dir, 'node_modules/esbuild/bin/esbuild'), [
      'app.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      '--external:@roster/fixtures',
      '--outfile=dist/app.mjs',
      '--log-level=warning',
    ], { cwd: dir });
    const bundle = readFileSync(path.join(dir, 'dist/app.mjs'), 'utf8');
    check(!/from ["']@roster\/(users|client)["']/.test(bundle), 'bundler: @roster/users and @roster/client are inside the bundle');
    entry.bundler = 'dist/app.mjs';
  } else {
    console.log('  esbuild is not installed: running the tsc output instead');
    await tsc('bundler', '-p', 'tsconfig.json', '--noEmit', 'false', '--module', 'esnext', '--outDir', 'dist');
    entry.bundler = 'dist/app.js';
  }
}
if (failures > 0) fatal('an app does not compile as expected');

// ---------------------------------------------------------------------------------------
step(`run every app on ${runtimes.map((runtime) => runtime.label).join(' and ')}`);

/** Starts the fixtures tarball's roster-server bin with one runtime; resolves to { url, stop }. */
function startBin(dir, runtime) {
  const bin = path.join(dir, 'node_modules/.bin/roster-server');
  // On the machine's Node the bin runs as a user runs it (its shebang); on Node 24 through that node.
  const [command, args] = runtime.bin === process.execPath ? [bin, ['--port', '0']] : [runtime.bin, [bin, '--port', '0']];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`roster-server did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve({
          url: match[1],
          stop: () =>
            new Promise((done) => {
              const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
              child.once('close', (code, signal) => {
                clearTimeout(kill);
                children.delete(child);
                done({ code, signal });
              });
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`roster-server exited with ${code} before listening:\n${output}`));
    });
  });
}

/** The `roster` bin of the @roster/cli tarball, run as a user runs it, against the roster-server bin. */
async function checkCli(dir, runtime, url) {
  const bin = path.join(dir, 'node_modules/.bin/roster');
  const [command, prefix] = runtime.bin === process.execPath ? [bin, []] : [runtime.bin, [bin]];
  const env = { ROSTER_API_ENDPOINT: url, ROSTER_API_KEY: 'roster-example-admin-key', ROSTER_API_SECRET: 'roster-example-admin-secret-0d5f3c1e' };
  const version = await run(command, [...prefix, '--version'], { cwd: dir, timeoutMs: 30_000 });
  const expected = tarballs.find(({ name }) => name === '@roster/cli')?.manifest.version;
  check(version.status === 0 && version.output.trim() === expected, `roster --version on ${runtime.label}: ${version.output.trim()}`, version.output);
  // The top-level help is printed from dist/help.txt, rendered by the build: the tarball carries it.
  const helpFile = path.join(dir, 'node_modules/@roster/cli/dist/help.txt');
  const help = await run(command, [...prefix, '--help'], { cwd: dir, timeoutMs: 30_000 });
  check(
    help.status === 0 && existsSync(helpFile) && help.output === readFileSync(helpFile, 'utf8'),
    `roster --help on ${runtime.label}: the help rendered at build time (${existsSync(helpFile) ? 'dist/help.txt packed' : 'dist/help.txt missing from the tarball'})`,
    help.output,
  );
  const listed = await run(command, [...prefix, 'users', 'list', '--format', 'json'], { cwd: dir, env, timeoutMs: 60_000 });
  let emails = [];
  try {
    emails = JSON.parse(listed.output).map((user) => user.email);
  } catch {
    // Reported below with the output.
  }
  check(
    listed.status === 0 && ['alexandra@acme.io', 'jonny@acme.io', 'matt@acme.io', 'max@acme.io', 'john@acme.io'].every((email) => emails.includes(email)),
    `roster users list on ${runtime.label}: ${emails.length} users, the documented example workspace among them`,
    listed.output,
  );
}

let runs = 0;
for (const app of apps) {
  const dir = path.join(work, app);
  for (const runtime of runtimes) {
    const since = Date.now();
    let server;
    const env = {};
    if (app === 'cjs') {
      try {
        server = await startBin(dir, runtime);
      } catch (error) {
        check(false, `${app} on ${runtime.label}: roster-server bin`, error.message);
        continue;
      }
      env.ROSTER_API_ENDPOINT = server.url;
    }
    const result = await run(runtime.bin, [entry[app]], { cwd: dir, env, timeoutMs: 60_000 });
    const line = result.output.split('\n').find((text) => text.startsWith('ok: '));
    const ok = result.status === 0 && line !== undefined && line.includes(`on node v${runtime.major}.`);
    runs += 1;
    check(ok, `${app} on ${runtime.label}${server ? ` (roster-server bin at ${server.url})` : ''} (${seconds(since)}): ${line ?? 'no result'}`, ok ? '' : result.output);
    if (server) await checkCli(dir, runtime, server.url);
    if (server) {
      const stopped = await server.stop();
      check(stopped.code === 0, `${app} on ${runtime.label}: roster-server stopped cleanly on SIGTERM`, JSON.stringify(stopped));
    }
  }
}

// ---------------------------------------------------------------------------------------
cleanup();
clearTimeout(deadline);
if (failures > 0) {
  console.error(`\nconsumer-smoke: FAILED: ${failures} check(s) failed (after ${seconds(started)})`);
  process.exit(1);
}
console.log(`\nconsumer-smoke: OK: ${runs} runs (${apps.join(', ')} × ${runtimes.map((runtime) => runtime.label).join(', ')}) in ${seconds(started)}`);
