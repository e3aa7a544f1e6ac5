import { createClient, type ClientOptions, type RosterClient } from '@roster/client';
import { FeatureDetector } from './features.js';
import { Groups } from './groups.js';
import { Users } from './users.js';

/** Options of {@link Roster}: the endpoint, the credentials, and the client's defaults. */
export type RosterOptions = ClientOptions;

/**
 * The entry point of the SDK.
 * @example
 * ```ts
 * import { Roster, UserAccountType } from '@roster/users';
 * const roster = new Roster({ apiEndpoint: process.env.API_ENDPOINT!, apiKey: process.env.API_KEY!, apiSecret: process.env.API_SECRET! });
 * const admins = (await roster.users.listActive()).filter((u) => u.accountType === UserAccountType.ADMIN);
 * ```
 */
export class Roster {
  /** The transport: use it to send your own typed documents with the same auth, retries and errors. */
  readonly client: RosterClient;
  /** List, find, invite, change roles and disable users; with the extension, much more. */
  readonly users: Users;
  /** The workspace's groups (needs the Roster extension). */
  readonly groups: Groups;

  /** @throws `ValidationError` when the options are incomplete or invalid (messages never include a secret). */
  constructor(options: RosterOptions) {
    this.client = createClient(options);
    const context = { client: this.client, features: new FeatureDetector(this.client) };
    this.users = new Users(context);
    this.groups = new Groups(context);
  }

  /** A description without credentials. */
  toJSON(): {
    /** The GraphQL endpoint the SDK calls (the `apiEndpoint` option). */
    endpoint: string;
    /** How the SDK authenticates, e.g. `keyPair`; never the credentials themselves. */
    authMode: string;
  } {
    return this.client.toJSON();
  }

  /** @internal What `util.inspect` shows: no credentials. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Roster { endpoint: '${this.client.endpoint}', authMode: '${this.client.authMode}' }`;
  }
}
