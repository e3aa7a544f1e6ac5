// The interactive parts in a real terminal: tmux gives the command a pseudo-terminal for
// stdin, stdout and stderr, as a person's shell would.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, HOME, mutations, roster, until, useServer } from './helpers.js';

// A private tmux server (its own socket), so that these sessions never meet anyone else's.
const SOCKET = `roster-cli-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // Already gone: every session ended.
  }
});

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
let sessions = 0;

/** Runs `roster …args` in a new tmux session; the pane keeps the output and the exit code after it ends. */
function inTerminal(args: readonly string[], env: Record<string, string>, size = { columns: 160, rows: 40 }): { name: string; screen(colours?: boolean): string } {
  const name = `roster-cli-${process.pid}-${++sessions}`;
  const vars = Object.entries({ PATH: process.env.PATH ?? '', HOME, TERM: 'xterm-256color', ...env }).map(([key, value]) => `${key}=${quote(value)}`);
  const command = `env -i ${vars.join(' ')} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}; echo "EXIT=$?"; sleep 600`;
  tmux('new-session', '-d', '-s', name, '-x', String(size.columns), '-y', String(size.rows), command);
  return { name, screen: (colours = false) => tmux('capture-pane', '-p', ...(colours ? ['-e'] : []), '-t', name) };
}

const envFor = (url: string) => ({ ROSTER_API_ENDPOINT: url, ROSTER_API_KEY: EXAMPLE_CREDENTIALS.admin.apiKey, ROSTER_API_SECRET: EXAMPLE_CREDENTIALS.admin.apiSecret });
const exitOf = (screen: string) => /EXIT=(\d+)/.exec(screen)?.[1];

describe('in a terminal', () => {
  const ctx = useServer({ seed: 'example' });

  it('a destructive command asks, and acts only on yes', async () => {
    const session = inTerminal(['users', 'disable', 'matt@acme.io'], envFor(ctx.server.url));
    await until(() => session.screen().includes('Disable matt@acme.io (Matt McDonald, DEVELOPER, ACTIVE)?'));
    expect(mutations(ctx.server)).toEqual([]);
    tmux('send-keys', '-t', session.name, 'Left');
    tmux('send-keys', '-t', session.name, 'Enter');
    await until(() => exitOf(session.screen()) !== undefined);
    expect(exitOf(session.screen())).toBe('0');
    expect(session.screen()).toContain('Disabled matt@acme.io');
    expect(mutations(ctx.server).map((m) => m.name)).toEqual(['DisableUser']);
    expect(ctx.server.store.listActive().some((user) => user.email === 'matt@acme.io')).toBe(false);
    tmux('kill-session', '-t', session.name);
  });

  it('answering no (the default) changes nothing and exits 1', async () => {
    const session = inTerminal(['invites', 'revoke', 'john@acme.io'], envFor(ctx.server.url));
    await until(() => session.screen().includes('Revoke the invitation of john@acme.io (ADMIN)?'));
    tmux('send-keys', '-t', session.name, 'Enter');
    await until(() => exitOf(session.screen()) !== undefined);
    expect(exitOf(session.screen())).toBe('1');
    expect(session.screen()).toContain('cancelled: nothing was changed');
    expect(mutations(ctx.server)).toEqual([]);
    tmux('kill-session', '-t', session.name);
  });

  it('users list prints a table, in colour unless NO_COLOR is set', async () => {
    const coloured = inTerminal(['users', 'list'], envFor(ctx.server.url));
    await until(() => exitOf(coloured.screen()) !== undefined);
    expect(coloured.screen()).toMatch(/EMAIL\s+NAME\s+ROLE\s+STATUS\s+INVITE STATUS/);
    expect(coloured.screen()).toContain('5 users');
    expect(coloured.screen(true)).toContain('\u001b[1mEMAIL');
    const plain = inTerminal(['users', 'list'], { ...envFor(ctx.server.url), NO_COLOR: '1' });
    await until(() => exitOf(plain.screen()) !== undefined);
    expect(plain.screen()).toMatch(/EMAIL\s+NAME/);
    expect(plain.screen(true)).not.toContain('\u001b[1m');
    tmux('kill-session', '-t', coloured.name);
    tmux('kill-session', '-t', plain.name);
  });
});

describe('help in a terminal', () => {
  const helpOf = async (args: readonly string[], columns: number) => {
    const session = inTerminal(args, {}, { columns, rows: 100 });
    await until(() => exitOf(session.screen()) !== undefined);
    // -J joins the rows a line too long for the pane was wrapped into: the lines as printed.
    const screen = tmux('capture-pane', '-p', '-J', '-t', session.name);
    tmux('kill-session', '-t', session.name);
    expect(exitOf(screen)).toBe('0');
    const lines = screen.slice(0, screen.indexOf('EXIT=')).trimEnd().split('\n').map((line) => line.trimEnd());
    return { text: lines.join('\n'), lines };
  };
  const widest = (lines: readonly string[]) => Math.max(...lines.map((line) => line.length));
  const piped = async (args: readonly string[]) => {
    const result = await roster(args);
    expect(result.code).toBe(0);
    return result.stdout.trimEnd();
  };

  it('is 80 columns wide on a wide terminal, the same text as on a pipe', async () => {
    const top = await helpOf(['--help'], 160);
    expect(widest(top.lines)).toBeLessThanOrEqual(80);
    expect(top.text).toBe(await piped(['--help']));
    const sub = await helpOf(['users', 'import', '--help'], 160);
    expect(widest(sub.lines)).toBeLessThanOrEqual(80);
    expect(sub.text).toBe(await piped(['users', 'import', '--help']));
  });

  it('wraps what commander renders to a narrower terminal', async () => {
    const narrow = await helpOf(['--help'], 70);
    expect(narrow.text).toContain('Usage: roster [options] [command]');
    // Options and commands are wrapped to the terminal; the text written for 80 columns
    // after them (credentials, output, exit codes) is not.
    const rendered = narrow.lines.slice(0, narrow.lines.indexOf('Credentials, first found wins:'));
    expect(rendered.length).toBeGreaterThan(20);
    expect(widest(rendered)).toBeLessThanOrEqual(70);
    expect(widest(rendered)).toBeGreaterThan(60);
    expect(narrow.text).not.toBe(await piped(['--help']));
  });
});

describe('the import progress bar in a terminal', () => {
  const ctx = useServer({ seed: 'empty', rateLimit: 150 });

  it('draws a bar with the count, the rate and the ETA while it runs, and ends at the total', { timeout: 120_000 }, async () => {
    const csv = path.join(HOME, 'terminal-import.csv');
    writeFileSync(csv, `email,role\n${Array.from({ length: 900 }, (_, i) => `tty${i}@bar.io,analyst`).join('\n')}\n`);
    const session = inTerminal(['users', 'import', csv], envFor(ctx.server.url));
    const bar = /importing \S+ (\d+)\/900 rows · (\d+)\/s · ETA (\S+) · 0 failed/;
    let midway: RegExpExecArray | null = null;
    await until(() => {
      const match = bar.exec(session.screen());
      if (match && Number(match[1]) > 0 && Number(match[1]) < 900) midway = match;
      return midway !== null;
    });
    await until(() => exitOf(session.screen()) !== undefined);
    const end = session.screen();
    expect(exitOf(end)).toBe('0');
    expect(end).toMatch(/importing \S+ 900\/900 rows/);
    expect(end).toContain('900 rows: 900 invited');
    // Redrawn in place: one bar line, not one line per update.
    expect(end.match(/importing /g)).toHaveLength(1);
    expect(ctx.server.store.listInvited()).toHaveLength(900);
    tmux('kill-session', '-t', session.name);
  });
});
