/**
 * The exit codes of every `roster` command. They are part of the command line's contract:
 * scripts and CI jobs branch on them, so a value never changes meaning.
 *
 * `2` is left to the commands that report changes the way Terraform's `-detailed-exitcode`
 * does (0 nothing to do, 2 changes, 1 error), so usage errors take `64` (`EX_USAGE` of
 * BSD's sysexits.h) instead of the `2` many parsers use.
 */
export const ExitCode = {
  /** Everything asked for was done. */
  OK: 0,
  /** The command failed: nothing, or nothing more, was done (server refusal, network, credentials…). */
  FAILURE: 1,
  /** Reserved for commands that report pending changes (a plan or a drift check with something to do). */
  CHANGES: 2,
  /** Partial failure: some items of a bulk command (rows of an import) failed, the others were done. */
  PARTIAL: 3,
  /** Usage error: an unknown command or option, a missing argument, a bad value, missing credentials. */
  USAGE: 64,
  /** Interrupted by Ctrl+C (SIGINT), by convention 128 + 2. What was done is reported. */
  INTERRUPTED: 130,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
