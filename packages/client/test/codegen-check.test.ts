// Proves that `pnpm codegen:check` catches drift: it runs the real check script on a
// throw-away git copy of the codegen inputs and outputs, edits them, and expects failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
let work: string;

const git = (...args: string[]) => execFileSync('git', args, { cwd: work, stdio: 'pipe' });
const check = () => {
  const run = spawnSync(process.execPath, ['scripts/codegen-check.mjs'], { cwd: work, encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
};
const resetTree = () => {
  git('checkout', '--', '.');
  git('clean', '-fdq', '-e', 'node_modules');
};

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'roster-codegen-check-'));
  for (const entry of ['codegen.ts', 'package.json', 'schema', 'operations', 'scripts']) {
    cpSync(path.join(root, entry), path.join(work, entry), { recursive: true });
  }
  for (const pkg of ['client', 'fixtures']) {
    cpSync(path.join(root, 'packages', pkg, 'src/generated'), path.join(work, 'packages', pkg, 'src/generated'), {
      recursive: true,
    });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  writeFileSync(path.join(work, '.gitignore'), 'node_modules\n');
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'snapshot');
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

// Each check loads codegen in a child process: seconds on a busy 2-core machine.
describe('pnpm codegen:check', { timeout: 120_000 }, () => {
  it('passes on the committed tree', () => {
    const run = check();
    expect(run.output).toMatch(/in sync/);
    expect(run.status).toBe(0);
  });

  it('fails when the schema changes and codegen was not run', () => {
    resetTree();
    appendFileSync(path.join(work, 'schema/users.graphql'), '\nextend type ActiveUser { nickname: String }\n');
    // The client's documents do not select the new field, but the server's resolver types change.
    const run = check();
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/stale: {3}packages\/fixtures\/src\/generated\/resolvers\.ts/);
  });

  it('fails when an operation changes and codegen was not run', () => {
    resetTree();
    writeFileSync(path.join(work, 'operations/DisableUser.graphql'), 'mutation DisableUser($uid: String!) { disableUser(uid: $uid) { ok } }\n');
    expect(check().status).toBe(0); // whitespace only: same document, same output
    writeFileSync(path.join(work, 'operations/Ping.graphql'), 'query Ping { listUsers { ok } }\n');
    const run = check();
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/stale: {3}packages\/client\/src\/generated\/graphql\.ts/);
  });

  it('fails when a generated file is missing', () => {
    resetTree();
    rmSync(path.join(work, 'packages/client/src/generated/graphql.ts'));
    const run = check();
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/missing: packages\/client\/src\/generated\/graphql\.ts/);
  });

  it('fails when a generated file is untracked, or a stray file sits in a generated folder', () => {
    resetTree();
    git('rm', '-q', '--cached', 'packages/client/src/generated/graphql.ts');
    writeFileSync(path.join(work, 'packages/fixtures/src/generated/extra.ts'), 'export {};\n');
    const run = check();
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/untracked: packages\/client\/src\/generated\/graphql\.ts/);
    expect(run.output).toMatch(/orphan: {2}packages\/fixtures\/src\/generated\/extra\.ts/);
    git('add', 'packages/client/src/generated/graphql.ts');
  });
});
