#!/usr/bin/env node
// The files a published package carries that do not live in its folder: the repository's
// LICENSE, and for @roster/fixtures the SDL of schema/ (its server executes it at run time).
// `prepack` copies them into the package folder, `postpack` removes them again, so that the
// workspace never holds a stale copy (both are gitignored in case a pack is interrupted).
//
//
// `prepack` also refuses to pack a package that is not built: on a fresh clone every file
// its manifest points at (exports, main, module, types, bin) is missing, and packing would
// otherwise make a tarball holding only package.json and LICENSE, which `pnpm publish` would
// publish. And `private` refuses to pack a private package (tools, bench, the demo) at all.
//
// Usage, from a package folder (npm and pnpm run pack scripts there):
//   node ../../scripts/pack-files.mjs prepack [--schema]
//   node ../../scripts/pack-files.mjs postpack
//   node ../scripts/pack-files.mjs private
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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

const manifest = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8'));

if (command === 'private') {
  console.error(`pack-files: ${manifest.name} is private: it is never packed or published. Pack the public packages with \`pnpm --filter "./packages/*" pack\`.`);
  process.exit(1);
} else if (command === 'prepack') {
  const missing = entryFiles(manifest).filter((file) => !existsSync(path.join(pkg, file)));
  if (missing.length > 0) {
    console.error(`pack-files: ${manifest.name} is not built (missing ${missing.join(', ')}): run \`pnpm build\` first, or \`pnpm release\`, which builds.`);
    process.exit(1);
  }
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
  console.error('usage: pack-files.mjs prepack [--schema] | postpack | private');
  process.exit(2);
}

/** Every file the manifest points at: exports (all conditions), main, module, types and bin. */
function entryFiles(manifest) {
  const files = new Set();
  const visit = (value) => {
    if (typeof value === 'string') {
      if (value.startsWith('./') && !value.includes('*')) files.add(value);
    } else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(manifest.exports);
  for (const field of ['main', 'module', 'types', 'bin']) visit(typeof manifest[field] === 'string' ? `./${manifest[field].replace(/^\.\//, '')}` : manifest[field]);
  return [...files].filter((file) => file !== './package.json');
}

function tracked(file) {
  // A file in git is the package's own; the copies are gitignored and untracked.
  try {
    return execFileSync('git', ['ls-files', '--', file], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    return false;
  }
}
