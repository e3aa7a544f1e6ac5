import { readlinkSync, writeSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import type * as Tty from 'node:tty';

/** A stream the CLI writes to; `isTTY` tells a terminal from a pipe or a file. */
export type OutputStream = Writable & {
  /** True when the stream is a terminal. */
  readonly isTTY?: boolean | undefined;
  /** The terminal's width in columns, when it is one. */
  readonly columns?: number | undefined;
};

/** A stream the CLI reads from (stdin): a secret piped in, or the answer to a prompt. */
export type InputStream = Readable & {
  /** True when the stream is a terminal (a person typing), false for a pipe or a file. */
  readonly isTTY?: boolean | undefined;
};

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
  /** Which of the three are terminals, when known without creating the streams. */
  readonly terminals?:
    | {
        /** stdin is a terminal. */
        readonly stdin: boolean;
        /** stdout is a terminal. */
        readonly stdout: boolean;
        /** stderr is a terminal. */
        readonly stderr: boolean;
      }
    | undefined;
  /**
   * Writes data to stdout at once, without the stream, when it can: returns false when the
   * caller must use `stdout` instead.
   */
  readonly writeStdoutNow?: ((text: string) => boolean) | undefined;
}

// node:tty (for isatty) loads node:net, as costly as creating the stream. On Linux the
// descriptor's link tells pipes, sockets and files apart first, for free. (Not fstat: on
// Node 20, fstat of a standard descriptor upsets the module loader's realpath of packages
// required afterwards.)
function mayBeTerminal(fd: number): boolean {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`).startsWith('/dev/');
  } catch {
    return true;
  }
}

const ttyChecks = new Map<number, boolean>();
function isTerminalFd(fd: number): boolean {
  let answer = ttyChecks.get(fd);
  if (answer === undefined) {
    try {
      if (!mayBeTerminal(fd)) answer = false;
      // The bin is CommonJS; as an ES module (the library entry) the stream itself tells.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      else if (typeof require === 'function') answer = (require('node:tty') as typeof Tty).isatty(fd);
      else answer = [process.stdin, process.stdout, process.stderr][fd]?.isTTY === true;
    } catch {
      answer = false;
    }
    ttyChecks.set(fd, answer);
  }
  return answer;
}

/**
 * The process's own streams and environment. Node creates `process.stdout` and friends on
 * first access, and for a pipe that costs a quarter of an empty process's start-up: they are
 * touched only when used, and small answers (help, a version, a status) are written straight
 * to file descriptor 1.
 */
export function processIo(): Io {
  let stdout: OutputStream | undefined;
  // `roster users list | head`: the reader went away, which is not an error of ours.
  const readerGone = () => process.exit(process.exitCode ?? 0);
  const stream = () => {
    if (!stdout) {
      stdout = process.stdout;
      stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') readerGone();
      });
    }
    return stdout;
  };
  return {
    get stdout() {
      return stream();
    },
    get stderr() {
      return process.stderr;
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    terminals: {
      get stdin() {
        return isTerminalFd(0);
      },
      get stdout() {
        return isTerminalFd(1);
      },
      get stderr() {
        return isTerminalFd(2);
      },
    },
    writeStdoutNow(text) {
      // Once the stream exists it owns the descriptor (and may have made it non-blocking).
      if (stdout) return false;
      const bytes = Buffer.from(text);
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(1, bytes, written);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') readerGone();
        if (code !== 'EAGAIN') throw error;
        // A non-blocking pipe that is full: the stream takes the rest, in order.
        stream().write(bytes.subarray(written));
      }
      return true;
    },
  };
}
