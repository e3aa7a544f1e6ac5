import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../src/index.js';
import { rejectionOf, rosterFor, useWorkspace } from './helpers.js';

const ctx = useWorkspace();

describe('one way of saying things', () => {
  it('input errors name the method; an issue’s message never repeats its path', async () => {
    const roster = rosterFor(ctx.server);
    const page = await rejectionOf(roster.users.listPage({ prefix: 'a' }, { pageSize: 0 }));
    expect(page).toBeInstanceOf(ValidationError);
    expect(page.message).toBe('Invalid input to listPage: pageSize must be an integer from 1 to 500, got 0');
    const list = await rejectionOf(roster.users.list({ status: ['GONE' as 'ACTIVE'] }).next());
    expect(list.message).toBe("Invalid input to list: filter.status[0] must be one of ACTIVE, DISABLED, INVITED; got 'GONE'");
    const invite = await rejectionOf(roster.users.invite({ email: 'nope', accountType: 'KING' as 'ADMIN' }));
    for (const error of [page, list, invite]) {
      for (const issue of (error as ValidationError).issues) expect(issue.message.startsWith(issue.path)).toBe(false);
    }
    expect(ctx.server.requests).toHaveLength(0);
  });

  it('list and listPage take the page size by the same name (the former `first` still works)', async () => {
    const roster = rosterFor(ctx.server);
    expect((await roster.users.listPage({}, { pageSize: 2 })).users).toHaveLength(2);
    expect((await roster.users.listPage({}, { first: 3 })).users).toHaveLength(3);
  });

  it('errors about an answer name the GraphQL operation and count the requests sent', async () => {
    const roster = rosterFor(ctx.server);
    ctx.server.faults.enqueue({ kind: 'status', status: 503 });
    await roster.users.features();
    const byEmail = await rejectionOf(roster.users.getByEmail('nobody@acme.io'));
    expect(byEmail).toBeInstanceOf(NotFoundError);
    expect(byEmail).toMatchObject({ operationName: 'GetUserByEmail', attempts: 1 });
    expect(byEmail.message).toBe("Not found in GetUserByEmail: no active user has the email 'nobody@acme.io'");
    ctx.server.faults.enqueue({ kind: 'status', status: 503 });
    const byUid = await rejectionOf(roster.users.get('f'.repeat(64)));
    expect(byUid).toMatchObject({ operationName: 'GetUser', attempts: 2, message: `Not found in GetUser: no user has uid ${'f'.repeat(64)}` });
  });
});
