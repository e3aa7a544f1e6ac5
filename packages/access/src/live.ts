import { ListUsersWithGroupsDocument, type ListUsersWithGroupsQuery } from '@roster/client';
import type { CallOptions, Roster, User } from '@roster/users';
import { DigestRecorder } from './fingerprint.js';
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
 * every active, disabled and invited user (through `roster.users.list`, or, when `groups`
 * is asked for, one listing that also carries each user's group ids, and the workspace's
 * groups); a core-only server lists active and invited users only.
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
  // Each user's share of the fingerprint is computed while the next page is on its way.
  const digests = new DigestRecorder();
  const keep = (user: LiveUser) => {
    users.push(user);
    digests.add(user);
  };
  if (!extension || !withGroups) {
    for await (const user of roster.users.list({}, { ...call, pageSize })) keep(fromUser(user, null));
    digests.finish(users);
    return { extension, users, groups: null };
  }
  const groups = (await roster.groups.list(call)).map((group) => group.id).sort();
  let after: string | null = null;
  do {
    const page: ListUsersWithGroupsQuery['users'] = await listPage(roster, pageSize, after, call);
    for (const node of page.nodes) keep(fromUser(node, node.groups.map((group) => group.id).sort()));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  digests.finish(users);
  return { extension, users, groups };
}

async function listPage(roster: Roster, first: number, after: string | null, call: CallOptions): Promise<ListUsersWithGroupsQuery['users']> {
  return (await roster.client.execute(ListUsersWithGroupsDocument, { first, after }, call)).users;
}
