import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import { envFor, expectNoSecret, mutations, roster, useServer, type Result } from './helpers.js';

const MATT_UID = '07673b48d2206dad7a150dd258ea1e049df036356f1730e30304e38ca648b175';

describe('mutations against the full reference server', () => {
  const ctx = useServer({ seed: 'example' });
  const run = async (...args: string[]): Promise<Result> => {
    const result = await roster(args, { env: envFor(ctx.server) });
    expectNoSecret(result);
    return result;
  };

  it('users invite sends InviteUser once; --dry-run shows it and sends no mutation', async () => {
    const dry = await run('users', 'invite', 'Grace@Acme.io', '--role', 'Developer', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('InviteUser {"email":"Grace@Acme.io","accountType":"DEVELOPER"}');
    expect(mutations(ctx.server)).toEqual([]);

    const done = await run('users', 'invite', 'Grace@Acme.io', '--role', 'Developer');
    expect(done.code).toBe(0);
    expect(done.stderr).toContain('Invited Grace@Acme.io as DEVELOPER');
    expect(mutations(ctx.server).map((m) => m.name)).toEqual(['InviteUser']);
    expect(ctx.server.store.listInvited().find((user) => user.email === 'Grace@Acme.io')).toMatchObject({ accountType: 'DEVELOPER', sendCount: 1 });
  });

  it('users invite refuses a bad address or role before sending anything (exit 64)', async () => {
    const email = await run('users', 'invite', 'not-an-email', '--role', 'admin');
    expect(email.code).toBe(64);
    expect(email.stderr).toContain('"not-an-email" is not an email address');
    const role = await run('users', 'invite', 'a@acme.io', '--role', 'owner');
    expect(role.code).toBe(64);
    const missing = await run('users', 'invite', 'a@acme.io');
    expect(missing.code).toBe(64);
    expect(missing.stderr).toContain("required option '--role <role>' not specified");
    expect(ctx.server.requests).toEqual([]);
  });

  it('users set-role finds the user by email in any case; --json writes the outcome', async () => {
    const dry = await run('users', 'set-role', 'MATT@acme.io', 'admin', '--dry-run', '--json');
    expect(JSON.parse(dry.stdout)).toEqual({
      dryRun: true,
      action: 'change the role of matt@acme.io (Matt McDonald, DEVELOPER, ACTIVE) to ADMIN',
      operation: 'UpdateUserAccountType',
      variables: { uid: MATT_UID, accountType: 'ADMIN' },
    });
    expect(mutations(ctx.server)).toEqual([]);
    const done = await run('users', 'set-role', 'MATT@acme.io', 'admin', '--json');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ ok: true, operation: 'UpdateUserAccountType', user: { email: 'matt@acme.io', role: 'ADMIN' } });
    expect(ctx.server.store.listActive().find((user) => user.uid === MATT_UID)?.accountType).toBe('ADMIN');
  });

  it('users disable refuses without a terminal and without --yes, sending nothing; --yes disables', async () => {
    const refused = await run('users', 'disable', 'matt@acme.io');
    expect(refused.code).toBe(64);
    expect(refused.stderr).toContain('not on a terminal, so nobody can confirm');
    expect(refused.stderr).toContain('--yes');
    const dry = await run('users', 'disable', MATT_UID, '--dry-run');
    expect(dry.stdout).toContain(`DisableUser {"uid":"${MATT_UID}"}`);
    expect(mutations(ctx.server)).toEqual([]);

    const done = await run('users', 'disable', 'matt@acme.io', '--yes');
    expect(done.code).toBe(0);
    expect(mutations(ctx.server).map((m) => m.name)).toEqual(['DisableUser']);
    expect(ctx.server.store.listActive().some((user) => user.uid === MATT_UID)).toBe(false);

    // Disabled users are still found by email, and enable brings them back.
    const enabled = await run('users', 'enable', 'Matt@Acme.io');
    expect(enabled.code, enabled.stderr).toBe(0);
    expect(ctx.server.store.listActive().some((user) => user.uid === MATT_UID)).toBe(true);
  });

  it('users delete and invites revoke are destructive: refused without --yes, done with it', async () => {
    expect((await run('users', 'delete', 'matt@acme.io')).code).toBe(64);
    expect((await run('invites', 'revoke', 'john@acme.io')).code).toBe(64);
    expect(mutations(ctx.server)).toEqual([]);
    expect((await run('users', 'delete', 'matt@acme.io', '--yes')).code).toBe(0);
    expect((await run('invites', 'revoke', 'JOHN@acme.io', '--yes')).code).toBe(0);
    expect(mutations(ctx.server).map((m) => m.name)).toEqual(['DeleteUser', 'RevokeInvite']);
    expect(ctx.server.store.listInvited().map((user) => user.email)).toEqual(['max@acme.io']);
  });

  it('invites resend sends the pending invitation again', async () => {
    const result = await run('invites', 'resend', 'max@acme.io');
    expect(result.code).toBe(0);
    expect(mutations(ctx.server).map((m) => m.name)).toEqual(['ResendInvite']);
    expect(ctx.server.store.listInvited().find((user) => user.email === 'max@acme.io')).toMatchObject({ inviteStatus: 'SENT', sendCount: 2 });
    const none = await run('invites', 'resend', 'nobody@acme.io');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('nobody@acme.io has no pending invitation');
  });

  it('groups list, add and remove, by group name or id', async () => {
    const list = await run('groups', 'list', '--format', 'csv');
    expect(list.stdout).toBe('id,name,memberCount\nadmins,Admins,2\ndata-team,Data team,1\n');
    expect((await run('groups', 'add', 'Data Team', 'jonny@acme.io', '--dry-run')).code).toBe(0);
    expect(mutations(ctx.server)).toEqual([]);
    expect((await run('groups', 'add', 'Data Team', 'jonny@acme.io')).code).toBe(0);
    expect((await run('groups', 'remove', 'data-team', 'matt@acme.io')).code).toBe(0);
    expect(mutations(ctx.server).map((m) => m.name)).toEqual(['AddUserToGroup', 'RemoveUserFromGroup']);
    const after = await run('groups', 'list', '--json');
    expect(JSON.parse(after.stdout)).toContainEqual({ id: 'data-team', name: 'Data team', memberCount: 1 });
    const unknown = await run('groups', 'add', 'nope', 'jonny@acme.io');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('the groups are admins, data-team');
  });

  it('the last admin is protected, with a hint, and exit 1', async () => {
    expect((await run('users', 'disable', 'alexandra@acme.io', '--yes')).code).toBe(0);
    const last = await run('users', 'disable', 'jonny@acme.io', '--yes');
    expect(last.code).toBe(1);
    expect(last.stderr).toContain('PreconditionError');
    expect(last.stderr).toContain('promote someone else first');
  });

  it('a viewer key may read but not change, and is told so', async () => {
    const env = envFor(ctx.server, EXAMPLE_CREDENTIALS.viewer);
    expect((await roster(['users', 'get', 'matt@acme.io'], { env })).code).toBe(0);
    const result = await roster(['users', 'set-role', 'matt@acme.io', 'admin'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PermissionError');
    expect(result.stderr).toContain('User Management Admin');
    expectNoSecret(result);
  });

  it('users get by uid or email, and a clear error for nobody', async () => {
    const byUid = await run('users', 'get', MATT_UID, '--json');
    expect(JSON.parse(byUid.stdout)).toMatchObject({ email: 'matt@acme.io', status: 'ACTIVE' });
    const invited = await run('users', 'get', 'MAX@acme.io', '--format', 'ndjson', '--fields', 'email,status,inviteStatus');
    expect(invited.stdout).toBe('{"email":"max@acme.io","status":"INVITED","inviteStatus":"EXPIRED"}\n');
    const nobody = await run('users', 'get', 'nobody@acme.io');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('nobody in the workspace has the email nobody@acme.io');
  });
});

describe('mutations against a core-only server', () => {
  const ctx = useServer({ seed: 'example', mode: 'core' });

  it('extension-only commands say so and send nothing; core ones work', async () => {
    const env = envFor(ctx.server);
    for (const args of [
      ['users', 'enable', 'matt@acme.io'],
      ['users', 'delete', 'matt@acme.io', '--yes'],
      ['invites', 'revoke', 'john@acme.io', '--yes'],
      ['groups', 'list'],
      ['groups', 'add', 'admins', 'matt@acme.io'],
    ]) {
      const result = await roster(args, { env });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain('needs the Roster extension, and this server speaks only the documented core API');
    }
    expect(mutations(ctx.server)).toEqual([]);
    // The SDK's fallbacks: resend re-invites with the role; set-role and disable use the core mutations.
    expect((await roster(['invites', 'resend', 'max@acme.io'], { env })).code).toBe(0);
    expect((await roster(['users', 'set-role', 'matt@acme.io', 'analyst'], { env })).code).toBe(0);
    expect((await roster(['users', 'disable', 'matt@acme.io', '--yes'], { env })).code).toBe(0);
    expect(mutations(ctx.server).map((m) => m.name)).toEqual(['InviteUser', 'UpdateUserAccountType', 'DisableUser']);
  });
});
