// roster plan and roster apply in a real terminal (tmux gives them a pseudo-terminal): the
// diff in colour, and the confirmation before a roster file is applied.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, HOME, mutations, until, useServer } from './helpers.js';

// A private tmux server (its own socket), so that these sessions never meet anyone else's.
const SOCKET = `roster-cli-access-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(path.join(tmpdir(), 'roster-cli-tty-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  try {
    tmux('kill-server');
  } catch {
    // Already gone: every session ended.
  }
});

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
let sessions = 0;

function inTerminal(args: readonly string[], env: Record<string, string>): { name: string; screen(colours?: boolean): string } {
  const name = `roster-cli-access-${process.pid}-${++sessions}`;
  const vars = Object.entries({ PATH: process.env.PATH ?? '', HOME, TERM: 'xterm-256color', ...env }).map(([key, value]) => `${key}=${quote(value)}`);
  const command = `cd ${quote(dir)} && env -i ${vars.join(' ')} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}; echo "EXIT=$?"; sleep 600`;
  tmux('new-session', '-d', '-s', name, '-x', '160', '-y', '40', command);
  return { name, screen: (colours = false) => tmux('capture-pane', '-p', ...(colours ? ['-e'] : []), '-t', name) };
}

const exitOf = (screen: string) => /EXIT=(\d+)/.exec(screen)?.[1];
const ROSTER = 'members:\n  - { email: matt@acme.io, role: ADMIN }\n  - { email: grace@acme.io, role: ANALYST }\n';

describe('in a terminal', () => {
  const ctx = useServer({ seed: 'example' });
  const env = () => ({ ROSTER_API_ENDPOINT: ctx.server.url, ROSTER_API_KEY: EXAMPLE_CREDENTIALS.admin.apiKey, ROSTER_API_SECRET: EXAMPLE_CREDENTIALS.admin.apiSecret });

  it('roster plan colours the diff, unless NO_COLOR', async () => {
    writeFileSync(path.join(dir, 'roster.yaml'), ROSTER);
    const coloured = inTerminal(['plan', 'roster.yaml'], env());
    await until(() => exitOf(coloured.screen()) !== undefined);
    expect(exitOf(coloured.screen())).toBe('2');
    // tmux re-renders the escapes: green may come with other attribute codes around it.
    const line = coloured.screen(true).split('\n').find((text) => text.includes('+ invite            grace@acme.io as ANALYST'));
    expect(line?.slice(0, line.indexOf('+ invite'))).toContain('\u001b[32m');
    const plain = inTerminal(['plan', 'roster.yaml'], { ...env(), NO_COLOR: '1' });
    await until(() => exitOf(plain.screen()) !== undefined);
    expect(plain.screen()).toContain('~ change role       matt@acme.io DEVELOPER → ADMIN');
    expect(plain.screen(true)).not.toContain('\u001b[32m');
    tmux('kill-session', '-t', coloured.name);
    tmux('kill-session', '-t', plain.name);
  });

  it('roster apply roster.yaml shows the plan, asks, and applies only on yes', async () => {
    writeFileSync(path.join(dir, 'roster.yaml'), ROSTER);
    const declined = inTerminal(['apply', 'roster.yaml'], env());
    await until(() => declined.screen().includes('apply these 2 changes to the workspace?'));
    expect(declined.screen()).toContain('Plan: 1 to add, 1 to change, 0 to remove.');
    tmux('send-keys', '-t', declined.name, 'Enter');
    await until(() => exitOf(declined.screen()) !== undefined);
    expect(exitOf(declined.screen())).toBe('1');
    expect(mutations(ctx.server)).toEqual([]);

    const accepted = inTerminal(['apply', 'roster.yaml'], env());
    await until(() => accepted.screen().includes('apply these 2 changes to the workspace?'));
    tmux('send-keys', '-t', accepted.name, 'Left');
    tmux('send-keys', '-t', accepted.name, 'Enter');
    await until(() => exitOf(accepted.screen()) !== undefined);
    expect(exitOf(accepted.screen())).toBe('0');
    expect(accepted.screen()).toContain('Apply complete: 2 applied, 0 failed, 0 not sent.');
    expect(mutations(ctx.server).map((m) => m.name)).toEqual(['InviteUser', 'UpdateUserAccountType']);
    tmux('kill-session', '-t', declined.name);
    tmux('kill-session', '-t', accepted.name);
  });
});
