import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../src/index.js';

const src = path.resolve(import.meta.dirname, '../src');

/** Every module a source file reaches, following relative imports, with its bare imports. */
function importGraph(entry: string): { files: string[]; bare: Set<string> } {
  const files: string[] = [];
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    const text = readFileSync(path.join(src, file), 'utf8');
    for (const [, specifier] of text.matchAll(/^(?:import|export)\s(?!type\b)[^;]*?from\s+'([^']+)'/gm)) {
      if (specifier!.startsWith('.')) visit(specifier!.replace(/^\.\//, '').replace(/\.js$/, '.ts'));
      else bare.add(specifier!);
    }
  };
  visit(entry);
  return { files, bare };
}

describe('what each entry point may load', () => {
  it('the planner loads no Node module, no parser, and no I/O', () => {
    const { files, bare } = importGraph('planner.ts');
    expect([...bare].sort()).toEqual(['@roster/users']);
    expect(files).not.toContain('live.ts');
    expect(files).not.toContain('apply.ts');
  });

  it('the main entry runs in a browser too: only reading files from disk needs Node', () => {
    const main = importGraph('index.ts');
    expect([...main.bare].filter((name) => name.startsWith('node:'))).toEqual([]);
    expect([...importGraph('node.ts').bare].filter((name) => name.startsWith('node:')).sort()).toEqual(['node:fs/promises', 'node:path']);
  });
});

describe('the published JSON Schema', () => {
  const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../roster-file.schema.json'), 'utf8'));

  it('lists the roles and keys the parser accepts', () => {
    expect(schema.properties.members.items.properties.role.enum).toEqual([...ROLES]);
    expect(Object.keys(schema.properties).sort()).toEqual(['$schema', 'ignore', 'members', 'mode', 'resendExpired', 'version']);
    expect(Object.keys(schema.properties.members.items.properties).sort()).toEqual(['email', 'groups', 'name', 'role']);
  });

  it('is shipped in the package and exported for editors', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8'));
    expect(manifest.files).toContain('roster-file.schema.json');
    expect(manifest.exports['./roster-file.schema.json']).toBe('./roster-file.schema.json');
  });
});
