import { RosterFileError } from './errors.js';
import { yieldToEventLoop } from './event-loop.js';
import { ignoreMatcher } from './ignore.js';
import { MemberChecker, type Locate } from './members.js';
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

// Records per slice of parseRosterCsvAsync: about 8 kB of a typical file, a fraction of a
// millisecond of reading and checking, so that a listing's response arriving meanwhile
// waits little (slices of 2,000 rows held the listing up: planning took 1.42× the listing).
const SLICE_RECORDS = 100;

type Row = { readonly record: readonly string[]; readonly line: number };

const QUOTE = 34;
const SPACE = 32;
const TAB = 9;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** The position of the first character at or after `at` that is not a space or a tab. */
function skipBlanks(text: string, at: number): number {
  while (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB) at += 1;
  return at;
}

/**
 * Reads the records of a CSV text (RFC 4180: fields separated by commas; a field in double
 * quotes may hold commas, line ends and doubled quotes; spaces around the quotes, as people
 * write `a, "b, c"`, are not part of it; a quote inside an unquoted field is taken as
 * written), each with the line it starts on, a slice at a time. Line ends may be
 * LF, CRLF or CR, mixed; blank lines hold no record; a BOM is skipped.
 *
 * Written here rather than with csv-parse (which `roster users import` uses): a roster file
 * needs each record's line number, for its errors, and to be read in slices while a listing
 * of the workspace waits on the server. csv-parse gives line numbers only at twice its cost
 * (`info`), counts a CRLF inside quotes as two lines, and cannot stop at a record boundary,
 * so it took two more passes of our own around it. For a 100,000-row file those cost about
 * 240 ms of CPU, this one pass about 40 ms (`node --cpu-prof` of the planning benchmark,
 * `pnpm --filter @roster/bench bench:plan`).
 */
class CsvRecords {
  readonly #text: string;
  readonly #fileName: string;
  #at: number;
  #line = 1;

  constructor(text: string, fileName: string) {
    this.#text = text;
    this.#fileName = fileName;
    this.#at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** True when every record has been read. */
  get done(): boolean {
    return this.#at >= this.#text.length;
  }

  /** The next records, at most `max` of them (all of them by default). */
  next(max = Infinity): Row[] {
    const text = this.#text;
    const rows: Row[] = [];
    while (rows.length < max && this.#at < text.length) {
      const c = text.charCodeAt(this.#at);
      if (c === LF || c === CR) {
        this.#lineEnd();
        continue;
      }
      const line = this.#line;
      rows.push({ record: this.#record(), line });
    }
    return rows;
  }

  /** Steps over the line end at the current position (CRLF, LF or CR). */
  #lineEnd(): void {
    if (this.#text.charCodeAt(this.#at) === CR && this.#text.charCodeAt(this.#at + 1) === LF) this.#at += 1;
    this.#at += 1;
    this.#line += 1;
  }

  #record(): string[] {
    const text = this.#text;
    const fields: string[] = [];
    for (;;) {
      // `a, "b, c"`: spaces before an opening quote are not part of the field.
      const start = skipBlanks(text, this.#at);
      if (text.charCodeAt(start) === QUOTE) {
        this.#at = start;
        fields.push(this.#quoted(fields.length + 1));
      } else fields.push(this.#unquoted());
      const c = text.charCodeAt(this.#at);
      if (c === COMMA) {
        this.#at += 1;
        continue;
      }
      // A line end, or the end of the text (NaN).
      if (c === LF || c === CR) this.#lineEnd();
      return fields;
    }
  }

  #unquoted(): string {
    const text = this.#text;
    const from = this.#at;
    let at = from;
    for (; at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (c === COMMA || c === LF || c === CR) break;
    }
    this.#at = at;
    return text.slice(from, at);
  }

  #quoted(column: number): string {
    const text = this.#text;
    let value = '';
    let from = this.#at + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote < 0) this.#fail(this.#line, column, 'a quoted field is never closed: its opening quote (") has no closing one');
      value += text.slice(from, quote);
      if (text.charCodeAt(quote + 1) !== QUOTE) {
        from = quote + 1;
        break;
      }
      value += '"';
      from = quote + 2;
    }
    // Line ends inside the quotes still count as lines of the file.
    for (let i = this.#at; i < from; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) this.#line += 1;
    }
    // Spaces after the closing quote are not part of the field either.
    this.#at = skipBlanks(text, from);
    const after = text.charCodeAt(this.#at);
    if (this.#at < text.length && after !== COMMA && after !== LF && after !== CR) {
      this.#fail(this.#line, column, 'a closing quote must end its field (a comma or the end of the line next); write a quote inside a quoted field as ""');
    }
    return value;
  }

  #fail(line: number, column: number, message: string): never {
    throw new RosterFileError([{ file: this.#fileName, line, column, message }]);
  }
}

const cellOf = (record: readonly string[], index: number): string | undefined => (index < 0 ? undefined : record[index]?.trim());

/** Checks rows as they come, header first. */
class CsvReader {
  readonly #checker: MemberChecker;
  readonly #fileName: string;
  #columns: { member: number; email: number; role: number; name: number; groups: number } | undefined;
  /** The line of the row being checked, for {@link CsvReader.#locate}. */
  #line = 0;
  // One function for every row (asked only for the member's source and for problems).
  readonly #locate: Locate = (field) => ({ file: this.#fileName, line: this.#line, column: Math.max(this.#columns?.[field] ?? 0, 0) + 1 });

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
    for (let r = first; r < rows.length; r++) {
      const { record, line } = rows[r]!;
      const groupCell = cellOf(record, groups);
      this.#line = line;
      this.#checker.add(
        {
          email: cellOf(record, email),
          role: cellOf(record, role),
          name: cellOf(record, name),
          groups: groupCell === undefined ? undefined : groupCell.split(';').map((g) => g.trim()).filter((g) => g !== ''),
        },
        this.#locate,
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
    return { member: 0, email: index('email'), role: index('role'), name: index('name'), groups: index('groups') };
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
  reader.take(new CsvRecords(text, fileName).next());
  return reader.finish(options);
}

/**
 * {@link parseRosterCsv}, a hundred rows at a time, yielding to the event loop between
 * them: a large file is parsed while a listing of the workspace waits on the server.
 * @throws {@link RosterFileError} listing every problem.
 */
export async function parseRosterCsvAsync(text: string, fileName = 'roster.csv', options: CsvRosterOptions = {}): Promise<RosterFile> {
  const reader = new CsvReader(fileName, options.ignore ?? []);
  const records = new CsvRecords(text, fileName);
  while (!records.done) {
    reader.take(records.next(SLICE_RECORDS));
    await yieldToEventLoop();
  }
  return reader.finish(options);
}
