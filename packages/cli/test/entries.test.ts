// The package's programmatic entry, `run`, from both builds as an app would load them: the
// ES module build bundles CommonJS libraries that require Node's built-ins.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = path.resolve(import.meta.dirname, '../dist');
const { version } = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8')) as { version: string };

function node(args: readonly string[]) {
  return spawnSync(process.execPath, args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
}

describe('run(), as an app loads it', () => {
  it('from the ES module build', () => {
    const entry = JSON.stringify(new URL(`file://${path.join(dist, 'index.js')}`).href);
    const result = node(['--input-type=module', '-e', `const { run } = await import(${entry}); process.exitCode = await run(['--version']);`]);
    expect(result.stderr).toBe('');
    expect([result.status, result.stdout.trim()]).toEqual([0, version]);
  });

  it('from the CommonJS build', () => {
    const entry = JSON.stringify(path.join(dist, 'index.cjs'));
    const result = node(['-e', `require(${entry}).run(['--version']).then((code) => { process.exitCode = code; });`]);
    expect(result.stderr).toBe('');
    expect([result.status, result.stdout.trim()]).toEqual([0, version]);
  });
});
