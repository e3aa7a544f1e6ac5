// `roster studio` as a user runs it: the built bin as a process against the reference server.
import { spawn } from 'node:child_process';
import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import { BIN, HOME, envFor, useServer } from './helpers.js';

describe('roster studio', () => {
  const ctx = useServer();

  it('prints a tokened loopback URL, serves the page and the API through it, and stops on Ctrl+C', async () => {
    const child = spawn(process.execPath, [BIN, 'studio', '--port', '0', '--no-open'], {
      env: { PATH: process.env.PATH ?? '', HOME, ...envFor(ctx.server) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const match = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('close', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const origin = new URL(url).origin;
      const exchange = await fetch(url, { redirect: 'manual' });
      expect(exchange.status).toBe(303);
      const cookie = (exchange.headers.get('set-cookie') ?? '').split(';')[0]!;
      expect((await fetch(`${origin}/`)).status).toBe(401);
      const page = await fetch(`${origin}/`, { headers: { cookie } });
      expect(await page.text()).toContain('<div id="root"></div>');
      const listed = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { cookie, origin, 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query ListUsers { listUsers { ok activeUsers { uid email name accountType } invitedUsers { email accountType inviteStatus } } }' }),
      });
      const body = (await listed.json()) as { data: { listUsers: { activeUsers: unknown[] } } };
      expect(body.data.listUsers.activeUsers).toHaveLength(ctx.server.store.listActive().length);
      expect(stderr).toContain('Press Ctrl+C to stop.');
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      await expect(fetch(`${origin}/`)).rejects.toThrow();
      for (const output of [stdout, stderr]) expect(output).not.toContain(EXAMPLE_CREDENTIALS.admin.apiSecret);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('passes the typed errors of its own SDK through: a viewer key is refused as FORBIDDEN and then known as a viewer', async () => {
    const child = spawn(process.execPath, [BIN, 'studio', '--port', '0', '--no-open'], {
      env: { PATH: process.env.PATH ?? '', HOME, ...envFor(ctx.server, EXAMPLE_CREDENTIALS.viewer) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const match = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('close', (code) => reject(new Error(`exited with ${code}`)));
    });
    try {
      const origin = new URL(url).origin;
      const cookie = ((await fetch(url, { redirect: 'manual' })).headers.get('set-cookie') ?? '').split(';')[0]!;
      const capability = async () => ((await (await fetch(`${origin}/api/session`, { headers: { cookie } })).json()) as { capability: string }).capability;
      // Nothing is asked of the API before a change: the key's capability is learnt from its first refusal.
      expect(await capability()).toBe('unknown');
      const refused = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { cookie, origin, 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation InviteUser($email: String!, $accountType: UserAccountType!) { inviteUser(email: $email, accountType: $accountType) { ok } }',
          variables: { email: 'ann@example.com', accountType: 'ANALYST' },
        }),
      });
      const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe('FORBIDDEN');
      expect(body.errors[0]?.message).toMatch(/^Permission denied in InviteUser/);
      expect(await capability()).toBe('viewer');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('says so when it cannot open a browser (no display), and still serves', async () => {
    const child = spawn(process.execPath, [BIN, 'studio', '--port', '0'], {
      env: { PATH: process.env.PATH ?? '', HOME, ...envFor(ctx.server) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const ready = new Promise<void>((resolve) => {
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        if (stderr.includes('Press Ctrl+C to stop.')) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await ready;
      expect(stderr).toContain('could not open a browser: open the URL above yourself');
      child.kill('SIGINT');
      expect(await exited).toBe(130);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses a bad port as a usage error', async () => {
    const child = spawn(process.execPath, [BIN, 'studio', '--port', 'eighty', '--no-open'], {
      env: { PATH: process.env.PATH ?? '', HOME, ...envFor(ctx.server) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(64);
    expect(stderr).toContain("--port must be a port number from 0 to 65535, got 'eighty'");
  });
});
