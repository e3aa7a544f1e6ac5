#!/usr/bin/env node
// Fails when the committed generated code does not match what `pnpm codegen` would write.
//
// `graphql-codegen --check` alone is not enough: it does not see files that exist on disk
// but are untracked (they would be missing from a clean clone), nor files left behind in a
// generated folder by an operation that was deleted. This script generates in memory,
// then compares every output with the disk, looks for orphans, and asks git for untracked
// files in the generated folders.
//
// Usage: node scripts/codegen-check.mjs [--cwd DIR]   (exit 0 = in sync, 1 = drift)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generate, loadContext } from '@graphql-codegen/cli';

const cwdFlag = process.argv.indexOf('--cwd');
const root = path.resolve(cwdFlag === -1 ? process.cwd() : process.argv[cwdFlag + 1]);
process.chdir(root);

const context = await loadContext(path.join(root, 'codegen.ts'));
context.updateConfig({ silent: true, verbose: false });
const outputs = await generate(context, false);

const problems = [];
const expected = new Set();
const folders = new Set();
for (const { filename, content } of outputs) {
  const file = path.resolve(root, filename);
  expected.add(file);
  folders.add(path.dirname(file));
  if (!existsSync(file)) problems.push(`missing: ${path.relative(root, file)}`);
  else if (readFileSync(file, 'utf8') !== content) problems.push(`stale:   ${path.relative(root, file)}`);
}

for (const folder of folders) {
  if (!existsSync(folder)) continue;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (!expected.has(file)) problems.push(`orphan:  ${path.relative(root, file)} (not produced by codegen.ts)`);
  }
}

const rel = [...folders].map((folder) => path.relative(root, folder));
let untracked = '';
try {
  untracked = execFileSync('git', ['ls-files', '--others', '--exclude-standard', '--', ...rel], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
} catch {
  console.warn('codegen:check: not a git checkout, skipping the untracked-file check');
}
for (const file of untracked.split('\n').filter(Boolean)) problems.push(`untracked: ${file} (git add it)`);

if (problems.length > 0) {
  console.error('codegen:check: generated code is out of sync with schema/, operations/ or codegen.ts:');
  for (const problem of problems) console.error(`  ${problem}`);
  console.error('Run `pnpm codegen`, review the diff, and commit the generated files.');
  process.exit(1);
}
console.log(`codegen:check: ${outputs.length} generated files are in sync`);
