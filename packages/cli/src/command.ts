import type { Command } from 'commander';
import type { Roster, RosterOptions } from '@roster/users';
import type { CredentialFlags, ResolvedCredentials } from './credentials.js';
import type { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import type { Output } from './output.js';

/** The options every command takes (`roster --help` lists them). */
export interface GlobalOptions extends CredentialFlags {
  /** `--json`: data (unless `--format` says otherwise) and errors as JSON. */
  readonly json: boolean;
  /** `--no-color` gives `false`. */
  readonly color: boolean;
}

/** What a command gets to do its work. */
export interface CommandContext {
  /** The streams and environment of this run. */
  readonly io: Io;
  /** Data to stdout, the rest to stderr, colours, secret redaction. */
  readonly out: Output;
  /** The global options, credentials flags included. */
  readonly globals: GlobalOptions;
  /** Aborts when the user presses Ctrl+C: long commands stop cleanly and report what they did. */
  readonly signal: AbortSignal;
  /** Resolves the credentials (flags, environment, profile) once; the secret is registered for redaction. */
  credentials(): Promise<ResolvedCredentials>;
  /** The SDK, created on first use from {@link CommandContext.credentials}; `extra` adds client options (e.g. `fetch`). */
  roster(extra?: Partial<RosterOptions>): Promise<Roster>;
  /**
   * Asks before a destructive action: `--yes` answers for the user; on a terminal a prompt asks;
   * otherwise it refuses.
   * @throws CliError when the user says no, or when there is no terminal and no `--yes`.
   */
  confirm(question: string, options: Record<string, unknown>): Promise<void>;
}

/** What a command's `run` receives from the command line. */
export interface CommandInput {
  /** The commander command being run (its `parent` chain leads to the `roster` program). */
  readonly command: Command;
  /** The positional arguments, in order (a variadic argument is an array). */
  readonly args: readonly unknown[];
  /** The command's own options, by camel-cased name (`--dry-run` is `dryRun`). */
  readonly options: Readonly<Record<string, unknown>>;
}

/**
 * One `roster` command. A file under `src/commands/` exports one, and one line in
 * `src/commands/index.ts` registers it.
 */
export interface CommandSpec {
  /** The words that call it, e.g. `['users', 'list']` for `roster users list`. */
  readonly path: readonly string[];
  /** One line for the list of commands. */
  readonly summary: string;
  /** More, for the command's own `--help`. */
  readonly description?: string;
  /** Left out of `roster --help` (e.g. what the completion scripts call). */
  readonly hidden?: boolean;
  /** Command lines shown under "Examples" in `--help`, without the leading `$ `. */
  readonly examples?: readonly string[];
  /**
   * `read` (the default) changes nothing; `mutation` gets `--dry-run`; `destructive` gets
   * `--dry-run` and `--yes`, and should call {@link CommandContext.confirm}.
   */
  readonly kind?: 'read' | 'mutation' | 'destructive';
  /** Declares arguments and options on the commander `Command`. */
  configure?(command: Command): void;
  /** Does the work; returns the exit code (`ExitCode.OK` when it returns nothing). Throw to fail. */
  run(context: CommandContext, input: CommandInput): Promise<ExitCode | void>;
}
