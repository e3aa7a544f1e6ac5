import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import { COMMANDS, GROUPS } from '../src/commands/index.js';
import { envFor, expectNoSecret, HOME, roster, useServer } from './helpers.js';

describe('roster status', () => {
  const ctx = useServer({ seed: 'example' }, 'all');

  it('shows endpoint, mode, sources, extension and that the credentials work, never the secret', async () => {
    const result = await roster(['status'], { env: envFor(ctx.server) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`endpoint     ${ctx.server.url} (from environment)`);
    expect(result.stdout).toMatch(/auth\s+keyPair/);
    expect(result.stdout).toContain('documented core API + Roster extension');
    expect(result.stdout).toMatch(/credentials\s+work/);
    expect(result.stdout).toMatch(/users\s+5/);
    expectNoSecret(result);
  });

  it('exits 1 with an authentication error and a hint when the secret is wrong, and does not echo it', async () => {
    const wrong = 'not-the-right-secret-1234';
    const result = await roster(['status', '--json'], { env: { ...envFor(ctx.server), ROSTER_API_SECRET: wrong } });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { credentialsWork: boolean; error: { name: string; hint: string } };
    expect(report.credentialsWork).toBe(false);
    expect(report.error.name).toBe('AuthenticationError');
    expect(report.error.hint).toContain('ROSTER_API_SECRET');
    expectNoSecret(result, [wrong]);
  });

  it('shows only the origin and path of the endpoint: no user info, no query string', async () => {
    const url = new URL(ctx.server.url);
    const withQuery = `${ctx.server.url}?token=query-secret-123#frag`;
    const withUser = `${url.protocol}//someone:pw-in-url-456@${url.host}${url.pathname}`;
    for (const endpoint of [withQuery, withUser]) {
      for (const json of [false, true]) {
        const result = await roster(['status', ...(json ? ['--json'] : [])], { env: { ...envFor(ctx.server), ROSTER_API_ENDPOINT: endpoint } });
        if (json) expect((JSON.parse(result.stdout) as { endpoint: string }).endpoint).toBe(`${url.origin}${url.pathname}`);
        else expect(result.stdout).toContain(`endpoint     ${url.origin}${url.pathname} (from environment)`);
        for (const part of ['query-secret-123', 'pw-in-url-456']) expect(result.stdout + result.stderr).not.toContain(part);
      }
    }
  });

  it('ROSTER_DEBUG=1 logs every request and response on stderr, without the secret; nothing without it', async () => {
    const debug = await roster(['status'], { env: { ...envFor(ctx.server), ROSTER_DEBUG: '1' } });
    expect(debug.code, debug.stderr).toBe(0);
    expect(debug.stderr).toMatch(/^\[roster\] request RosterServerInfo /m);
    expect(debug.stderr).toMatch(/^\[roster\] response RosterServerInfo /m);
    expect(debug.stdout).not.toContain('[roster]');
    expectNoSecret(debug);
    const quiet = await roster(['status'], { env: envFor(ctx.server) });
    expect(quiet.stderr).not.toContain('[roster]');
    expect(quiet.stdout).toBe(debug.stdout);
  });

  it('takes a workspace token, and reports a core-only server', async () => {
    const result = await roster(['status', '--json'], {
      env: { ROSTER_API_ENDPOINT: ctx.server.url, ROSTER_API_SECRET: EXAMPLE_CREDENTIALS.adminWorkspaceToken },
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ authMode: 'workspaceToken', extension: true, credentialsWork: true, sources: { key: 'none', secret: 'environment' } });
    expectNoSecret(result);
  });
});

describe('credentials: flags, then environment, then profile file', () => {
  const ctx = useServer({ seed: 'example' }, 'all');
  const profileFile = path.join(HOME, 'roster-credentials.json');
  const writeProfile = (content: unknown, mode = 0o600) => {
    mkdirSync(path.dirname(profileFile), { recursive: true });
    writeFileSync(profileFile, JSON.stringify(content));
    chmodSync(profileFile, mode);
  };

  it('a flag wins over the environment, which wins over the profile', async () => {
    writeProfile({ default: { apiEndpoint: 'http://127.0.0.1:9/graphql', ...EXAMPLE_CREDENTIALS.viewer } });
    const env = { ROSTER_CONFIG: profileFile, ROSTER_API_ENDPOINT: ctx.server.url };
    const result = await roster(['status', '--json', '--api-key', EXAMPLE_CREDENTIALS.admin.apiKey, '--api-secret-file', '-'], {
      env,
      input: `${EXAMPLE_CREDENTIALS.admin.apiSecret}\n`,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ endpoint: ctx.server.url, sources: { endpoint: 'environment', key: 'flag', secret: 'stdin' }, profile: 'default' });
    expectNoSecret(result);
  });

  it('reads everything from a named profile, and a secret file', async () => {
    writeProfile({ staging: { apiEndpoint: ctx.server.url, apiKey: EXAMPLE_CREDENTIALS.admin.apiKey } });
    const secretFile = path.join(HOME, 'secret.txt');
    writeFileSync(secretFile, `${EXAMPLE_CREDENTIALS.admin.apiSecret}\n`, { mode: 0o600 });
    const result = await roster(['users', 'list', '--profile', 'staging', '--api-secret-file', secretFile, '--fields', 'email'], { env: { ROSTER_CONFIG: profileFile } });
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(5);
  });

  it('refuses a profile file other users can read, naming the fix', async () => {
    writeProfile({ default: { apiEndpoint: ctx.server.url, ...EXAMPLE_CREDENTIALS.admin } }, 0o644);
    const result = await roster(['users', 'list'], { env: { ROSTER_CONFIG: profileFile } });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('accessible to other users (mode 644)');
    expect(result.stderr).toContain(`chmod 600 ${profileFile}`);
    expectNoSecret(result);
  });

  it('says where a broken profile file fails, without quoting any of it (it holds a secret)', async () => {
    const secret = 'pw-in-profile-7f3a9c';
    // Node 20's JSON.parse quotes the text around an unexpected token: here, the secret.
    mkdirSync(path.dirname(profileFile), { recursive: true });
    writeFileSync(profileFile, `{"default": {\n  "apiSecret": "${secret}", "apiKey": x}}\n`);
    chmodSync(profileFile, 0o600);
    const result = await roster(['users', 'list'], { env: { ROSTER_CONFIG: profileFile } });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain(`the profile file ${profileFile} is not valid JSON (line 2, column 50)`);
    for (const part of [secret, secret.slice(0, 6), secret.slice(-6), '"apiKey"']) expect(result.stderr).not.toContain(part);
    expectNoSecret(result, [secret]);
  });

  it('says where to put credentials when there are none (exit 64), as JSON with --json', async () => {
    const result = await roster(['users', 'list', '--json'], { env: { ROSTER_CONFIG: path.join(HOME, 'none.json') } });
    expect(result.code).toBe(64);
    expect(JSON.parse(result.stderr)).toMatchObject({ error: { code: 'USAGE', message: 'no API endpoint given', exitCode: 64 } });
  });

  it('never prints a secret given as a flag, even when it is wrong', async () => {
    const wrong = 'prdm_wsp_wrong_token_0000000000';
    const result = await roster(['users', 'list', '--api-secret', wrong], { env: { ROSTER_API_ENDPOINT: ctx.server.url } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('AuthenticationError');
    expectNoSecret(result, [wrong]);
  });
});

describe('usage', () => {
  it('prints help with the exit codes and the credential order, and the version', async () => {
    const help = await roster(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: roster');
    expect(help.stdout).toContain('64 usage error');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('visible to other users in the process list');
    const version = await roster(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const sub = await roster(['users', 'list', '--help']);
    expect(sub.stdout).toContain('Examples:');
  });

  it('prints the same top-level help however it is asked, as commander renders it', async () => {
    // `roster --help` prints text rendered at build time (src/help.ts); with another option
    // on the line, commander renders it there and then: the two must not differ.
    const rendered = await roster(['--no-color', '--help']);
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toContain('Usage: roster [options] [command]');
    for (const args of [['--help'], ['-h'], ['help']]) {
      const result = await roster(args);
      expect([result.code, result.stderr, result.stdout]).toEqual([0, '', rendered.stdout]);
    }
  });

  it('keeps every help within 80 columns', async () => {
    const paths = [[], ...Object.keys(GROUPS).map((group) => [group]), ...COMMANDS.map((spec) => spec.path)];
    for (const words of paths) {
      const result = await roster([...words, '--help']);
      expect(result.code).toBe(0);
      const long = result.stdout.split('\n').filter((line) => line.length > 80);
      expect({ command: words.join(' '), long }).toEqual({ command: words.join(' '), long: [] });
    }
  });

  it('exits 64 on an unknown command or option, with a suggestion', async () => {
    const unknown = await roster(['users', 'lst']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('Did you mean list?');
    const option = await roster(['users', 'list', '--colour']);
    expect(option.code).toBe(64);
  });
});
