#!/usr/bin/env node
// `pnpm schema:diff`: what changed in schema/ since the last release, and whether it may ship.
//
// The baseline ("the last release") is, in this order:
//   1. --base REV (or SCHEMA_DIFF_BASE=REV), when given;
//   2. the newest release tag: `@roster/client@*` (what `changeset publish` creates) or `v*`,
//      newest by tag date;
//   3. otherwise, before the first release, the first commit that has schema/ (the schema as
//      it was introduced), so that every change made since is reviewed.
// The working tree's schema/ (committed or not) is compared with the baseline's by
// @graphql-inspector/core, and each change is printed as breaking, dangerous or safe.
//
// Exit 1 on a breaking change, unless a pending changeset (.changeset/*.md) declares a
// `major` bump for @roster/client or another publishable package that ships generated code
// (one with a src/generated/ folder): a breaking schema change breaks those packages' types.
// Exit 0 otherwise (dangerous changes are reported, not fatal). Exit 2 on a usage or git error.
//
// Usage: node scripts/schema-diff.mjs [--cwd DIR] [--base REV] [--verbose]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildASTSchema, concatAST, parse, Source } from 'graphql';

const { values } = parseArgs({ options: { cwd: { type: 'string' }, base: { type: 'string' }, verbose: { type: 'boolean' } } });
const root = path.resolve(values.cwd ?? process.cwd());
const SCHEMA_DIR = 'schema';
const RELEASE_TAGS = ['refs/tags/@roster/client@*', 'refs/tags/v*'];

const git = (...args) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

function fail(message) {
  console.error(`schema:diff: ${message}`);
  process.exit(2);
}

/** The baseline revision and why it was chosen, or undefined when there is none yet. */
function baseline() {
  const explicit = values.base ?? process.env.SCHEMA_DIFF_BASE;
  if (explicit) return { rev: explicit, why: 'given with --base' };
  const tags = git('for-each-ref', '--sort=-creatordate', '--format=%(refname:short)', ...RELEASE_TAGS)
    .split('\n')
    .filter(Boolean);
  if (tags.length > 0) return { rev: tags[0], why: 'the newest release tag' };
  const first = git('log', '--reverse', '--format=%H', '--', SCHEMA_DIR).split('\n').find(Boolean);
  if (first) return { rev: first, why: 'no release tag yet: the first commit that has schema/' };
  return undefined;
}

function schemaFrom(sources) {
  if (sources.length === 0) throw new Error('no .graphql file');
  return buildASTSchema(concatAST(sources.map(({ name, body }) => parse(new Source(body, name)))));
}

function sourcesAt(rev) {
  return git('ls-tree', '-r', '--name-only', rev, '--', `${SCHEMA_DIR}/`)
    .split('\n')
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ name: `${rev}:${file}`, body: git('show', `${rev}:${file}`) }));
}

function sourcesOnDisk() {
  const dir = path.join(root, SCHEMA_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ name: path.join(SCHEMA_DIR, file), body: readFileSync(path.join(dir, file), 'utf8') }));
}

/** Publishable packages (not private) that ship generated code: a breaking change breaks them. */
function packagesWithGeneratedCode() {
  const names = new Set(['@roster/client']);
  const packagesDir = path.join(root, 'packages');
  if (existsSync(packagesDir)) {
    for (const entry of readdirSync(packagesDir, { withFileTypes: true })) {
      const dir = path.join(packagesDir, entry.name);
      const manifest = path.join(dir, 'package.json');
      if (!entry.isDirectory() || !existsSync(manifest) || !existsSync(path.join(dir, 'src/generated'))) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      if (pkg.private !== true && pkg.name) names.add(pkg.name);
    }
  }
  return names;
}

/** `{ file, name, bump }` for every release a pending changeset declares. */
function pendingReleases() {
  const dir = path.join(root, '.changeset');
  if (!existsSync(dir)) return [];
  const releases = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    if (!frontMatter) continue;
    for (const line of frontMatter[1].split(/\r?\n/)) {
      const release = /^\s*(["']?)(.+?)\1\s*:\s*(major|minor|patch|none)\s*$/.exec(line);
      if (release) releases.push({ file, name: release[2], bump: release[3] });
    }
  }
  return releases;
}

let base;
try {
  base = baseline();
} catch (error) {
  fail(`cannot read git history in ${root}: ${error.stderr?.toString().trim() || error.message}`);
}
if (!base) {
  console.log('schema:diff: no commit has schema/ yet and there is no release tag: nothing to compare with.');
  process.exit(0);
}

let oldSources;
try {
  oldSources = sourcesAt(base.rev);
} catch (error) {
  fail(`cannot read ${SCHEMA_DIR}/ at ${base.rev}: ${error.stderr?.toString().trim() || error.message}`);
}
let oldSchema;
let newSchema;
try {
  oldSchema = schemaFrom(oldSources);
} catch (error) {
  fail(`the schema at ${base.rev} does not build: ${error.message}`);
}
try {
  newSchema = schemaFrom(sourcesOnDisk());
} catch (error) {
  console.error(`schema:diff: the schema in ${SCHEMA_DIR}/ does not build: ${error.message}`);
  process.exit(1);
}

const changes = await diff(oldSchema, newSchema);
const groups = [
  ['breaking', CriticalityLevel.Breaking],
  ['dangerous', CriticalityLevel.Dangerous],
  ['safe', CriticalityLevel.NonBreaking],
].map(([label, level]) => ({ label, changes: changes.filter((change) => change.criticality.level === level) }));

const shortRev = /^[0-9a-f]{40}$/.test(base.rev) ? base.rev.slice(0, 12) : base.rev;
console.log(`schema:diff: ${SCHEMA_DIR}/ compared with ${shortRev} (${base.why})`);
for (const { label, changes: list } of groups) {
  console.log(`  ${list.length} ${label}`);
  // Safe description edits are many and say little (every added field brings one): counted,
  // listed only with --verbose. Breaking and dangerous changes are always listed, with why.
  const shown = label === 'safe' && !values.verbose ? list.filter((change) => !/DESCRIPTION/.test(change.type)) : list;
  for (const change of shown) {
    const reason = label !== 'safe' && change.criticality.reason ? ` (${change.criticality.reason})` : '';
    console.log(`    - ${change.message}${reason}`);
  }
  if (shown.length < list.length) console.log(`    … and ${list.length - shown.length} description change(s) (--verbose lists them)`);
}

const breaking = groups[0].changes.length;
if (breaking === 0) {
  console.log('schema:diff: no breaking change');
  process.exit(0);
}

const guarded = packagesWithGeneratedCode();
const majors = pendingReleases().filter((release) => release.bump === 'major' && guarded.has(release.name));
if (majors.length > 0) {
  const list = majors.map((release) => `${release.name} in .changeset/${release.file}`).join(', ');
  console.log(`schema:diff: ${breaking} breaking change(s), allowed by a pending major changeset: ${list}`);
  process.exit(0);
}
console.error(
  `schema:diff: ${breaking} breaking change(s) since ${shortRev} and no pending changeset declares a major bump for ` +
    `${[...guarded].sort().join(' or ')}.\n` +
    '  Make the change compatible (add instead of remove or rename; deprecate with @deprecated first), or run\n' +
    '  `pnpm changeset`, pick the package(s) and a major bump, and describe the break for your users.',
);
process.exit(1);
