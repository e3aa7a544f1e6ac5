// Every package under packages/ that is not private gets published: its manifest must carry
// what npm, provenance, bundlers and TypeScript need. The packages are discovered, so a new
// one is held to the same rules the day it is added.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  description?: string;
  license?: string;
  keywords?: string[];
  repository?: { type: string; url: string; directory: string };
  files?: string[];
  exports?: Record<string, unknown>;
  sideEffects?: boolean;
  engines?: { node?: string };
  publishConfig?: { access?: string; provenance?: boolean };
  scripts?: Record<string, string>;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Manifest;
const all = readdirSync(path.join(root, 'packages'))
  .filter((dir) => existsSync(path.join(root, 'packages', dir, 'package.json')))
  .map((dir) => ({ dir, pkg: read(path.join(root, 'packages', dir, 'package.json')) }));
const publishable = all.filter(({ pkg }) => pkg.private !== true);
const workspaceNames = new Set(all.map(({ pkg }) => pkg.name));

describe('publishable packages', () => {
  it('are found', () => {
    expect(publishable.map(({ pkg }) => pkg.name)).toEqual(
      expect.arrayContaining(['@roster/client', '@roster/users', '@roster/fixtures']),
    );
  });

  it('the repository has the MIT LICENSE that pack-files copies into each tarball', () => {
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  describe.each(publishable)('$pkg.name', ({ dir, pkg }) => {
    it('has the metadata npm shows', () => {
      expect(pkg.name).toMatch(/^@roster\/[a-z0-9-]+$/);
      expect(pkg.version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
      expect(pkg.description?.length).toBeGreaterThan(10);
      expect(pkg.license).toBe('MIT');
      expect(pkg.keywords?.length).toBeGreaterThan(0);
      expect(pkg.repository).toEqual({
        type: 'git',
        url: 'git+https://github.com/roster-sdk/roster.git',
        directory: `packages/${dir}`,
      });
      expect(pkg.engines?.node).toMatch(/^>=\s*20/);
      expect(pkg.publishConfig).toEqual({ access: 'public', provenance: true });
    });

    it('ships dist and declares it free of side effects', () => {
      expect(pkg.files).toContain('dist');
      expect(pkg.sideEffects).toBe(false);
    });

    it('exports import and require conditions, each with types first', () => {
      const main = pkg.exports?.['.'] as Record<string, Record<string, string>> | undefined;
      expect(Object.keys(main ?? {})).toEqual(['import', 'require']);
      for (const condition of ['import', 'require']) {
        expect(Object.keys(main?.[condition] ?? {})).toEqual(['types', 'default']);
      }
      expect(main?.import?.types).toMatch(/\.d\.ts$/);
      expect(main?.require?.types).toMatch(/\.d\.cts$/);
      expect(main?.require?.default).toMatch(/\.cjs$/);
      expect(pkg.exports?.['./package.json']).toBe('./package.json');
    });

    it('copies LICENSE (and the schema, when it ships it) in at pack time, and is checked by publint and attw', () => {
      expect(pkg.scripts?.prepack).toMatch(/^node \.\.\/\.\.\/scripts\/pack-files\.mjs prepack( --schema)?$/);
      expect(pkg.scripts?.postpack).toBe('node ../../scripts/pack-files.mjs postpack');
      if (pkg.scripts?.prepack?.includes('--schema')) expect(pkg.files).toContain('schema');
      expect(pkg.scripts?.['check:package']).toMatch(/publint --strict/);
      expect(pkg.scripts?.['check:package']).toMatch(/attw --pack/);
    });

    it('depends on workspace packages through workspace:^, so that the published range follows releases', () => {
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'] as const) {
        for (const [name, range] of Object.entries(pkg[field] ?? {})) {
          if (workspaceNames.has(name)) expect(`${field} ${name}: ${range}`).toBe(`${field} ${name}: workspace:^`);
        }
      }
    });
  });
});

describe('.changeset/config.json', () => {
  const config = JSON.parse(readFileSync(path.join(root, '.changeset/config.json'), 'utf8')) as {
    access: string;
    baseBranch: string;
    ignore: string[];
  };

  it('publishes publicly from main', () => {
    expect(config.access).toBe('public');
    expect(config.baseBranch).toBe('main');
  });

  it('ignores private packages only', () => {
    for (const name of config.ignore) expect(publishable.map(({ pkg }) => pkg.name)).not.toContain(name);
  });
});
