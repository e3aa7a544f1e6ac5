// Proves that `pnpm schema:diff` stops a breaking schema change that no major changeset
// announces: it runs the real script on a throw-away git copy of the repository's schema,
// edits the copy, and reads the exit code and the report.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kind, parse, print, visit } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let work: string;

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: work, stdio: 'pipe' });
const schemaDiff = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['scripts/schema-diff.mjs', ...args], { cwd: work, encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
};
const resetTree = () => {
  git('checkout', '--', '.');
  git('clean', '-fdq', '-e', 'node_modules');
};
const changeset = (name: string, releases: Record<string, string>) =>
  writeFileSync(
    path.join(work, '.changeset', `${name}.md`),
    `---\n${Object.entries(releases)
      .map(([pkg, bump]) => `"${pkg}": ${bump}`)
      .join('\n')}\n---\n\nA change.\n`,
  );

/** The file of schema/ that defines `enum UserAccountType`, and the enum's last value. */
function accountTypeEnum(): { file: string; value: string } {
  const dir = path.join(work, 'schema');
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.graphql'))) {
    const file = path.join(dir, name);
    for (const definition of parse(readFileSync(file, 'utf8')).definitions) {
      if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'UserAccountType') {
        const value = definition.values?.at(-1)?.name.value;
        if (value) return { file, value };
      }
    }
  }
  throw new Error('no enum UserAccountType in schema/');
}

/** A breaking edit: the last value of UserAccountType is removed. Returns the value. */
function removeLastAccountType(): string {
  const { file, value } = accountTypeEnum();
  const edited = visit(parse(readFileSync(file, 'utf8')), {
    EnumValueDefinition: (node) => (node.name.value === value ? null : undefined),
  });
  writeFileSync(file, print(edited));
  return value;
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'roster-schema-diff-'));
  for (const entry of ['package.json', 'schema', 'scripts', '.changeset/config.json']) {
    cpSync(path.join(root, entry), path.join(work, entry), { recursive: true });
  }
  // schema:diff finds the packages that ship generated code by their src/generated/ folder.
  for (const pkg of readdirSync(path.join(root, 'packages'))) {
    const manifest = path.join(root, 'packages', pkg, 'package.json');
    try {
      cpSync(manifest, path.join(work, 'packages', pkg, 'package.json'));
    } catch {
      continue;
    }
    if (existsSync(path.join(root, 'packages', pkg, 'src/generated'))) {
      mkdirSync(path.join(work, 'packages', pkg, 'src/generated'), { recursive: true });
      writeFileSync(path.join(work, 'packages', pkg, 'src/generated/.keep'), '');
    }
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  writeFileSync(path.join(work, '.gitignore'), 'node_modules\n');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'snapshot');
}, 30_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('pnpm schema:diff', () => {
  it('passes when schema/ is as it was first committed, comparing with that commit before any release', () => {
    const run = schemaDiff();
    expect(run.output).toMatch(/no release tag yet: the first commit that has schema\//);
    expect(run.output).toMatch(/0 breaking/);
    expect(run.status).toBe(0);
  });

  it('fails on a breaking change (an enum value removed) without a major changeset', () => {
    resetTree();
    const value = removeLastAccountType();
    const run = schemaDiff();
    expect(run.output).toMatch(/1 breaking/);
    expect(run.output).toContain(`Enum value '${value}' was removed from enum 'UserAccountType'`);
    expect(run.output).toMatch(/no pending changeset declares a major bump for @roster\/client/);
    expect(run.status).toBe(1);
  });

  it('still fails when the pending changesets are minor, or major for a package without generated code', () => {
    resetTree();
    removeLastAccountType();
    changeset('minor-client', { '@roster/client': 'minor' });
    changeset('major-users', { '@roster/users': 'major' });
    expect(schemaDiff().status).toBe(1);
  });

  it('passes the same breaking change once a pending changeset declares a major bump of @roster/client', () => {
    resetTree();
    removeLastAccountType();
    changeset('drop-role', { '@roster/users': 'minor', '@roster/client': 'major' });
    const run = schemaDiff();
    expect(run.output).toMatch(/1 breaking/);
    expect(run.output).toMatch(/allowed by a pending major changeset: @roster\/client in \.changeset\/drop-role\.md/);
    expect(run.status).toBe(0);
  });

  it('passes a safe change: an optional field added', () => {
    resetTree();
    writeFileSync(path.join(work, 'schema/zz-safe.graphql'), 'extend type ActiveUser {\n  "A nickname."\n  nickname: String\n}\n');
    const run = schemaDiff();
    expect(run.output).toMatch(/0 breaking/);
    expect(run.output).toContain("Field 'nickname' was added to object type 'ActiveUser'");
    expect(run.status).toBe(0);
  });

  it('fails when schema/ no longer builds', () => {
    resetTree();
    writeFileSync(path.join(work, 'schema/zz-broken.graphql'), 'extend type NoSuchType { x: String }\n');
    const run = schemaDiff();
    expect(run.output).toMatch(/does not build/);
    expect(run.status).toBe(1);
  });

  it('compares with the newest release tag once there is one', () => {
    resetTree();
    const value = removeLastAccountType();
    changeset('drop-role', { '@roster/client': 'major' });
    git('commit', '-qam', 'drop a role');
    git('add', '-A');
    git('commit', '-qm', 'changeset');
    git('tag', '@roster/client@1.0.0');
    git('rm', '-q', '.changeset/drop-role.md'); // `changeset version` consumes it
    git('commit', '-qm', 'release');

    const sinceRelease = schemaDiff();
    expect(sinceRelease.output).toMatch(/compared with @roster\/client@1\.0\.0 \(the newest release tag\)/);
    expect(sinceRelease.output).toMatch(/0 breaking/);
    expect(sinceRelease.status).toBe(0);

    const sinceFirst = schemaDiff('--base', 'HEAD~3');
    expect(sinceFirst.output).toContain(`Enum value '${value}' was removed`);
    expect(sinceFirst.status).toBe(1);
  });
});
