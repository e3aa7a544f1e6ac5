import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mayUseGroups, parseRosterCsv, parseRosterCsvAsync, RosterFileError } from '../src/index.js';
import { readRosterAndLive } from '../src/node.js';
import { operationsOf, rejectionOf, rosterFor, useServer } from './helpers.js';

// A CSV file large enough to be read in several chunks, with quoted fields spanning lines
// and blank lines spread through it.
function bigCsv(rows: number, bad: readonly number[] = []): string {
  const lines = ['Email,Role,Name'];
  for (let i = 0; i < rows; i++) {
    const name = i % 97 === 0 ? `"Person ""${i}""\nsecond line, with a comma"` : `Person ${i}`;
    lines.push(`person-${i}@acme.io,${bad.includes(i) ? 'OWNER' : i % 5 === 0 ? 'admin' : 'Developer'},${name}`);
    if (i % 331 === 0) lines.push('');
  }
  return `${lines.join('\r\n')}\r\n`;
}

const dir = mkdtempSync(path.join(tmpdir(), 'roster-access-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('large CSV files, parsed in chunks', () => {
  it('gives exactly what the one-piece parse gives', async () => {
    const text = bigCsv(10000);
    expect(text.length).toBeGreaterThan(3 * 128 * 1024);
    const whole = parseRosterCsv(text, 'big.csv');
    expect(whole.members).toHaveLength(10000);
    expect(await parseRosterCsvAsync(text, 'big.csv')).toEqual(whole);
    expect(whole.members[97]).toMatchObject({ name: 'Person "97"\nsecond line, with a comma', role: 'DEVELOPER' });
  });

  it('names the same lines for problems in later chunks', async () => {
    const text = bigCsv(10000, [3, 2500, 9999]);
    const sync = (await rejectionOf(() => parseRosterCsv(text, 'big.csv'))) as RosterFileError;
    const chunked = (await rejectionOf(parseRosterCsvAsync(text, 'big.csv'))) as RosterFileError;
    expect(chunked.problems).toEqual(sync.problems);
    expect(chunked.problems).toHaveLength(3);
    // Each problem's line holds the row it names.
    const lines = text.split(/\r?\n/);
    for (const [i, problem] of chunked.problems.entries()) expect(lines[problem.line - 1]).toContain(`person-${[3, 2500, 9999][i]}@acme.io`);
  });
});

describe('mayUseGroups', () => {
  it('says yes whenever a file lists groups', () => {
    expect(mayUseGroups('email,role,Groups\n', 'a.csv')).toBe(true);
    expect(mayUseGroups('email,role,name\nx@acme.io,ADMIN,groups\n', 'a.csv')).toBe(false);
    expect(mayUseGroups('members:\n  - email: a@acme.io\n    groups: [x]\n', 'a.yaml')).toBe(true);
    expect(mayUseGroups('members:\n  - { email: a@acme.io, role: ADMIN, "groups": [] }\n', 'a.yaml')).toBe(true);
    expect(mayUseGroups('members:\n  - { email: a@acme.io, role: ADMIN }\n', 'a.yaml')).toBe(false);
  });
});

describe('readRosterAndLive', () => {
  const ctx = useServer();

  it('reads the file and the workspace together, with groups when the file lists them', async () => {
    const file = path.join(dir, 'roster.yaml');
    writeFileSync(file, 'members:\n  - { email: matt@acme.io, role: DEVELOPER, groups: [data-team] }\n');
    const read = await readRosterAndLive(rosterFor(ctx.server), file);
    expect(read.file.members).toHaveLength(1);
    expect(read.live.groups).toEqual(['admins', 'data-team']);
    expect(read.live.users).toHaveLength(5);
  });

  it('stops listing the workspace once the file turns out invalid', async () => {
    // The listing's first page is held back until the file has failed: then it must be
    // cancelled, and no page may follow it. (Without the cancellation, the held page would go
    // out once released, and the next one after it.)
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const pages: { signal: AbortSignal | null | undefined; done: Promise<Response> }[] = [];
    const roster = rosterFor(ctx.server, {
      fetch: (input, init) => {
        if (!String(init?.body).includes('"ListUsersPage"')) return fetch(input, init);
        const done = released.then(() => fetch(input, init));
        pages.push({ signal: init?.signal, done });
        return done;
      },
    });
    const file = path.join(dir, 'late-problem.csv');
    // Read in a hundred slices, the listing's first requests go out meanwhile; the problem is on the last row.
    writeFileSync(file, bigCsv(10000, [9999]));
    const error = await rejectionOf(readRosterAndLive(roster, file, { pageSize: 2 }));
    expect((error as RosterFileError).problems).toHaveLength(1);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.signal?.aborted).toBe(true);
    release();
    await Promise.allSettled(pages.map((page) => page.done));
    // Two turns of the event loop: a next page would have been asked for by then.
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(pages).toHaveLength(1);
    expect(operationsOf(ctx.server).filter((name) => name === 'ListUsersPage')).toEqual([]);
  });

  it('reports the file first when it is invalid', async () => {
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, 'email,role\nada@acme.io,OWNER\n');
    const error = await rejectionOf(readRosterAndLive(rosterFor(ctx.server), file));
    expect(error).toBeInstanceOf(RosterFileError);
    expect((error as RosterFileError).problems[0]).toMatchObject({ line: 2, column: 2 });
  });
});
