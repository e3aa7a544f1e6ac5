import { createClient, createClientFromEnv, RosterClient, type ClientOptions } from '@roster/client';
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
 * const roster = new Roster({ apiEndpoint: 'https://api.example.com/graphql', apiKey, apiSecret }); // or Roster.fromEnv()
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

  /**
   * @throws `ValidationError` listing in `issues` every missing or invalid option at once (messages never include a secret).
   * @param options - the options, or an already made client to share (its options are used as they are).
   */
  constructor(options: RosterOptions | RosterClient) {
    this.client = options instanceof RosterClient ? options : createClient(options);
    const context = { client: this.client, features: new FeatureDetector(this.client) };
    this.users = new Users(context);
    this.groups = new Groups(context);
  }

  /**
   * A Roster configured from the environment: `ROSTER_API_ENDPOINT`, `ROSTER_API_KEY`,
   * `ROSTER_API_SECRET`, `ROSTER_WORKSPACE_UID`, and `ROSTER_DEBUG=1` for a console logger
   * (see `createClientFromEnv`). `overrides` win over the environment.
   * @param env - the variables to read.
   * @defaultValue `process.env`
   * @throws `ValidationError` listing in `issues` every missing or invalid option at once, naming
   * the variable to set (never a secret's value).
   * @example
   * ```ts
   * // ROSTER_API_ENDPOINT=https://api.example.com/graphql ROSTER_API_KEY=… ROSTER_API_SECRET=… node app.mjs
   * const roster = Roster.fromEnv({ timeoutMs: 10_000 });
   * ```
   */
  static fromEnv(overrides?: Partial<RosterOptions>, env?: Readonly<Record<string, string | undefined>>): Roster {
    return new Roster(createClientFromEnv(overrides, env));
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
