import { CsvError, parse } from 'csv-parse/sync';
import { RosterFileError } from './errors.js';
import { ignoreMatcher } from './ignore.js';
import { MemberChecker } from './members.js';
import type { RosterFile, RosterMode } from './model.js';

/** What a CSV file cannot say itself: the settings a YAML file has at its top. */
export interface CsvRosterOptions {
  /** @defaultValue `'additive'` */
  readonly mode?: RosterMode | undefined;
  /** Addresses or patterns never touched. @defaultValue `[]` */
  readonly ignore?: readonly string[] | undefined;
  /** Send expired invitations again. @defaultValue true */
  readonly resendExpired?: boolean | undefined;
}

// Spreadsheets and other tools' exports name the same columns differently.
const HEADER_ALIASES: Readonly<Record<string, 'email' | 'role' | 'name' | 'groups'>> = {
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  'email address': 'email',
  role: 'role',
  accounttype: 'role',
  account_type: 'role',
  'account type': 'role',
  name: 'name',
  'full name': 'name',
  groups: 'groups',
  group: 'groups',
};

const OPTIONS = { bom: true, skip_empty_lines: true, relax_column_count: true } as const;
// About 100 rows of a typical file, a millisecond of parsing: a listing's response
// that arrives meanwhile waits at most that long (2,000-row chunks held the listing up:
// planning 100,000 users took 1.42× the listing, against about 1.2× with these).
const CHUNK_CHARS = 8 * 1024;

// setImmediate (Node) runs after pending I/O without setTimeout's 1 ms minimum; browsers
// have only setTimeout.
const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

type Row = { readonly record: readonly string[]; readonly line: number };

/**
 * The line each record starts on, the first line being `firstLine`: a line end outside
 * quotes ends a record, blank lines hold none. Counted here because csv-parse's own line
 * tracking (`info`) doubles the parse time of a large file, and counts a CRLF inside a
 * quoted field as two lines.
 */
function recordLines(text: string, firstLine: number): number[] {
  const starts: number[] = [];
  let line = firstLine;
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (atStart && c !== 10 && c !== 13) {
      starts.push(line);
      atStart = false;
    }
    if (c === 34) quoted = !quoted;
    else if (c === 10) {
      line += 1;
      if (!quoted) atStart = true;
    }
  }
  return starts;
}

/** Rows with their line numbers, the first on line `firstLine`. */
function parseRows(text: string, firstLine: number, fileName: string): Row[] {
  try {
    const records: string[][] = parse(text, OPTIONS);
    const starts = recordLines(text, firstLine);
    return records.map((record, i) => ({ record, line: starts[i] ?? firstLine }));
  } catch (error) {
    if (error instanceof CsvError) {
      const lines = (error as CsvError & { lines?: unknown }).lines;
      throw new RosterFileError([{ file: fileName, line: (typeof lines === 'number' ? lines : 1) + firstLine - 1, column: 1, message: error.message }]);
    }
    throw error;
  }
}

/**
 * Splits a CSV text at line ends outside quotes, about every {@link CHUNK_CHARS}: a doubled
 * quote inside a quoted field keeps the parity, so an even count of quotes so far means the
 * line end is a record's end.
 */
function* chunks(text: string): Generator<{ text: string; firstLine: number }> {
  let start = 0;
  let firstLine = 1;
  while (start < text.length) {
    let end = Math.min(start + CHUNK_CHARS, text.length);
    let quotes = 0;
    for (let i = start; i < end; i++) if (text.charCodeAt(i) === 34) quotes += 1;
    while (end < text.length && (text.charCodeAt(end - 1) !== 10 || quotes % 2 === 1)) {
      if (text.charCodeAt(end) === 34) quotes += 1;
      end += 1;
    }
    const piece = text.slice(start, end);
    yield { text: piece, firstLine };
    for (let i = 0; i < piece.length; i++) if (piece.charCodeAt(i) === 10) firstLine += 1;
    start = end;
  }
}

/** Checks rows as they come, header first. */
class CsvReader {
  readonly #checker: MemberChecker;
  readonly #fileName: string;
  #columns: { email: number; role: number; name: number; groups: number } | undefined;

  constructor(fileName: string, ignore: readonly string[]) {
    this.#fileName = fileName;
    this.#checker = new MemberChecker(ignoreMatcher(ignore));
  }

  take(rows: readonly Row[]): void {
    let first = 0;
    if (!this.#columns) {
      const header = rows[0];
      if (!header) return;
      this.#columns = this.#header(header);
      first = 1;
    }
    const { email, role, name, groups } = this.#columns;
    const columnOf = { member: 0, email, role, name, groups } as const;
    for (let r = first; r < rows.length; r++) {
      const { record, line } = rows[r]!;
      const cell = (i: number) => (i < 0 ? undefined : record[i]?.trim());
      const groupCell = cell(groups);
      this.#checker.add(
        {
          email: cell(email),
          role: cell(role),
          name: cell(name),
          groups: groupCell === undefined ? undefined : groupCell.split(';').map((g) => g.trim()).filter((g) => g !== ''),
        },
        (field) => ({ file: this.#fileName, line, column: Math.max(columnOf[field], 0) + 1 }),
        true,
      );
    }
  }

  #header({ record, line }: Row) {
    const at = (column: number) => ({ file: this.#fileName, line, column });
    const names = record.map((title, index) => {
      const column = HEADER_ALIASES[title.trim().toLowerCase()];
      if (!column) this.#checker.problem(at(index + 1), `unknown column '${title}' (expected email, role, name, groups)`);
      return column;
    });
    for (const needed of ['email', 'role'] as const) if (!names.includes(needed)) this.#checker.problem(at(1), `the header has no ${needed} column`);
    if (this.#checker.problems.length > 0) throw new RosterFileError(this.#checker.problems);
    const index = (name: 'email' | 'role' | 'name' | 'groups') => names.indexOf(name);
    return { email: index('email'), role: index('role'), name: index('name'), groups: index('groups') };
  }

  finish(options: CsvRosterOptions): RosterFile {
    if (!this.#columns) throw new RosterFileError([{ file: this.#fileName, line: 1, column: 1, message: 'the file is empty: expected a header row such as email,role,name' }]);
    if (this.#checker.problems.length > 0) throw new RosterFileError(this.#checker.problems);
    return { mode: options.mode ?? 'additive', members: this.#checker.members, ignore: [...(options.ignore ?? [])], resendExpired: options.resendExpired ?? true };
  }
}

/**
 * Parses a roster file written as CSV: a header row naming `email` and `role` (and
 * optionally `name` and `groups`, the ids separated by `;`), then one member per row. A BOM,
 * CRLF line ends, quoted commas and blank lines are fine; roles may be written in any case.
 * Errors name the file, the line and the column (the field's position in the row).
 * @throws {@link RosterFileError} listing every problem.
 * @example
 * ```ts
 * const file = parseRosterCsv('email,role\nada@acme.io,admin\n', 'roster.csv', { mode: 'additive' });
 * ```
 */
export function parseRosterCsv(text: string, fileName = 'roster.csv', options: CsvRosterOptions = {}): RosterFile {
  const reader = new CsvReader(fileName, options.ignore ?? []);
  reader.take(parseRows(text, 1, fileName));
  return reader.finish(options);
}

/**
 * {@link parseRosterCsv}, a few thousand rows at a time, yielding to the event loop between
 * them: a large file is parsed while a listing of the workspace waits on the server.
 * @throws {@link RosterFileError} listing every problem.
 */
export async function parseRosterCsvAsync(text: string, fileName = 'roster.csv', options: CsvRosterOptions = {}): Promise<RosterFile> {
  const reader = new CsvReader(fileName, options.ignore ?? []);
  for (const chunk of chunks(text)) {
    reader.take(parseRows(chunk.text, chunk.firstLine, fileName));
    await yieldToEventLoop();
  }
  return reader.finish(options);
}
