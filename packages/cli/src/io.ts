import type { Readable, Writable } from 'node:stream';

/** A stream the CLI writes to; `isTTY` tells a terminal from a pipe or a file. */
export type OutputStream = Writable & { readonly isTTY?: boolean | undefined; readonly columns?: number | undefined };

/** A stream the CLI reads from (stdin): a secret piped in, or the answer to a prompt. */
export type InputStream = Readable & { readonly isTTY?: boolean | undefined };

/**
 * Where a run of the CLI reads and writes: the process's streams and environment by default,
 * others in tests or when the CLI is embedded.
 */
export interface Io {
  /** Data: tables, JSON, CSV. */
  readonly stdout: OutputStream;
  /** Everything else: progress, prompts, warnings, errors. */
  readonly stderr: OutputStream;
  /** A secret piped in (`--api-secret-file -`), the answer to a confirmation. */
  readonly stdin: InputStream;
  /** The environment: credentials (`ROSTER_*`), `NO_COLOR`, `HOME`. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams and environment. */
export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Node creates process.stdin on first access, which costs milliseconds at start-up:
    // only the commands that read it (a piped secret, a prompt) pay for it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
  };
}
