import type { LiveUser } from './model.js';

/** The users of one address (compared ignoring case): a listing may hold one of each status. */
export interface LiveSlot {
  readonly key: string;
  active?: LiveUser;
  invited?: LiveUser;
  disabled?: LiveUser;
}

/** A live workspace's users by address: `slots[byEmail.get(address.toLowerCase())]`. */
export interface LiveIndex {
  readonly byEmail: ReadonlyMap<string, number>;
  readonly slots: readonly Readonly<LiveSlot>[];
  /** How many users it indexes. */
  readonly users: number;
}

/** Builds a {@link LiveIndex} a user at a time, in listing order. */
export class LiveIndexer {
  readonly #byEmail = new Map<string, number>();
  readonly #slots: LiveSlot[] = [];
  #users = 0;

  add(user: LiveUser): void {
    const key = user.email.toLowerCase();
    let at = this.#byEmail.get(key);
    if (at === undefined) {
      at = this.#slots.push({ key }) - 1;
      this.#byEmail.set(key, at);
    }
    const slot = this.#slots[at]!;
    // Listings run oldest first: a later disabled record of the same address is the newer one.
    if (user.status === 'ACTIVE') slot.active = user;
    else if (user.status === 'INVITED') slot.invited = user;
    else if (user.status === 'DISABLED') slot.disabled = user;
    this.#users += 1;
  }

  finish(): LiveIndex {
    return { byEmail: this.#byEmail, slots: this.#slots, users: this.#users };
  }
}

// Indexes built while a listing waited on the server (see readLiveState), by the users array
// they describe. A LiveState is not changed after it is read; the count catches an array
// grown since. The planner never changes an index, so one serves any number of plans.
const RECORDED = new WeakMap<readonly LiveUser[], LiveIndex>();

/** Attaches an index built during the listing to the finished users array. */
export function recordLiveIndex(users: readonly LiveUser[], index: LiveIndex): void {
  if (index.users === users.length) RECORDED.set(users, index);
}

/** The index of `users`: the one recorded while they were listed, or one built now. */
export function liveIndexOf(users: readonly LiveUser[]): LiveIndex {
  const recorded = RECORDED.get(users);
  if (recorded?.users === users.length) return recorded;
  const indexer = new LiveIndexer();
  for (const user of users) indexer.add(user);
  return indexer.finish();
}
