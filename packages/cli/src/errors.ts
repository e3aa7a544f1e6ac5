import { ExitCode } from './exit-codes.js';
import { sdk } from './lib/sdk.js';

/**
 * An error of the command line itself (not of the API): it carries the exit code and a hint
 * saying what to do. Its message never contains a secret.
 */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  /** A stable machine-readable code, e.g. `USAGE` or `REFUSED`. */
  readonly code: string;
  /** The process exit code this error ends the command with. */
  readonly exitCode: ExitCode;
  /** What the user can do about it, if there is something to say. */
  readonly hint: string | undefined;

  constructor(message: string, options: { code?: string; exitCode?: ExitCode; hint?: string | undefined } = {}) {
    super(message);
    this.code = options.code ?? 'FAILED';
    this.exitCode = options.exitCode ?? ExitCode.FAILURE;
    this.hint = options.hint;
  }
}

/** A bad command line: unknown option, missing argument, bad value, missing credentials. Exit code 64. */
export class UsageError extends CliError {
  override readonly name = 'UsageError';

  constructor(message: string, hint?: string) {
    super(message, { code: 'USAGE', exitCode: ExitCode.USAGE, hint });
  }
}

/** What the CLI shows of an error, on stderr, as text or (with `--json`) as JSON. */
export interface ErrorReport {
  /** The error class, e.g. `AuthenticationError`. */
  readonly name: string;
  /** Its code, e.g. `UNAUTHENTICATED`. */
  readonly code: string;
  /** What happened. */
  readonly message: string;
  /** What to do about it. */
  readonly hint: string | undefined;
  /** The HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** The exit code the command ends with. */
  readonly exitCode: ExitCode;
}

// What to do, by RosterError code: the message says what happened, the hint how to fix it.
const HINTS: Readonly<Record<string, string>> = {
  UNAUTHENTICATED:
    'the key or secret is wrong: check ROSTER_API_KEY and ROSTER_API_SECRET (or --api-key, --api-secret-file, the profile file)',
  FORBIDDEN: 'this credential may only read (a "User Metadata Viewer" key): use a "User Management Admin" key',
  NOT_SUPPORTED: 'the server speaks only the documented core API (as Paradime does); this needs a server with the Roster extension',
  NETWORK_ERROR: 'no answer from the server: is it running, and is ROSTER_API_ENDPOINT (or --api-endpoint) right?',
  TIMEOUT: 'the server did not answer in time: try again later',
  RATE_LIMITED: 'the server is rate limiting: wait a little and run the command again',
  NOT_FOUND: 'check the email or uid with `roster users list`',
  CONFLICT: 'the state of the workspace does not allow it: check it with `roster users get`',
  FAILED_PRECONDITION: 'the workspace must keep at least one enabled admin: promote someone else first',
  SERVER_ERROR: 'the server failed: try again later',
};

/**
 * Turns anything thrown into what the CLI reports, with a hint and an exit code. The SDK is
 * loaded only for an error that is not the CLI's own, so `--help` never evaluates it; its
 * `isRosterError` recognises errors of any bundled copy of the SDK (a `Symbol.for` brand).
 */
export async function describeError(error: unknown): Promise<ErrorReport> {
  if (error instanceof CliError) {
    return { name: error.name, code: error.code, message: error.message, hint: error.hint, status: undefined, exitCode: error.exitCode };
  }
  const { isRosterError } = await sdk();
  if (isRosterError(error)) {
    // Bad input caught before any request is a usage error; the server's refusal is a failure.
    const exitCode = error.code === 'VALIDATION' ? ExitCode.USAGE : ExitCode.FAILURE;
    return { name: error.name, code: error.code, message: error.message, hint: HINTS[error.code], status: error.status, exitCode };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { name: error instanceof Error ? error.name : 'Error', code: 'INTERNAL', message, hint: undefined, status: undefined, exitCode: ExitCode.FAILURE };
}
