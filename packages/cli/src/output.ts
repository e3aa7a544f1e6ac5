import picocolors from 'picocolors';
import type { ErrorReport } from './errors.js';
import type { Io, OutputStream } from './io.js';

/** Colour functions (`c.red('…')`): the identity when colour is off. */
export type Colors = ReturnType<typeof picocolors.createColors>;

/** How the CLI talks: colour or not, JSON errors or not. */
export interface OutputSettings {
  /** `--no-color` was given (`false`), or nothing was said (`undefined`). */
  readonly color?: boolean | undefined;
  /** `--json`: errors (and data, unless `--format` says otherwise) as JSON. */
  readonly json?: boolean | undefined;
}

/**
 * Colour on a stream: only on a terminal, never with `NO_COLOR` (any non-empty value, see
 * no-color.org), `TERM=dumb` or `--no-color`; `FORCE_COLOR` (not `0`) forces it on.
 */
export function colorEnabled(terminal: boolean, env: Io['env'], flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return terminal && env.TERM !== 'dumb';
}

/** Whether a stream of `io` is a terminal, without creating the stream when `io` knows. */
export function isTerminal(io: Io, stream: 'stdin' | 'stdout' | 'stderr'): boolean {
  return io.terminals ? io.terminals[stream] : io[stream].isTTY === true;
}

const REDACTED = '[redacted]';

/**
 * The CLI's voice: data on stdout, everything else on stderr. Every write goes through
 * here, so that a secret registered with {@link Output.redact} can appear in no output.
 */
export class Output {
  readonly #io: Io;
  readonly #secrets: string[] = [];
  /** Colours for stdout (off unless stdout is a terminal). */
  readonly color: Colors;
  /** Colours for stderr (off unless stderr is a terminal). */
  readonly colorErr: Colors;
  /** `--json` was given: errors are written as JSON. */
  readonly json: boolean;

  constructor(io: Io, settings: OutputSettings = {}) {
    this.#io = io;
    this.color = picocolors.createColors(colorEnabled(isTerminal(io, 'stdout'), io.env, settings.color));
    this.colorErr = picocolors.createColors(colorEnabled(isTerminal(io, 'stderr'), io.env, settings.color));
    this.json = settings.json === true;
  }

  /** True when stdout is a terminal (a person reads it): tables rather than machine formats. */
  get stdoutIsTerminal(): boolean {
    return isTerminal(this.#io, 'stdout');
  }

  /** The width of stdout in columns, when it is a terminal. */
  get stdoutColumns(): number | undefined {
    return this.#io.stdout.columns;
  }

  /** True when stderr is a terminal (progress bars redraw in place there). */
  get stderrIsTerminal(): boolean {
    return isTerminal(this.#io, 'stderr');
  }

  /** True when a person is at the keyboard: stdin and stderr are terminals (prompts, progress bars). */
  get interactive(): boolean {
    return isTerminal(this.#io, 'stdin') && isTerminal(this.#io, 'stderr');
  }

  /** The stream progress bars and prompts draw on. */
  get stderr(): OutputStream {
    return this.#io.stderr;
  }

  /**
   * Never lets `secret` through: it is replaced in everything written afterwards, whatever
   * its length, as written and in the forms output formatting turns it into (JSON-escaped,
   * also with `/` as `\/`, escaped twice, and CSV-quoted), since scrubbing runs on the
   * formatted text.
   */
  redact(secret: string | undefined): void {
    if (!secret) return;
    const json = JSON.stringify(secret).slice(1, -1);
    const forms = [secret, json, json.replaceAll('/', '\\/'), JSON.stringify(json).slice(1, -1), secret.replaceAll('"', '""')];
    for (const form of forms) if (!this.#secrets.includes(form)) this.#secrets.push(form);
    // Longest first: a form that contains another is replaced whole, not left half-escaped.
    this.#secrets.sort((a, b) => b.length - a.length);
  }

  /** Replaces every registered secret in `text`. */
  scrub(text: string): string {
    let clean = text;
    for (const secret of this.#secrets) if (clean.includes(secret)) clean = clean.split(secret).join(REDACTED);
    return clean;
  }

  /** Writes a file the user asked for (a report, a result, a plan), scrubbed like every other output. */
  async writeFile(file: string, text: string): Promise<void> {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, this.scrub(text));
  }

  /** Writes data to stdout; resolves once the stream can take more (backpressure). */
  data(text: string): Promise<void> {
    const clean = this.scrub(text);
    if (clean === '' || this.#io.writeStdoutNow?.(clean)) return Promise.resolve();
    return write(this.#io.stdout, clean);
  }

  /** A line for the reader on stderr: progress, notes, results of a mutation. */
  info(line: string): void {
    this.#io.stderr.write(`${this.scrub(line)}\n`);
  }

  /** A warning on stderr, e.g. a row skipped or a limitation of the server. */
  warn(line: string): void {
    this.#io.stderr.write(`${this.colorErr.yellow('warning:')} ${this.scrub(line)}\n`);
  }

  /** Reports an error on stderr: a readable message and hint, or one JSON object with `--json`. */
  error(report: ErrorReport): void {
    if (this.json) {
      const { name, code, message, hint, status, exitCode } = report;
      this.#io.stderr.write(`${this.scrub(JSON.stringify({ error: { name, code, message, hint, status, exitCode } }))}\n`);
      return;
    }
    const c = this.colorErr;
    // The CLI's own errors speak for themselves; the SDK's keep their class name, which says what kind of failure it was.
    const own = report.name === 'CliError' || report.name === 'UsageError';
    const head = `${c.red(c.bold('error:'))} ${own ? '' : `${report.name}: `}${report.message}`;
    this.#io.stderr.write(`${this.scrub(head)}\n${report.hint ? `${this.scrub(`${c.dim('hint:')} ${report.hint}`)}\n` : ''}`);
  }
}

function write(stream: OutputStream, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((resolve) => {
    if (stream.write(text)) return resolve();
    // A closed pipe (`roster users list | head`) never drains: stop waiting then too.
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('close', done);
    stream.once('error', done);
  });
}
