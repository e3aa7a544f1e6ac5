import { inspect } from 'node:util';
import { activeUser, DOCUMENTED_LIST_USERS_RESPONSE, EXAMPLE_CREDENTIALS, startServer } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ConflictError,
  NotFoundError,
  OperationFailedError,
  PermissionError,
  PreconditionError,
  Roster,
  TimeoutError,
  UserAccountType,
  ValidationError,
} from '../src/index.js';
import { operationsOf, rejectionOf, rosterFor, useWorkspace } from './helpers.js';

const ctx = useWorkspace();
const listing = DOCUMENTED_LIST_USERS_RESPONSE.data.listUsers;
const [alexandra, jonny, matt] = listing.activeUsers;

describe('listActive', () => {
  it('returns the active users as plain objects, without transferring the invited list', async () => {
    const users = await rosterFor(ctx.server).users.listActive();
    expect(users).toEqual(listing.activeUsers);
    const query = String((ctx.server.requests[0]?.body as { query: string }).query);
    expect(query).toContain('activeUsers');
    expect(query).not.toContain('invitedUsers');
  });
});

describe('listInvited', () => {
  it('returns the invitations, without transferring the active list', async () => {
    const users = await rosterFor(ctx.server).users.listInvited();
    expect(users).toEqual(listing.invitedUsers);
    const query = String((ctx.server.requests[0]?.body as { query: string }).query);
    expect(query).not.toContain('activeUsers');
  });
});

describe('getByEmail', () => {
  it('matches case-insensitively', async () => {
    expect(await rosterFor(ctx.server).users.getByEmail('MATT@Acme.IO')).toEqual(matt);
  });

  it('throws NotFoundError for an unknown address, and for an address that is only invited', async () => {
    const roster = rosterFor(ctx.server);
    for (const email of ['nobody@acme.io', 'john@acme.io']) {
      const error = await rejectionOf(roster.users.getByEmail(email));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.message).toContain(`'${email}'`);
    }
    // The full server answers with a lookup; see core-fallback.test.ts for a core-only server.
    expect(operationsOf(ctx.server)).toEqual(['RosterServerInfo', 'GetUserByEmail', 'GetUserByEmail']);
  });

  it('rejects a malformed address before any request', async () => {
    const error = await rejectionOf(rosterFor(ctx.server).users.getByEmail('not an email'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(ctx.server.requests).toHaveLength(0);
  });
});

describe('invite', () => {
  it('invites with an enum member or the same value as a plain string', async () => {
    const roster = rosterFor(ctx.server);
    await roster.users.invite({ email: 'ada@acme.io', accountType: UserAccountType.DEVELOPER });
    await roster.users.invite({ email: 'grace@acme.io', accountType: 'ANALYST' });
    const invited = await roster.users.listInvited();
    expect(invited).toEqual(
      expect.arrayContaining([
        { email: 'ada@acme.io', accountType: 'DEVELOPER', inviteStatus: 'SENT' },
        { email: 'grace@acme.io', accountType: 'ANALYST', inviteStatus: 'SENT' },
      ]),
    );
  });

  it('re-sends an existing invitation instead of duplicating it', async () => {
    const roster = rosterFor(ctx.server);
    await roster.users.invite({ email: 'max@acme.io', accountType: 'ADMIN' });
    const max = (await roster.users.listInvited()).filter((u) => u.email === 'max@acme.io');
    expect(max).toEqual([{ email: 'max@acme.io', accountType: 'ADMIN', inviteStatus: 'SENT' }]);
  });

  it("refuses an active member's address with a ConflictError", async () => {
    expect(await rejectionOf(rosterFor(ctx.server).users.invite({ email: 'Matt@acme.io', accountType: 'ADMIN' }))).toBeInstanceOf(
      ConflictError,
    );
  });

  it.each([
    ['a malformed email', { email: 'ada@', accountType: 'ADMIN' }, /email must be an email address/],
    ['a missing email', { accountType: 'ADMIN' }, /email must be an email address.*got undefined/],
    ['an unknown account type', { email: 'ada@acme.io', accountType: 'OWNER' }, /accountType must be one of ADMIN, ANALYST, .*WORKSPACE_SETTINGS_ADMIN; got 'OWNER'/],
    ['a lower-case account type', { email: 'ada@acme.io', accountType: 'admin' }, /accountType must be one of/],
    ['no object at all', null, /expected an object/],
  ])('rejects %s with a ValidationError before any request', async (_title, input, message) => {
    const error = await rejectionOf(rosterFor(ctx.server).users.invite(input as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(message);
    expect((error as ValidationError).issues.length).toBeGreaterThan(0);
    expect(ctx.server.requests).toHaveLength(0);
  });

  it('reports every problem of an input at once', async () => {
    const error = await rejectionOf(rosterFor(ctx.server).users.invite({ email: 'x', accountType: 'X' } as never));
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['email', 'accountType']);
  });
});

describe('updateAccountType', () => {
  it('changes the role', async () => {
    const roster = rosterFor(ctx.server);
    await roster.users.updateAccountType({ userUid: matt.uid, accountType: UserAccountType.ANALYST });
    expect(await roster.users.getByEmail('matt@acme.io')).toMatchObject({ accountType: 'ANALYST' });
  });

  it('throws NotFoundError for an unknown uid', async () => {
    const error = await rejectionOf(rosterFor(ctx.server).users.updateAccountType({ userUid: 'e'.repeat(64), accountType: 'ADMIN' }));
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it('rejects a malformed uid or account type before any request', async () => {
    const roster = rosterFor(ctx.server);
    for (const input of [
      { userUid: 'ABC', accountType: 'ADMIN' },
      { userUid: matt.uid.toUpperCase(), accountType: 'ADMIN' },
      { userUid: matt.uid, accountType: 'GOD' },
    ]) {
      expect(await rejectionOf(roster.users.updateAccountType(input as never))).toBeInstanceOf(ValidationError);
    }
    expect(ctx.server.requests).toHaveLength(0);
  });
});

describe('disable', () => {
  it('removes the user from the active list', async () => {
    const roster = rosterFor(ctx.server);
    await roster.users.disable({ userUid: jonny.uid });
    expect((await roster.users.listActive()).map((u) => u.email)).toEqual(['alexandra@acme.io', 'matt@acme.io']);
  });

  it('refuses to disable the last admin', async () => {
    const roster = rosterFor(ctx.server);
    await roster.users.disable({ userUid: jonny.uid });
    expect(await rejectionOf(roster.users.disable({ userUid: alexandra.uid }))).toBeInstanceOf(PreconditionError);
    expect((await roster.users.listActive()).map((u) => u.email)).toContain('alexandra@acme.io');
  });

  it('rejects a malformed uid before any request', async () => {
    expect(await rejectionOf(rosterFor(ctx.server).users.disable({ userUid: '' }))).toBeInstanceOf(ValidationError);
    expect(ctx.server.requests).toHaveLength(0);
  });
});

describe('every mutation checks ok', () => {
  it.each([
    ['invite', (r: Roster) => r.users.invite({ email: 'ok@acme.io', accountType: 'ADMIN' })],
    ['updateAccountType', (r: Roster) => r.users.updateAccountType({ userUid: matt.uid, accountType: 'ADMIN' })],
    ['disable', (r: Roster) => r.users.disable({ userUid: matt.uid })],
  ])('%s throws OperationFailedError on ok: false', async (_name, call) => {
    ctx.server.faults.enqueue({ kind: 'okFalse' });
    expect(await rejectionOf(call(rosterFor(ctx.server)))).toBeInstanceOf(OperationFailedError);
    expect(ctx.server.store.getByUid(matt.uid)).toMatchObject({ accountType: 'DEVELOPER', enabled: true });
  });
});

describe('per-call options', () => {
  it('take a signal', async () => {
    const error = await rejectionOf(rosterFor(ctx.server).users.listActive({ signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
  });

  it('take a time-out', async () => {
    ctx.server.faults.enqueue({ kind: 'latency', ms: 2000 });
    const error = await rejectionOf(rosterFor(ctx.server).users.listActive({ timeoutMs: 100, retry: false }));
    expect(error).toBeInstanceOf(TimeoutError);
  });
});

describe('Roster', () => {
  it('works with a workspace token and a company token too', async () => {
    const byWorkspace = rosterFor(ctx.server, { apiKey: undefined, apiSecret: EXAMPLE_CREDENTIALS.adminWorkspaceToken });
    const byCompany = rosterFor(ctx.server, {
      apiKey: undefined,
      apiSecret: EXAMPLE_CREDENTIALS.adminCompanyToken,
      workspaceUid: EXAMPLE_CREDENTIALS.companyWorkspaceUid,
    });
    expect(await byWorkspace.users.listActive()).toHaveLength(3);
    await byCompany.users.invite({ email: 'co@acme.io', accountType: 'BUSINESS' });
    expect(byCompany.client.authMode).toBe('companyToken');
  });

  it('a viewer can read but not change anything', async () => {
    const viewer = rosterFor(ctx.server, { ...EXAMPLE_CREDENTIALS.viewer });
    expect(await viewer.users.listInvited()).toHaveLength(2);
    expect(await rejectionOf(viewer.users.disable({ userUid: matt.uid }))).toBeInstanceOf(PermissionError);
  });

  it('rejects incomplete options, and never shows the secret', () => {
    expect(() => new Roster({ apiEndpoint: ctx.server.url, apiSecret: 'lonely-secret' })).toThrow(ValidationError);
    const roster = rosterFor(ctx.server);
    for (const view of [inspect(roster, { depth: Infinity, showHidden: true }), JSON.stringify(roster)]) {
      expect(view).not.toContain(EXAMPLE_CREDENTIALS.admin.apiSecret);
    }
  });

  it('lets an app send its own typed documents through roster.client', async () => {
    const { ListUsersDocument } = await import('@roster/client');
    const data = await rosterFor(ctx.server).client.execute(ListUsersDocument);
    expect(data.listUsers.invitedUsers).toHaveLength(2);
  });
});

describe('a workspace with many users', () => {
  it('lists them all', async () => {
    const big = await startServer({ seed: 'empty', users: 5000 });
    try {
      expect(await rosterFor(big).users.listActive()).toHaveLength(5000);
    } finally {
      await big.close();
    }
  });

  it('finds a user whatever the case of the stored address', async () => {
    const user = activeUser({ email: 'Mixed.Case@Acme.io' });
    ctx.server.store.addActive(user);
    expect((await rosterFor(ctx.server).users.getByEmail('mixed.case@acme.io')).uid).toBe(user.uid);
  });
});
