#!/usr/bin/env node
// The files a published package carries that do not live in its folder: the repository's
// LICENSE, and for @roster/fixtures the SDL of schema/ (its server executes it at run time).
// `prepack` copies them into the package folder, `postpack` removes them again, so that the
// workspace never holds a stale copy (both are gitignored in case a pack is interrupted).
//
// Usage, from a package folder (npm and pnpm run pack scripts there):
//   node ../../scripts/pack-files.mjs prepack [--schema]
//   node ../../scripts/pack-files.mjs postpack
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const pkg = process.cwd();
const [command, ...flags] = process.argv.slice(2);

if (path.resolve(pkg) === root) {
  console.error('pack-files: run me from a package folder, not the repository root');
  process.exit(2);
}

const license = path.join(pkg, 'LICENSE');
const schemaCopy = path.join(pkg, 'schema');

if (command === 'prepack') {
  cpSync(path.join(root, 'LICENSE'), license);
  if (flags.includes('--schema')) {
    rmSync(schemaCopy, { recursive: true, force: true });
    const source = path.join(root, 'schema');
    const files = readdirSync(source, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.graphql'));
    if (files.length === 0) {
      console.error(`pack-files: no .graphql file in ${source}`);
      process.exit(1);
    }
    for (const file of files) {
      mkdirSync(path.dirname(path.join(schemaCopy, file)), { recursive: true });
      cpSync(path.join(source, file), path.join(schemaCopy, file));
    }
  }
} else if (command === 'postpack') {
  // Only what prepack wrote: a package that keeps a LICENSE of its own in git is left alone.
  if (existsSync(license) && !tracked(license)) rmSync(license);
  if (existsSync(schemaCopy) && !tracked(schemaCopy)) rmSync(schemaCopy, { recursive: true, force: true });
} else {
  console.error('usage: pack-files.mjs prepack [--schema] | postpack');
  process.exit(2);
}

function tracked(file) {
  // A file in git is the package's own; the copies are gitignored and untracked.
  try {
    return execFileSync('git', ['ls-files', '--', file], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    return false;
  }
}
