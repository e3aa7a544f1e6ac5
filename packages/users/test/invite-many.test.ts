import { describe, expect, it } from 'vitest';
import { AbortError, ConflictError, RosterError, ValidationError, type InviteInput, type InviteProgress } from '../src/index.js';
import { operationsOf, rejectionOf, rosterFor, useWorkspace } from './helpers.js';

const ctx = useWorkspace();

const fresh = (n: number, prefix = 'bulk'): InviteInput[] =>
  Array.from({ length: n }, (_, i) => ({ email: `${prefix}-${i}@acme.io`, accountType: 'DEVELOPER' }) as const);

/** How many successful InviteUser requests the server answered for each address. */
function successfulInvites(server: typeof ctx.server): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of server.requests) {
    const body = request.body as { operationName?: string; variables?: { email?: string } } | undefined;
    if (body?.operationName !== 'InviteUser' || request.status !== 200) continue;
    const email = String(body.variables?.email).toLowerCase();
    counts.set(email, (counts.get(email) ?? 0) + 1);
  }
  return counts;
}

describe('inviteMany', () => {
  it('reports one outcome per entry, in input order, and keeps going past failures', async () => {
    const roster = rosterFor(ctx.server);
    const progress: InviteProgress[] = [];
    const outcomes = await roster.users.inviteMany(
      [
        { email: 'new-1@acme.io', accountType: 'DEVELOPER' },
        { email: 'max@acme.io', accountType: 'ADMIN' }, // pending invitation
        { email: 'NEW-1@acme.io', accountType: 'ADMIN' }, // same address as entry 0
        { email: 'broken', accountType: 'ADMIN' }, // invalid
        { email: 'matt@acme.io', accountType: 'ADMIN' }, // an active member
        { email: 'new-2@acme.io', accountType: 'OWNER' as never }, // invalid role
        { email: 'new-3@acme.io', accountType: 'ANALYST' },
      ],
      { concurrency: 3, onProgress: (p) => progress.push(p) },
    );
    expect(outcomes.map((o) => [o.index, o.status])).toEqual([
      [0, 'invited'],
      [1, 'already-invited'],
      [2, 'duplicate'],
      [3, 'failed'],
      [4, 'failed'],
      [5, 'failed'],
      [6, 'invited'],
    ]);
    expect(outcomes[2]).toMatchObject({ duplicateOf: 0 });
    expect(outcomes[3]).toMatchObject({ error: expect.any(ValidationError) });
    expect(outcomes[4]).toMatchObject({ error: expect.any(ConflictError) });
    expect(outcomes[5]).toMatchObject({ error: expect.any(ValidationError) });
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(progress.map((p) => p.outcome.index)).size).toBe(7);
    // Invalid entries never reached the server; the pending one was not re-sent.
    expect(operationsOf(ctx.server).filter((name) => name === 'InviteUser')).toHaveLength(3);
    expect(ctx.server.store.getInvited('new-1@acme.io')).toMatchObject({ accountType: 'DEVELOPER' });
  });

  it('re-sends pending invitations when asked to', async () => {
    const outcomes = await rosterFor(ctx.server).users.inviteMany([{ email: 'max@acme.io', accountType: 'ADMIN' }], { resend: true });
    expect(outcomes[0]?.status).toBe('invited');
    expect(ctx.server.store.getInvited('max@acme.io')).toMatchObject({ inviteStatus: 'SENT' });
  });

  it('rides out rate limits and server errors: no address lost, none invited twice', async () => {
    const entries = fresh(30);
    const faults = Array.from({ length: 12 }, (_, i) =>
      i % 3 === 2 ? ({ kind: 'status', status: 503 } as const) : ({ kind: 'rateLimit', retryAfter: '0.02' } as const),
    );
    // The first request is the listing of pending invitations; let it through.
    ctx.server.faults.enqueue({ kind: 'latency', ms: 0 }, ...faults);
    const outcomes = await rosterFor(ctx.server).users.inviteMany(entries, { concurrency: 4 });
    expect(outcomes.every((o) => o.status === 'invited')).toBe(true);
    const counts = successfulInvites(ctx.server);
    expect(counts.size).toBe(30);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const invited = ctx.server.store.listInvited().map((u) => u.email);
    for (const { email } of entries) expect(invited.filter((e) => e === email)).toHaveLength(1);
    expect(ctx.server.requests.filter((r) => r.status === 429).length).toBe(8);
  });

  it('reports an entry whose retries ran out as failed, and still does the rest', async () => {
    ctx.server.faults.enqueue({ kind: 'latency', ms: 0 }, ...Array.from({ length: 2 }, () => ({ kind: 'rateLimit', retryAfter: '0' }) as const));
    const outcomes = await rosterFor(ctx.server).users.inviteMany(fresh(3), { concurrency: 1, retry: { maxAttempts: 2 } });
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'invited', 'invited']);
    expect(outcomes[0]).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });

  it('can be aborted without losing track of what was done', async () => {
    const entries = fresh(20, 'abort');
    ctx.server.faults.enqueue(...Array.from({ length: 25 }, () => ({ kind: 'latency', ms: 40 }) as const));
    const controller = new AbortController();
    const outcomes = await rosterFor(ctx.server).users.inviteMany(entries, {
      concurrency: 2,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 5) controller.abort();
      },
    });
    expect(outcomes).toHaveLength(20);
    const by = (status: string) => outcomes.filter((o) => o.status === status);
    expect(by('invited').length).toBeGreaterThanOrEqual(5);
    expect(by('skipped').length).toBeGreaterThan(0);
    expect(by('invited').length + by('failed').length + by('skipped').length).toBe(20);
    for (const outcome of by('failed')) expect(outcome).toMatchObject({ error: expect.any(AbortError) });
    // Wait for requests aborted mid-flight to finish on the server, then compare with its state.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stored = new Set(ctx.server.store.listInvited().map((u) => u.email));
    for (const outcome of by('invited')) expect(stored.has(outcome.email)).toBe(true);
    for (const outcome of by('skipped')) expect(stored.has(outcome.email)).toBe(false);
  });

  it('rejects bad options before doing anything', async () => {
    const roster = rosterFor(ctx.server);
    expect(await rejectionOf(roster.users.inviteMany(fresh(2), { concurrency: 0 }))).toBeInstanceOf(ValidationError);
    expect(await rejectionOf(roster.users.inviteMany('nope' as never))).toBeInstanceOf(ValidationError);
    expect(ctx.server.requests).toHaveLength(0);
  });

  it('throws, having sent nothing, when the initial listing fails', async () => {
    ctx.server.faults.enqueue({ kind: 'status', status: 500 });
    const error = await rejectionOf(rosterFor(ctx.server).users.inviteMany(fresh(2)));
    expect(error).toBeInstanceOf(RosterError);
    expect(operationsOf(ctx.server)).toEqual(['ListInvitedUsers']);
  });

  it('returns an empty list for no entries', async () => {
    expect(await rosterFor(ctx.server).users.inviteMany([])).toEqual([]);
    expect(ctx.server.requests).toHaveLength(0);
  });

  it('labels a failure that is not a Roster error for what it is, and goes on', async () => {
    const bug = new TypeError('accountType getter exploded');
    const entry = {
      email: 'odd@acme.io',
      get accountType(): never {
        throw bug;
      },
    };
    const outcomes = await rosterFor(ctx.server).users.inviteMany([entry, { email: 'fine@acme.io', accountType: 'ADMIN' }]);
    const failed = outcomes[0];
    expect(failed?.status).toBe('failed');
    const error = failed?.status === 'failed' ? failed.error : undefined;
    expect(error).toBeInstanceOf(RosterError);
    expect(error).not.toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ code: 'UNKNOWN', operationName: 'InviteUser', message: 'Unexpected failure in inviteMany: TypeError: accountType getter exploded' });
    expect(error?.cause).toBe(bug);
    expect(outcomes[1]?.status).toBe('invited');
  });
});
