import { RosterClient } from './client.js';
import { envName } from './option-checks.js';
import type { Logger } from './events.js';
import type { ClientOptions } from './options.js';

/**
 * A logger that writes each event as one line to standard error (`console.error`), e.g.
 * `[roster] retry ListActiveUsers {"attempt":1,"delayMs":212,…}`. Events carry no secret:
 * the credentials in request headers are redacted, and so is every error.
 * @param write - where each line goes.
 * @defaultValue `console.error`
 * @example
 * ```ts
 * const roster = new Roster({ ...options, logger: consoleLogger() });
 * ```
 */
export function consoleLogger(write: (line: string) => void = (line) => console.error(line)): Logger {
  return ({ type, operationName, ...rest }) => write(`[roster] ${type} ${operationName} ${JSON.stringify(rest)}`);
}

// The options that can come from the environment (see envName).
const FROM_ENV = ['apiEndpoint', 'apiKey', 'apiSecret', 'workspaceUid'];

/**
 * Client options read from environment variables: `ROSTER_API_ENDPOINT`, `ROSTER_API_KEY`,
 * `ROSTER_API_SECRET` and `ROSTER_WORKSPACE_UID` (an empty variable counts as unset), and
 * `ROSTER_DEBUG=1` for a {@link consoleLogger}. Nothing is checked here: the client does that.
 * @param env - the variables.
 * @defaultValue `process.env` (nothing in a browser)
 */
export function clientOptionsFromEnv(env: Readonly<Record<string, string | undefined>> = globalThis.process?.env ?? {}): Partial<ClientOptions> {
  const options: Record<string, unknown> = { logger: env.ROSTER_DEBUG === '1' ? consoleLogger() : undefined };
  for (const option of FROM_ENV) options[option] = env[envName(option)] || undefined;
  return options;
}

/**
 * Creates a {@link RosterClient} configured from the environment (see
 * {@link clientOptionsFromEnv}); `overrides` win over the environment.
 * @throws {@link ValidationError} listing in `issues` every missing or invalid option at once
 * (a missing one names its variable; a secret's value never appears, only what kind of value was received).
 * @example
 * ```ts
 * // ROSTER_API_ENDPOINT=https://api.example.com/graphql ROSTER_API_KEY=… ROSTER_API_SECRET=… node app.mjs
 * const client = createClientFromEnv({ timeoutMs: 10_000 });
 * ```
 */
export function createClientFromEnv(overrides?: Partial<ClientOptions>, env?: Readonly<Record<string, string | undefined>>): RosterClient {
  const fromEnv = clientOptionsFromEnv(env);
  // An override left undefined keeps the environment's value.
  for (const [key, value] of Object.entries(overrides ?? {})) if (value !== undefined) Object.assign(fromEnv, { [key]: value });
  return new RosterClient(fromEnv as ClientOptions);
}
