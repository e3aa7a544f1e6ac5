import { CommanderError } from 'commander';
import type { Roster, RosterOptions } from '@roster/users';
import type { CommandContext, GlobalOptions } from './command.js';
import { resolveCredentials, type ResolvedCredentials } from './credentials.js';
import { CliError, describeError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { processIo, type Io } from './io.js';
import { Output } from './output.js';
import { sdk as loadSdk } from './lib/sdk.js';
import { buildProgram, commanderExitCode } from './program.js';
import { VERSION } from './version.js';

/** Options of {@link run}. */
export interface RunOptions {
  /** Where to read and write. @defaultValue the process's streams and environment */
  readonly io?: Io | undefined;
  /** Aborts long commands (an import stops and reports what it did). */
  readonly signal?: AbortSignal | undefined;
  /** Called when a command takes hold of `signal`: until then an interruption may simply end the process. */
  readonly onSignalUsed?: (() => void) | undefined;
}

async function confirm(out: Output, io: Io, question: string, options: Readonly<Record<string, unknown>>): Promise<void> {
  if (options.yes === true) return;
  if (!out.interactive) {
    throw new CliError(`not on a terminal, so nobody can confirm: ${question}`, {
      code: 'CONFIRMATION_REQUIRED',
      exitCode: ExitCode.USAGE,
      hint: 'pass --yes to confirm, or --dry-run to see what would be sent',
    });
  }
  const prompts = await import('@clack/prompts');
  const answer = await prompts.confirm({ message: out.scrub(question), initialValue: false, input: io.stdin, output: io.stderr });
  if (prompts.isCancel(answer) || answer !== true) {
    throw new CliError('cancelled: nothing was changed', { code: 'CANCELLED', exitCode: ExitCode.FAILURE });
  }
}

function createContext(io: Io, out: Output, run: RunOptions & { signal: AbortSignal }, globals: GlobalOptions): CommandContext {
  let credentials: Promise<ResolvedCredentials> | undefined;
  const context: CommandContext = {
    io,
    out,
    globals,
    get signal() {
      run.onSignalUsed?.();
      return run.signal;
    },
    credentials() {
      credentials ??= resolveCredentials(globals, io).then((resolved) => {
        out.redact(resolved.options.apiSecret);
        return resolved;
      });
      return credentials;
    },
    async roster(extra?: Partial<RosterOptions>): Promise<Roster> {
      const [{ options, debug }, sdk] = await Promise.all([context.credentials(), loadSdk()]);
      // The SDK's logger, written through the output so that it goes to stderr, scrubbed.
      const logger = debug ? sdk.consoleLogger((line) => out.info(line)) : undefined;
      return new sdk.Roster({ ...options, ...(logger ? { logger } : {}), ...extra, userAgent: `roster-cli/${VERSION}` });
    },
    confirm: (question, options) => confirm(out, io, question, options),
  };
  return context;
}

/**
 * Runs the `roster` command line with `argv` (the arguments after `roster`) and resolves to
 * its exit code; it never throws and never calls `process.exit`.
 * @example
 * ```ts
 * import { run } from '@roster/cli';
 * process.exitCode = await run(process.argv.slice(2));
 * ```
 */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<ExitCode> {
  const io = options.io ?? processIo();
  // Known before parsing, so that a usage error is already reported as asked.
  const out = new Output(io, { json: argv.includes('--json'), color: argv.includes('--no-color') ? false : undefined });
  const settings = { ...options, signal: options.signal ?? new AbortController().signal };
  const state = { exitCode: ExitCode.OK as ExitCode };
  const program = buildProgram(out, (globals) => createContext(io, out, settings, globals), state);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExitCode(error);
    const report = await describeError(error);
    out.error(report);
    return report.exitCode;
  }
}
