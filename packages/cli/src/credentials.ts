// Where the SDK's options come from: flags win over the environment, which wins over a
// profile file. The variables are the ones `Roster.fromEnv` reads, but not through it:
// fromEnv knows no profile file to fall back on, and cannot say which source a value came
// from (for `roster status`) or name the flag to use in its errors. ROSTER_DEBUG=1 is read
// as fromEnv reads it, and gives the SDK's consoleLogger (see run.ts).
// node:fs, not node:fs/promises: the latter loads readline at start-up, which every command
// would pay for; these reads are one small file each.
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RosterOptions } from '@roster/users';
import { UsageError } from './errors.js';
import type { InputStream, Io } from './io.js';

/** The credential flags every command takes (see `roster --help`). */
export interface CredentialFlags {
  /** `--api-endpoint <url>` */
  readonly apiEndpoint?: string | undefined;
  /** `--api-key <key>` */
  readonly apiKey?: string | undefined;
  /** `--api-secret <secret>`: visible to other users in the process list, hence the two below. */
  readonly apiSecret?: string | undefined;
  /** `--api-secret-file <path>`: the secret is the file's first line; `-` reads it from stdin. */
  readonly apiSecretFile?: string | undefined;
  /** `--workspace-uid <uid>`: the workspace a company token acts on. */
  readonly workspaceUid?: string | undefined;
  /** `--profile <name>`: the profile of the profile file to use. */
  readonly profile?: string | undefined;
}

/** Where a value came from, for `roster status` (never the value of a secret). */
export type CredentialSource = 'flag' | 'secret file' | 'stdin' | 'environment' | 'profile' | 'none';

/** The options for `new Roster(options)`, and where each came from. */
export interface ResolvedCredentials {
  /** What `new Roster(options)` takes (the secret included: never print it). */
  readonly options: RosterOptions;
  /** Where the endpoint, the key and the secret came from. */
  readonly sources: { readonly endpoint: CredentialSource; readonly key: CredentialSource; readonly secret: CredentialSource };
  /** The profile file that was read, if one was. */
  readonly profileFile: string | undefined;
  /** The profile used from it. */
  readonly profile: string | undefined;
  /** `ROSTER_DEBUG=1`: log every request, response, retry and error (redacted, on stderr). */
  readonly debug: boolean;
}

/** The environment variables, as `Roster.fromEnv` names them. */
export const ENV = {
  endpoint: 'ROSTER_API_ENDPOINT',
  key: 'ROSTER_API_KEY',
  secret: 'ROSTER_API_SECRET',
  workspace: 'ROSTER_WORKSPACE_UID',
  profile: 'ROSTER_PROFILE',
  config: 'ROSTER_CONFIG',
  debug: 'ROSTER_DEBUG',
} as const;

interface Profile {
  apiEndpoint?: string;
  apiKey?: string;
  apiSecret?: string;
  workspaceUid?: string;
}

/** The profile file: `$ROSTER_CONFIG`, else `$XDG_CONFIG_HOME/roster/credentials.json`, else `~/.config/roster/credentials.json`. */
export function profileFilePath(env: Io['env']): string {
  const configured = env[ENV.config];
  if (configured) return path.resolve(configured);
  const base = env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config');
  return path.join(base, 'roster', 'credentials.json');
}

// The offset JSON.parse stopped at: from its message when it gives one, else (Node 20 says
// only "Unexpected token 'x', …" then) the shortest prefix that is no longer the start of some
// valid JSON, found by bisection. Hand-written: a few lines against a parser dependency.
function failingOffset(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : '';
  const given = /\bat position (\d+)/.exec(message);
  if (given) return Number(given[1]);
  if (/end of JSON input/i.test(message)) return text.length;
  const stillPrefix = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (failure) {
      const why = failure instanceof Error ? failure.message : '';
      const at = /\bat position (\d+)/.exec(why);
      return /end of JSON input/i.test(why) || (at !== null && Number(at[1]) >= length);
    }
  };
  let low = 0;
  let high = text.length;
  if (stillPrefix(high)) return undefined;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (stillPrefix(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/**
 * Where a JSON text fails, as ` (line L, column C)`, or `''` when that cannot be told.
 * Never the parser's message: since Node 20 it quotes the text around the error, which in a
 * profile file can be a secret.
 */
export function whereJsonFails(text: string, error: unknown): string {
  const position = failingOffset(text, error);
  if (position === undefined) return '';
  const before = text.slice(0, position).split('\n');
  return ` (line ${before.length}, column ${before.at(-1)!.length + 1})`;
}

function readProfile(file: string, name: string, explicit: boolean): Profile | undefined {
  let info;
  try {
    info = statSync(file);
  } catch {
    if (explicit) throw new UsageError(`profile "${name}" asked for, but there is no profile file at ${file}`, 'create it (chmod 600), or set ROSTER_CONFIG');
    return undefined;
  }
  // As ssh does with its keys: a file others can read or write is not trusted with secrets.
  if (process.platform !== 'win32') {
    const others = info.mode & 0o077;
    const uid = process.getuid?.();
    if (others !== 0 || (uid !== undefined && info.uid !== uid)) {
      throw new UsageError(
        `the profile file ${file} is accessible to other users (mode ${(info.mode & 0o777).toString(8)})`,
        `it holds secrets: make it yours alone with \`chmod 600 ${file}\``,
      );
    }
  }
  const text = readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the profile file ${file} is not valid JSON${whereJsonFails(text, error)}`);
  }
  const profile = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)[name] : undefined;
  if (profile === undefined) {
    if (explicit) throw new UsageError(`the profile file ${file} has no profile "${name}"`);
    return undefined;
  }
  if (typeof profile !== 'object' || profile === null) throw new UsageError(`profile "${name}" of ${file} must be an object`);
  const result: Profile = {};
  for (const key of ['apiEndpoint', 'apiKey', 'apiSecret', 'workspaceUid'] as const) {
    const value = (profile as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new UsageError(`profile "${name}" of ${file}: ${key} must be a string`);
    result[key] = value;
  }
  return result;
}

async function readAll(stream: InputStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function secretFromFile(file: string, stdin: InputStream): Promise<string> {
  let text: string;
  if (file === '-') {
    if (stdin.isTTY) throw new UsageError('--api-secret-file - reads the secret from stdin, but stdin is a terminal', 'pipe it in: `pass show roster | roster … --api-secret-file -`');
    text = await readAll(stdin);
  } else {
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read --api-secret-file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
    }
  }
  const secret = text.split(/\r?\n/)[0]?.trim() ?? '';
  if (secret === '') throw new UsageError(`--api-secret-file ${file === '-' ? '(stdin)' : file} is empty`);
  return secret;
}

/**
 * Resolves the SDK's options: each value from its flag, else its `ROSTER_*` variable, else
 * the profile. The secret: `--api-secret-file` (or stdin), `--api-secret`, `ROSTER_API_SECRET`,
 * the profile.
 * @throws {@link UsageError} when no endpoint or secret is found, or the profile file is unsafe.
 */
export async function resolveCredentials(flags: CredentialFlags, io: Io): Promise<ResolvedCredentials> {
  const { env } = io;
  const profileName = flags.profile ?? env[ENV.profile] ?? 'default';
  const explicit = flags.profile !== undefined || env[ENV.profile] !== undefined;
  const file = profileFilePath(env);
  const profile = readProfile(file, profileName, explicit);

  const pick = <T extends string>(flag: T | undefined, variable: string | undefined, fromProfile: string | undefined) =>
    flag !== undefined ? { value: flag as string, source: 'flag' as const }
    : variable ? { value: variable, source: 'environment' as const }
    : fromProfile !== undefined ? { value: fromProfile, source: 'profile' as const }
    : { value: undefined, source: 'none' as const };

  const endpoint = pick(flags.apiEndpoint, env[ENV.endpoint], profile?.apiEndpoint);
  const key = pick(flags.apiKey, env[ENV.key], profile?.apiKey);
  const workspace = pick(flags.workspaceUid, env[ENV.workspace], profile?.workspaceUid);
  let secret: { value: string | undefined; source: CredentialSource };
  if (flags.apiSecretFile !== undefined) {
    secret = { value: await secretFromFile(flags.apiSecretFile, io.stdin), source: flags.apiSecretFile === '-' ? 'stdin' : 'secret file' };
  } else secret = pick(flags.apiSecret, env[ENV.secret], profile?.apiSecret);

  if (!endpoint.value) throw new UsageError('no API endpoint given', 'pass --api-endpoint, set ROSTER_API_ENDPOINT, or add it to a profile (see `roster --help`)');
  if (!secret.value) {
    throw new UsageError('no API secret given', 'set ROSTER_API_SECRET, pass --api-secret-file <file> (or - for stdin), or add it to a profile');
  }
  const options: RosterOptions = {
    apiEndpoint: endpoint.value,
    apiSecret: secret.value,
    ...(key.value !== undefined ? { apiKey: key.value } : {}),
    ...(workspace.value !== undefined ? { workspaceUid: workspace.value } : {}),
  };
  return {
    options,
    sources: { endpoint: endpoint.source, key: key.source, secret: secret.source },
    profileFile: profile ? file : undefined,
    profile: profile ? profileName : undefined,
    debug: env[ENV.debug] === '1',
  };
}
