// scripts/pack-files.mjs guards packing: a package that is not built, or a private one, is
// refused loudly instead of packed into a tarball without its code.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/pack-files.mjs');
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A package folder outside the repository whose pack scripts call pack-files.mjs. */
function packageFolder(built: boolean, extra: Record<string, unknown> = {}): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'roster-11-pack-'));
  folders.push(folder);
  writeFileSync(
    path.join(folder, 'package.json'),
    JSON.stringify({
      name: '@roster/pack-probe',
      version: '1.0.0',
      type: 'module',
      exports: { '.': { import: { types: './dist/index.d.ts', default: './dist/index.js' }, require: './dist/index.cjs' } },
      files: ['dist'],
      scripts: { prepack: `node ${script} prepack`, postpack: `node ${script} postpack` },
      ...extra,
    }),
  );
  if (built) {
    mkdirSync(path.join(folder, 'dist'));
    for (const file of ['index.js', 'index.cjs', 'index.d.ts']) writeFileSync(path.join(folder, 'dist', file), 'export {};\n');
  }
  return folder;
}

const run = (folder: string, ...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: folder, encoding: 'utf8' });

describe('pack-files.mjs', () => {
  it('refuses to pack a package that is not built, naming what is missing, and copies nothing', () => {
    const folder = packageFolder(false);
    const result = run(folder, 'prepack');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('@roster/pack-probe is not built (missing ./dist/index.d.ts, ./dist/index.js, ./dist/index.cjs): run `pnpm build` first');
    expect(existsSync(path.join(folder, 'LICENSE'))).toBe(false);
  });

  it('copies the LICENSE into a built package for the pack, and removes it after', () => {
    const folder = packageFolder(true);
    expect(run(folder, 'prepack').status).toBe(0);
    expect(readFileSync(path.join(folder, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(run(folder, 'postpack').status).toBe(0);
    expect(existsSync(path.join(folder, 'LICENSE'))).toBe(false);
  });

  it('refuses to pack a private package', () => {
    const result = run(packageFolder(true), 'private');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('@roster/pack-probe is private: it is never packed or published');
  });

  it('makes `pnpm pack` of an unbuilt package fail with no tarball, and of a built one succeed', () => {
    const unbuilt = packageFolder(false);
    const failed = spawnSync('pnpm', ['pack'], { cwd: unbuilt, encoding: 'utf8' });
    expect(failed.status).not.toBe(0);
    expect(readdirSync(unbuilt).filter((file) => file.endsWith('.tgz'))).toEqual([]);
    const built = packageFolder(true);
    execFileSync('pnpm', ['pack'], { cwd: built, stdio: 'ignore' });
    const tarball = readdirSync(built).find((file) => file.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const listing = execFileSync('tar', ['-tzf', path.join(built, tarball!)], { encoding: 'utf8' });
    expect(listing).toContain('package/dist/index.js');
    expect(listing).toContain('package/LICENSE');
  });
});

describe('every workspace package packs through the guard', () => {
  const manifests = ['packages', 'apps']
    .flatMap((parent) => readdirSync(path.join(root, parent)).map((dir) => path.join(parent, dir)))
    .concat(['tools', 'bench'])
    .filter((dir) => existsSync(path.join(root, dir, 'package.json')))
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as { private?: boolean; scripts?: Record<string, string> } }));

  it.each(manifests)('$dir', ({ pkg }) => {
    const prepack = pkg.scripts?.prepack ?? '';
    if (pkg.private) expect(prepack).toMatch(/pack-files\.mjs private$/);
    else expect(prepack).toMatch(/pack-files\.mjs prepack( --schema)?$/);
  });
});
