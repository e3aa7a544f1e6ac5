import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { envFor, expectNoSecret, HOME, mutations, roster, startRoster, until, useServer } from './helpers.js';

const file = (name: string, content: string) => {
  const where = path.join(HOME, name);
  writeFileSync(where, content);
  return where;
};
const readReport = (where: string) => parse<Record<string, string>>(readFileSync(where, 'utf8'), { columns: true });
const bulk = (count: number, domain: string) => `email,role\n${Array.from({ length: count }, (_, i) => `user${i}@${domain},developer`).join('\n')}\n`;

describe('roster users import: real CSV files', () => {
  const ctx = useServer({ seed: 'example' });

  it('reads a BOM, CRLF, quoted commas, header aliases, roles in any case and blank lines; skips bad rows by line', async () => {
    const csv = file(
      'people.csv',
      '\uFEFFName,E-mail,AccountType\r\n' +
        '"Hopper, Grace",grace@navy.mil,developer\r\n' +
        '\r\n' +
        'Ada,ADA@acme.io,Billing_Admin\r\n' +
        'Nobody,not-an-email,admin\r\n' +
        '"Multi\r\nLine",linus@kernel.org,owner\r\n' +
        'Grace again,Grace@Navy.mil,analyst\r\n' +
        'Matt,matt@acme.io,developer\r\n' +
        'Max,max@acme.io,admin\r\n',
    );
    const report = path.join(HOME, 'report.csv');
    const result = await roster(['users', 'import', csv, '--report', report], { env: envFor(ctx.server) });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('line 5: not-an-email: invalid: "not-an-email" is not an email address');
    expect(result.stderr).toContain('line 6: linus@kernel.org: invalid: unknown role "owner"');
    expect(readReport(report)).toEqual([
      { line: '2', email: 'grace@navy.mil', role: 'DEVELOPER', outcome: 'invited', detail: '' },
      { line: '4', email: 'ADA@acme.io', role: 'BILLING_ADMIN', outcome: 'invited', detail: '' },
      { line: '5', email: 'not-an-email', role: 'ADMIN', outcome: 'invalid', detail: '"not-an-email" is not an email address' },
      { line: '6', email: 'linus@kernel.org', role: 'owner', outcome: 'invalid', detail: expect.stringContaining('unknown role "owner"') },
      { line: '8', email: 'Grace@Navy.mil', role: 'ANALYST', outcome: 'duplicate', detail: 'same address as line 2' },
      { line: '9', email: 'matt@acme.io', role: 'DEVELOPER', outcome: 'already-member', detail: 'an active member: nothing sent' },
      { line: '10', email: 'max@acme.io', role: 'ADMIN', outcome: 'already-invited', detail: 'a pending invitation as ADMIN: nothing sent' },
    ]);
    expect(mutations(ctx.server).map((m) => m.variables)).toEqual(
      expect.arrayContaining([
        { email: 'grace@navy.mil', accountType: 'DEVELOPER' },
        { email: 'ADA@acme.io', accountType: 'BILLING_ADMIN' },
      ]),
    );
    expect(mutations(ctx.server)).toHaveLength(2);
    expectNoSecret(result);
  });

  it('takes Email/role and email/accountType headers, and --role-default for rows without a role', async () => {
    const first = file('a.csv', 'Email,role\na1@x.io,Analyst\n');
    const second = file('b.csv', 'email,accountType,team\nb1@x.io,,data\nb2@x.io,ADMIN,data\n');
    expect((await roster(['users', 'import', first], { env: envFor(ctx.server) })).code).toBe(0);
    const refused = await roster(['users', 'import', second], { env: envFor(ctx.server) });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('line 2: b1@x.io: invalid: no role (and no --role-default)');
    expect((await roster(['users', 'import', second, '--role-default', 'business'], { env: envFor(ctx.server) })).code).toBe(0);
    const invited = Object.fromEntries(ctx.server.store.listInvited().map((user) => [user.email, user.accountType]));
    expect(invited).toMatchObject({ 'a1@x.io': 'ANALYST', 'b1@x.io': 'BUSINESS', 'b2@x.io': 'ADMIN' });
  });

  it('refuses a file it cannot read as CSV, or without an email column, whole: nothing is sent (exit 64)', async () => {
    const broken = file('broken.csv', 'email,role\nok@x.io,admin\n"unclosed@x.io,admin\n');
    const noEmail = file('no-email.csv', 'name,role\nAda,admin\n');
    const bad = await roster(['users', 'import', broken], { env: envFor(ctx.server) });
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('the file is not valid CSV');
    const missing = await roster(['users', 'import', noEmail], { env: envFor(ctx.server) });
    expect(missing.code).toBe(64);
    expect(missing.stderr).toContain('no email column in the header (name, role)');
    const absent = await roster(['users', 'import', path.join(HOME, 'absent.csv')], { env: envFor(ctx.server) });
    expect(absent.code).toBe(64);
    expect(ctx.server.requests).toEqual([]);
  });

  it('--dry-run reads the workspace but sends no mutation, and reports what it would do', async () => {
    const csv = file('dry.csv', 'email,role\nnew@x.io,admin\nmatt@acme.io,admin\n');
    const report = path.join(HOME, 'dry-report.csv');
    const result = await roster(['users', 'import', csv, '--dry-run', '--report', report, '--json'], { env: envFor(ctx.server) });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ rows: 2, dryRun: true, outcomes: { 'would-invite': 1, 'already-member': 1 } });
    expect(readReport(report).map((row) => row.outcome)).toEqual(['would-invite', 'already-member']);
    expect(mutations(ctx.server)).toEqual([]);
    expect(ctx.server.requests.length).toBeGreaterThan(0);
  });

  it('waits out injected 429s and sends every row exactly once', async () => {
    ctx.server.faults.enqueue(...Array.from({ length: 6 }, () => ({ kind: 'rateLimit' as const, retryAfter: '0.02' })));
    const result = await roster(['users', 'import', file('limited.csv', bulk(40, 'faults.io'))], { env: envFor(ctx.server) });
    expect(result.code, result.stderr).toBe(0);
    expect(ctx.server.stats.statuses[429]).toBe(6);
    const invited = ctx.server.store.listInvited().filter((user) => user.email.endsWith('@faults.io'));
    expect(invited).toHaveLength(40);
    expect(invited.every((user) => user.sendCount === 1)).toBe(true);
    expect(ctx.server.stats.fields.inviteUser).toBe(40);
  });

  it('export then import: into an empty workspace everyone but the disabled is invited; into the same one nothing is sent', async () => {
    expect((await roster(['users', 'disable', 'matt@acme.io', '--yes'], { env: envFor(ctx.server) })).code).toBe(0);
    const exported = await roster(['users', 'export'], { env: envFor(ctx.server) });
    expect(exported.code).toBe(0);
    const csv = file('export.csv', exported.stdout);
    expect(readReport(csv).map((row) => `${row.email}:${row.status}`).sort()).toEqual([
      'alexandra@acme.io:ACTIVE',
      'john@acme.io:INVITED',
      'jonny@acme.io:ACTIVE',
      'matt@acme.io:DISABLED',
      'max@acme.io:INVITED',
    ]);
    ctx.server.resetRequests();
    const again = await roster(['users', 'import', csv], { env: envFor(ctx.server) });
    expect(again.code).toBe(0);
    expect(mutations(ctx.server)).toEqual([]);

    const json = await roster(['users', 'export', '--format', 'json'], { env: envFor(ctx.server) });
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(5);
  });
});

describe('roster users import: into another workspace', () => {
  const ctx = useServer({ seed: 'empty' });

  it('invites every exported user but the disabled one', async () => {
    const csv = file(
      'from-elsewhere.csv',
      'email,name,role,status,inviteStatus,uid,createdAt,updatedAt\n' +
        'ada@acme.io,Ada,ADMIN,ACTIVE,,,,\nbob@acme.io,,ANALYST,INVITED,SENT,,,\ncy@acme.io,Cy,DEVELOPER,DISABLED,,,,\n',
    );
    const result = await roster(['users', 'import', csv, '--json'], { env: envFor(ctx.server) });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ outcomes: { invited: 2, ignored: 1 } });
    expect(ctx.server.store.listInvited().map((user) => user.email).sort()).toEqual(['ada@acme.io', 'bob@acme.io']);
  });
});

describe('roster users import: interrupted, then run again', () => {
  // A rate limit keeps the import going long enough to interrupt it half-way.
  const ctx = useServer({ seed: 'empty', rateLimit: 100 });

  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    it(`after ${signal}, the second run sends only what the first did not: every address exactly once`, { timeout: 120_000 }, async () => {
      const csv = file(`interrupted-${signal}.csv`, bulk(1500, `${signal.toLowerCase()}.io`));
      const report = path.join(HOME, `interrupted-${signal}.report.csv`);
      const first = startRoster(['users', 'import', csv, '--report', report], { env: envFor(ctx.server) });
      await until(() => ctx.server.store.listInvited().length >= 300);
      first.child.kill(signal);
      const stopped = await first.done;
      const sentByFirst = ctx.server.store.listInvited().length;
      expect(sentByFirst).toBeLessThan(1500);
      if (signal === 'SIGINT') {
        // Stopped cleanly: exit 130, and a report that says what was not sent.
        expect(stopped.code).toBe(130);
        const rows = readReport(report);
        expect(rows).toHaveLength(1500);
        expect(rows.filter((row) => row.outcome === 'invited').length).toBeLessThanOrEqual(sentByFirst);
        expect(rows.some((row) => row.outcome === 'not-sent')).toBe(true);
        expect(stopped.stderr).toContain('Interrupted: 1500 rows');
      } else {
        expect(stopped.signal).toBe('SIGKILL');
      }

      const second = await roster(['users', 'import', csv, '--json'], { env: envFor(ctx.server) });
      expect(second.code, second.stderr).toBe(0);
      const summary = JSON.parse(second.stdout) as { outcomes: Record<string, number> };
      expect(summary.outcomes.invited).toBe(1500 - sentByFirst);
      expect(summary.outcomes['already-invited']).toBe(sentByFirst);
      const invited = ctx.server.store.listInvited();
      expect(invited).toHaveLength(1500);
      expect(invited.filter((user) => user.sendCount !== 1)).toEqual([]);
      expect(ctx.server.stats.fields.inviteUser).toBe(1500);
    });
  }
});

describe('roster users import: 10,000 rows under a rate limit of 200 a second', () => {
  const ctx = useServer({ seed: 'empty', rateLimit: 200 });

  it('invites all 10,000, each exactly once, counted on the server', { timeout: 300_000 }, async () => {
    const report = path.join(HOME, 'ten-thousand.report.csv');
    const result = await roster(['users', 'import', file('ten-thousand.csv', bulk(10_000, 'bulk.io')), '--report', report, '--json'], { env: envFor(ctx.server) });
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
    const summary = JSON.parse(result.stdout) as { outcomes: Record<string, number>; rateLimited: number };
    expect(summary.outcomes.invited).toBe(10_000);
    const invited = ctx.server.store.listInvited();
    expect(invited).toHaveLength(10_000);
    expect(invited.filter((user) => user.sendCount !== 1)).toEqual([]);
    expect(ctx.server.stats.fields.inviteUser).toBe(10_000);
    // What the CLI counted as rate-limited is what the server refused.
    expect(summary.rateLimited).toBe(ctx.server.stats.rateLimited);
    const rows = readReport(report);
    expect(rows).toHaveLength(10_000);
    expect(rows.every((row) => row.outcome === 'invited')).toBe(true);
    // Plain progress lines, not a redrawn bar, when stderr is not a terminal.
    expect(result.stderr).toMatch(/^importing \d+\/10000 rows/m);
    expect(result.stderr).not.toContain('\r');
  });
});
