import { EXAMPLE_CREDENTIALS, startServer } from '@roster/fixtures';
import {
  Roster,
  RosterError,
  UserAccountType,
  type ActiveUser,
  type InvitedUser,
  type RosterLogEvent,
} from '@roster/users';
import { shortUid, table } from './table.js';

/**
 * Walks through every method of `roster.users` against an in-process reference server
 * seeded with the documented example workspace, writing readable output with `print`.
 */
export async function runDemo(print: (text: string) => void = console.log): Promise<void> {
  const server = await startServer({ seed: 'example' });
  try {
    const logEvents: RosterLogEvent[] = [];
    const roster = new Roster({
      apiEndpoint: server.url,
      ...EXAMPLE_CREDENTIALS.admin,
      retry: { baseDelayMs: 50 },
      logger: (event) => logEvents.push(event),
    });
    const step = (title: string) => print(`\n▸ ${title}`);
    const showActive = (users: readonly ActiveUser[]) =>
      print(table(users.map((u) => ({ ...u, uid: shortUid(u.uid) })), ['name', 'email', 'accountType', 'uid']));
    const showInvited = (users: readonly InvitedUser[]) => print(table(users, ['email', 'accountType', 'inviteStatus']));
    const expectFailure = async (title: string, call: () => Promise<unknown>) => {
      step(title);
      try {
        await call();
        throw new Error(`the demo expected "${title}" to fail`);
      } catch (error) {
        if (!(error instanceof RosterError)) throw error;
        print(`  ✗ ${error.name} [${error.code}]: ${error.message}`);
      }
    };

    print(`Roster demo: the reference server listens at ${server.url}, seeded with the documented example workspace.`);

    step('roster.users.listActive()  — the workspace before');
    showActive(await roster.users.listActive());
    step('roster.users.listInvited()');
    showInvited(await roster.users.listInvited());

    step("roster.users.getByEmail('MATT@ACME.IO')  — case-insensitive");
    const matt = await roster.users.getByEmail('MATT@ACME.IO');
    print(`  ✓ ${matt.name} <${matt.email}>, ${matt.accountType}, uid ${shortUid(matt.uid)}`);
    const jonny = await roster.users.getByEmail('jonny@acme.io');
    const alexandra = await roster.users.getByEmail('alexandra@acme.io');

    step("roster.users.invite({ email: 'ada@acme.io', accountType: UserAccountType.DEVELOPER })");
    await roster.users.invite({ email: 'ada@acme.io', accountType: UserAccountType.DEVELOPER });
    print('  ✓ invited');

    step("roster.users.updateAccountType({ userUid: matt.uid, accountType: 'ANALYST' })  — a plain string works too");
    await roster.users.updateAccountType({ userUid: matt.uid, accountType: 'ANALYST' });
    print('  ✓ Matt McDonald is now ANALYST');

    step('roster.users.disable({ userUid: jonny.uid })');
    await roster.users.disable({ userUid: jonny.uid });
    print('  ✓ Jonathan Maxwell is disabled');

    step('roster.users.listActive({ timeoutMs: 5_000 })  — per-call options, while the server answers 503 once');
    server.faults.enqueue({ kind: 'status', status: 503 });
    logEvents.length = 0;
    const active = await roster.users.listActive({ timeoutMs: 5_000 });
    const retried = logEvents.filter((event) => event.type === 'retry');
    print(`  ✓ ${active.length} active users after ${retried.length} retry (${retried.map((e) => e.reason.code).join(', ')})`);

    step('roster.users.inviteMany(…, { concurrency: 2 })  — while the server rate-limits twice');
    server.faults.enqueue({ kind: 'latency', ms: 0 }, { kind: 'rateLimit', retryAfter: '0.2' }, { kind: 'rateLimit', retryAfter: '0.2' });
    logEvents.length = 0;
    const outcomes = await roster.users.inviteMany(
      [
        { email: 'grace@acme.io', accountType: 'DEVELOPER' },
        { email: 'linus@acme.io', accountType: 'ANALYST' },
        { email: 'Grace@Acme.io', accountType: 'ADMIN' },
        { email: 'max@acme.io', accountType: 'ADMIN' },
        { email: 'matt@acme.io', accountType: 'ADMIN' },
        { email: 'not-an-email', accountType: 'BUSINESS' },
        { email: 'barbara@acme.io', accountType: 'BUSINESS' },
      ],
      { concurrency: 2 },
    );
    print(
      table(
        outcomes.map((o) => ({
          '#': o.index,
          email: o.email,
          outcome: o.status,
          detail: o.status === 'failed' ? o.error.name : o.status === 'duplicate' ? `same as #${o.duplicateOf}` : '',
        })),
        ['#', 'email', 'outcome', 'detail'],
      ),
    );
    const waits = logEvents.filter((event) => event.type === 'retry');
    print(`  (${waits.length} rate-limited requests were retried after the server's Retry-After: ${waits.map((e) => `${e.delayMs} ms`).join(', ')})`);

    print('\nErrors are typed, and bad input never reaches the server:');
    await expectFailure("roster.users.invite({ email: 'ada@', accountType: 'OWNER' })", () =>
      roster.users.invite({ email: 'ada@', accountType: 'OWNER' as UserAccountType }),
    );
    await expectFailure("roster.users.getByEmail('nobody@acme.io')", () => roster.users.getByEmail('nobody@acme.io'));
    await expectFailure('roster.users.disable({ userUid: alexandra.uid })  — the last admin', () =>
      roster.users.disable({ userUid: alexandra.uid }),
    );
    const viewer = new Roster({ apiEndpoint: server.url, ...EXAMPLE_CREDENTIALS.viewer });
    await expectFailure('viewer.users.disable({ userUid: matt.uid })  — a read-only key', () =>
      viewer.users.disable({ userUid: matt.uid }),
    );

    step('roster.users.listActive()  — the workspace after');
    showActive(await roster.users.listActive());
    step('roster.users.listInvited()');
    showInvited(await roster.users.listInvited());

    print('\nBeyond the documented API (the Roster extension, detected once per client):');
    step('roster.users.features()');
    const features = await roster.users.features();
    print(`  extension: ${features.extension ? `yes, version ${features.extensionVersion}` : 'no'}`);
    step("roster.users.listPage({ status: ['INVITED'] }, { pageSize: 3 })  — the pending users, one page");
    const page = await roster.users.listPage({ status: ['INVITED'] }, { pageSize: 3 });
    print(table(page.users, ['email', 'accountType', 'inviteStatus', 'createdAt']));
    print(`  ${page.users.length} of ${page.totalCount}; next cursor: ${page.nextCursor ?? 'none'}`);
    step("for await (const user of roster.users.list({ prefix: 'a' }))  — every page, as you iterate");
    for await (const user of roster.users.list({ prefix: 'a' }, { pageSize: 2 })) print(`  ${user.email} (${user.status})`);
    step("roster.users.update({ userUid: matt.uid, name: 'Matthew McDonald' })");
    const renamed = await roster.users.update({ userUid: matt.uid, name: 'Matthew McDonald' });
    print(`  ✓ ${renamed.name}, updated ${renamed.updatedAt}`);
    step('roster.users.enable({ userUid: jonny.uid })  — access back after the disable above');
    print(`  ✓ ${(await roster.users.enable({ userUid: jonny.uid })).status}`);
    step("roster.groups.addUser({ groupId: 'data-team', userUid: alexandra.uid }), then roster.users.listGroups(…)");
    await roster.groups.addUser({ groupId: 'data-team', userUid: alexandra.uid });
    print(table(await roster.users.listGroups({ userUid: alexandra.uid }), ['id', 'name', 'memberCount']));
    step('roster.users.listWorkspaces({ userUid: alexandra.uid })  — the sub-accounts analogue');
    print(table((await roster.users.listWorkspaces({ userUid: alexandra.uid })).map((w) => ({ ...w, uid: shortUid(w.uid) })), ['name', 'uid']));
    step("roster.users.revokeInvite({ email: 'john@acme.io' })");
    await roster.users.revokeInvite({ email: 'john@acme.io' });
    print('  ✓ revoked');
    const wrong = new Roster({ apiEndpoint: new URL('/', server.url), ...EXAMPLE_CREDENTIALS.admin });
    await expectFailure('a Roster whose apiEndpoint lacks /graphql: disable({ userUid: matt.uid })  — not a "missing user"', () =>
      wrong.users.disable({ userUid: matt.uid }),
    );
    print(`
Done. This walk-through is apps/demo/src/demo.ts; the SDK is packages/users (the facade) and
packages/client (the transport). To point the same calls at a real API, set the environment
and let the SDK read it:

  ROSTER_API_ENDPOINT=https://api.example.com/graphql ROSTER_API_KEY=… ROSTER_API_SECRET=… node app.mjs

  // app.mjs (ESM: top-level await)
  import { Roster } from '@roster/users';
  const roster = Roster.fromEnv();
  console.log(await roster.users.listActive());

A workspace or company token goes in ROSTER_API_SECRET (with ROSTER_WORKSPACE_UID for a
company token); ROSTER_DEBUG=1 prints every request, secrets redacted.`);
  } finally {
    await server.close();
  }
}
