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
  const ignore = [...(options.ignore ?? [])];
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof rows;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof (error as CsvError & { lines?: unknown }).lines === 'number' ? (error as CsvError & { lines: number }).lines : 1;
      throw new RosterFileError([{ file: fileName, line, column: 1, message: error.message }]);
    }
    throw error;
  }
  const checker = new MemberChecker(ignoreMatcher(ignore));
  const header = rows[0];
  if (!header) throw new RosterFileError([{ file: fileName, line: 1, column: 1, message: 'the file is empty: expected a header row such as email,role,name' }]);
  const columns = header.record.map((title, index) => {
    const column = HEADER_ALIASES[title.toLowerCase()];
    if (!column) checker.problem({ file: fileName, line: header.info.lines, column: index + 1 }, `unknown column '${title}' (expected email, role, name, groups)`);
    return column;
  });
  for (const needed of ['email', 'role'] as const) {
    if (!columns.includes(needed)) checker.problem({ file: fileName, line: header.info.lines, column: 1 }, `the header has no ${needed} column`);
  }
  if (checker.problems.length > 0) throw new RosterFileError(checker.problems);

  const index = (name: string) => columns.indexOf(name as never);
  const [emailAt, roleAt, nameAt, groupsAt] = [index('email'), index('role'), index('name'), index('groups')];
  for (let r = 1; r < rows.length; r++) {
    const { record, info } = rows[r]!;
    const field = (i: number) => (i < 0 || i >= record.length ? undefined : { value: record[i], at: { file: fileName, line: info.lines, column: i + 1 } });
    const groups = field(groupsAt);
    checker.add(
      { file: fileName, line: info.lines, column: 1 },
      {
        ...present('email', field(emailAt)),
        ...present('role', field(roleAt)),
        ...present('name', field(nameAt)),
        ...(groups && groups.value !== ''
          ? { groups: { ...groups, value: String(groups.value).split(';').map((g) => g.trim()).filter((g) => g !== '') } }
          : groups
            ? { groups: { ...groups, value: [] } }
            : {}),
      },
      true,
    );
  }
  if (checker.problems.length > 0) throw new RosterFileError(checker.problems);
  return { mode: options.mode ?? 'additive', members: checker.members, ignore, resendExpired: options.resendExpired ?? true };
}

const present = <K extends string>(key: K, field: { value: unknown; at: { file: string; line: number; column: number } } | undefined) =>
  (field ? { [key]: field } : {}) as Partial<Record<K, { value: unknown; at: { file: string; line: number; column: number } }>>;
