import { ListUsersWithGroupsDocument, type ListUsersWithGroupsQuery } from '@roster/client';
import type { CallOptions, Roster, User } from '@roster/users';
import { yieldToEventLoop } from './event-loop.js';
import { DigestRecorder } from './fingerprint.js';
import { LiveIndexer, recordLiveIndex } from './live-index.js';
import type { LiveState, LiveUser } from './model.js';

/** Options of {@link readLiveState}. */
export interface ReadLiveOptions extends CallOptions {
  /**
   * Read every user's groups too (one listing that carries them; only with the extension).
   * @defaultValue false
   */
  readonly groups?: boolean | undefined;
  /**
   * Users per request, 1 to 500.
   * @defaultValue 500
   */
  readonly pageSize?: number | undefined;
}

const fromUser = (user: User, groups: readonly string[] | null): LiveUser => ({
  uid: user.uid,
  email: user.email,
  name: user.name,
  role: user.accountType,
  status: user.status,
  inviteStatus: user.inviteStatus,
  groups,
  createdAt: user.createdAt,
  updatedAt: user.updatedAt,
});

/**
 * Reads the whole live workspace, every page of it. With the Roster extension that is
 * every active, disabled and invited user (through `roster.users.listPage`, or, when
 * `groups` is asked for, one paged listing that also carries each user's group ids, and
 * the workspace's groups), pages read one ahead; a core-only server lists active and
 * invited users only, in one response.
 * @throws `RosterError` subclasses of the listing calls.
 * @example
 * ```ts
 * const live = await readLiveState(roster, { groups: usesGroups(file) });
 * ```
 */
export async function readLiveState(roster: Roster, options: ReadLiveOptions = {}): Promise<LiveState> {
  const { groups: withGroups = false, pageSize = 500, ...call } = options;
  const { extension } = await roster.users.features(call);
  const users: LiveUser[] = [];
  // Each user's share of the fingerprint, and the planner's index by address, are computed
  // while the next page is on its way (see readPages): a plan then costs little after the
  // last page.
  const digests = new DigestRecorder();
  const index = new LiveIndexer();
  const keep = (user: LiveUser) => {
    users.push(user);
    digests.add(user);
    index.add(user);
  };
  let groups: string[] | null = null;
  if (!extension) {
    // The documented core lists everyone in one response.
    for await (const user of roster.users.list({}, { ...call, pageSize })) keep(fromUser(user, null));
  } else if (!withGroups) {
    await readPages(
      async (after) => {
        const page = await roster.users.listPage({}, { ...call, pageSize, after });
        return { items: page.users, next: page.nextCursor };
      },
      (user) => keep(fromUser(user, null)),
    );
  } else {
    groups = (await roster.groups.list(call)).map((group) => group.id).sort();
    await readPages(
      async (after) => {
        const page: ListUsersWithGroupsQuery['users'] = (await roster.client.execute(ListUsersWithGroupsDocument, { first: pageSize, after }, call)).users;
        return { items: page.nodes, next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null };
      },
      (node) => keep(fromUser(node, node.groups.map((group) => group.id).sort())),
    );
  }
  digests.finish(users);
  recordLiveIndex(users, index.finish());
  return { extension, users, groups };
}

/**
 * Reads every page, one ahead: the next page is asked for as soon as a page arrives, and
 * `each` handles that page's items while the server prepares the next one. Still one request
 * at a time; the caller's work per page costs no waiting.
 */
async function readPages<T>(fetchPage: (after: string | null) => Promise<{ items: readonly T[]; next: string | null }>, each: (item: T) => void): Promise<void> {
  let pending = fetchPage(null);
  for (;;) {
    const { items, next } = await pending;
    if (next !== null) {
      pending = fetchPage(next);
      // Awaited on the next turn; should `each` throw first, its failure is not left unhandled.
      pending.catch(() => undefined);
      // The request leaves after a few promise steps: let it go before the work on this page.
      await yieldToEventLoop();
    }
    for (const item of items) each(item);
    if (next === null) return;
  }
}
