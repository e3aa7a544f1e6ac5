import { activeUser, EXAMPLE_CREDENTIALS, invitedUser } from '@roster/fixtures';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { envFor, expectNoSecret, operations, roster, useServer } from './helpers.js';

const EXAMPLE = ['alexandra@acme.io', 'john@acme.io', 'jonny@acme.io', 'matt@acme.io', 'max@acme.io'];

describe('roster users list against the full reference server', () => {
  const ctx = useServer({ seed: 'example' }, 'all');

  it('writes the documented example workspace as JSON when stdout is not a terminal', async () => {
    const result = await roster(['users', 'list'], { env: envFor(ctx.server) });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const users = JSON.parse(result.stdout) as { email: string; role: string; status: string; inviteStatus: string | null }[];
    expect(users.map((user) => user.email).sort()).toEqual(EXAMPLE);
    expect(users.find((user) => user.email === 'matt@acme.io')).toMatchObject({ name: 'Matt McDonald', role: 'DEVELOPER', status: 'ACTIVE', inviteStatus: null });
    expect(users.find((user) => user.email === 'max@acme.io')).toMatchObject({ name: null, role: 'ADMIN', status: 'INVITED', inviteStatus: 'EXPIRED' });
    expect(Object.keys(users[0] ?? {})).toEqual(['email', 'name', 'role', 'status', 'inviteStatus', 'uid', 'createdAt', 'updatedAt']);
    expectNoSecret(result);
  });

  it('writes NDJSON, CSV and a table, each with the fields asked for', async () => {
    const env = envFor(ctx.server);
    const ndjson = await roster(['users', 'list', '--format', 'ndjson', '--fields', 'email,role'], { env });
    expect(ndjson.code).toBe(0);
    const lines = ndjson.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(lines).toContainEqual({ email: 'jonny@acme.io', role: 'ADMIN' });

    const csv = await roster(['users', 'list', '--format', 'csv'], { env });
    const rows = parse<Record<string, string>>(csv.stdout, { columns: true });
    expect(csv.stdout.split('\n')[0]).toBe('email,name,role,status,inviteStatus,uid,createdAt,updatedAt');
    expect(rows.map((row) => row.email).sort()).toEqual(EXAMPLE);
    expect(rows.find((row) => row.email === 'john@acme.io')).toMatchObject({ name: '', inviteStatus: 'ACTIVE', uid: '' });

    const table = await roster(['users', 'list', '--format', 'table', '--fields', 'email,name,role'], { env });
    const tableLines = table.stdout.trimEnd().split('\n');
    expect(tableLines[0]).toMatch(/^EMAIL\s+NAME\s+ROLE$/);
    expect(tableLines).toContain('matt@acme.io       Matt McDonald     DEVELOPER');
    expect(tableLines.find((line) => line.startsWith('max@acme.io'))).toMatch(/^max@acme\.io\s+-\s+ADMIN$/);
    // No colour codes when stdout is not a terminal.
    expect(table.stdout).not.toContain('\u001b[');
  });

  it('filters by status, role (any case, repeated or comma-separated) and prefix on the server', async () => {
    const env = envFor(ctx.server);
    const emails = async (...args: string[]) => {
      const result = await roster(['users', 'list', '--format', 'ndjson', '--fields', 'email', ...args], { env });
      expect(result.code, result.stderr).toBe(0);
      return result.stdout.trimEnd().split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { email: string }).email).sort();
    };
    expect(await emails('--status', 'invited')).toEqual(['john@acme.io', 'max@acme.io']);
    expect(await emails('--status', 'active', '--role', 'developer')).toEqual(['matt@acme.io']);
    expect(await emails('--role', 'Developer,admin', '--status', 'active')).toEqual(['alexandra@acme.io', 'jonny@acme.io', 'matt@acme.io']);
    expect(await emails('--prefix', 'JO')).toEqual(['john@acme.io', 'jonny@acme.io']);
    expect(await emails('--status', 'disabled')).toEqual([]);
  });

  it('--json writes JSON even with another default, and --fields rejects unknown fields with exit 64', async () => {
    const env = envFor(ctx.server);
    const json = await roster(['users', 'list', '--json', '--fields', 'email'], { env });
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(5);
    const bad = await roster(['users', 'list', '--fields', 'email,password'], { env });
    expect(bad.code).toBe(64);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('unknown field in --fields: password');
    const role = await roster(['users', 'list', '--role', 'owner'], { env });
    expect(role.code).toBe(64);
    expect(role.stderr).toMatch(/unknown role "owner"[\s\S]*ADMIN, ANALYST, BILLING_ADMIN/);
  });
});

describe('roster users list reads every page', () => {
  const active = Array.from({ length: 1234 }, (_, i) => activeUser({ email: `user${String(i).padStart(4, '0')}@big.example`, accountType: i === 0 ? 'ADMIN' : 'ANALYST' }));
  const invited = Array.from({ length: 321 }, (_, i) => invitedUser({ email: `invitee${i}@big.example` }));
  const ctx = useServer({ seed: { active, invited } }, 'all');

  it('lists 1,555 users over several pages, each once', async () => {
    ctx.server.requests.length = 0;
    const result = await roster(['users', 'list', '--format', 'ndjson', '--fields', 'email'], { env: envFor(ctx.server) });
    expect(result.code).toBe(0);
    const emails = result.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { email: string }).email);
    expect(emails).toHaveLength(1555);
    expect(new Set(emails).size).toBe(1555);
    const pages = operations(ctx.server).filter((operation) => operation.name === 'ListUsersPage');
    expect(pages.length).toBe(Math.ceil(1555 / 500));
  });
});

describe('roster users list writes any text as it is', () => {
  // Names that look like the boundary between two JSON records, quotes, backslashes, new lines.
  const names = ['Ada },{"email":"x"} Lovelace', 'Grace "Amazing" \\ Hopper\n', '},{"', '{"a":1},{"b":2}'];
  const active = names.map((name, i) => activeUser({ email: `odd${i}@names.example`, name }));
  const ctx = useServer({ seed: { active, invited: [] }, mode: 'core' }, 'all');

  it('in JSON and NDJSON, one record a line, each name intact', async () => {
    const env = envFor(ctx.server);
    const json = await roster(['users', 'list', '--format', 'json', '--fields', 'name,email'], { env });
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { name: string }[]).map((user) => user.name)).toEqual(names);
    expect(json.stdout.split('\n')).toHaveLength(names.length + 3);
    const ndjson = await roster(['users', 'list', '--format', 'ndjson', '--fields', 'name'], { env });
    expect(ndjson.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { name: string }).name)).toEqual(names);
  });
});

describe('roster users list against a core-only server', () => {
  const ctx = useServer({ seed: 'example', mode: 'core' }, 'all');

  it('lists active users and invitations from the core lists', async () => {
    const result = await roster(['users', 'list', '--fields', 'email,status,createdAt'], { env: envFor(ctx.server) });
    expect(result.code).toBe(0);
    const users = JSON.parse(result.stdout) as { email: string; status: string; createdAt: null }[];
    expect(users.map((user) => user.email).sort()).toEqual(EXAMPLE);
    expect(users.every((user) => user.createdAt === null)).toBe(true);
    // By default every user the server can list, quietly; an explicit --status all is told what is missing.
    expect(result.stderr).toBe('');
    const all = await roster(['users', 'list', '--status', 'all'], { env: envFor(ctx.server) });
    expect((JSON.parse(all.stdout) as unknown[]).length).toBe(5);
    expect(all.stderr).toContain('disabled users are not listed');
  });

  it('reads both lists with the one documented ListUsers query, and one list with its own', async () => {
    ctx.server.requests.length = 0;
    const both = await roster(['users', 'list', '--format', 'ndjson', '--fields', 'email,status'], { env: envFor(ctx.server) });
    expect(both.code).toBe(0);
    expect(both.stdout.trimEnd().split('\n')).toHaveLength(5);
    // The extension probe (rejected with 400 by a core-only server), then one list request.
    expect(operations(ctx.server).map(({ name, status }) => `${name} ${status}`)).toEqual(['RosterServerInfo 400', 'ListUsers 200']);

    ctx.server.requests.length = 0;
    const invited = await roster(['users', 'list', '--status', 'invited', '--format', 'ndjson', '--fields', 'email,status'], { env: envFor(ctx.server) });
    const statuses = invited.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { status: string }).status);
    expect(statuses).toEqual(['INVITED', 'INVITED']);
    expect(operations(ctx.server).map(({ name }) => name)).toEqual(['RosterServerInfo', 'ListInvitedUsers']);
  });

  it('says clearly that disabled users need the extension', async () => {
    const result = await roster(['users', 'list', '--status', 'disabled'], { env: envFor(ctx.server, EXAMPLE_CREDENTIALS.viewer) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/only the documented core API/);
    expectNoSecret(result);
  });
});
