// Reading the CSV of `roster users import`: the files people export from spreadsheets and
// HR systems (a BOM, CRLF, quoted commas, blank lines, headers spelled in many ways).
import { parse } from 'csv-parse/sync';
import { UsageError } from '../errors.js';
import { isEmail } from '../lib/users.js';

/** One data row of the file, checked. */
export interface ImportRow {
  /** The line of the file the row starts on (1 is the header). */
  readonly line: number;
  /** The address, as written (trimmed). */
  readonly email: string;
  /** The role as the API names it (`DEVELOPER`), or `undefined` when the row's is bad. */
  readonly role: string | undefined;
  /** The role as written, for the report. */
  readonly rawRole: string;
  /** Why the row cannot be sent, or `undefined` when it is fine. */
  readonly problem: string | undefined;
  /** The row says the user is disabled (a re-imported export): not invited. */
  readonly disabled: boolean;
}

// Header spellings, compared without case, spaces, dashes or underscores.
const ALIASES: Readonly<Record<string, 'email' | 'role' | 'status'>> = {
  email: 'email',
  emailaddress: 'email',
  mail: 'email',
  role: 'role',
  accounttype: 'role',
  usertype: 'role',
  status: 'status',
};

const key = (header: string) => header.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * Parses and checks the file. A row with a bad address or role gets its `problem` (it will
 * be skipped and reported); a file that cannot be read as CSV, or has no email column, is
 * refused whole, so that nothing is half-sent.
 * @throws UsageError naming the line for a malformed file.
 */
export function readImportCsv(text: string, roles: readonly string[], roleDefault: string | undefined): ImportRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // Line ends become \n first: csv-parse counts a CRLF inside a quoted field as two lines,
    // which would shift the line numbers of every later row.
    records = parse(text.replace(/\r\n?/g, '\n'), { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw new UsageError(`the file is not valid CSV: ${(error as Error).message}`, 'fix the file: nothing was sent');
  }
  const [header, ...body] = records;
  if (!header) throw new UsageError('the file is empty', 'its first line must be a header, e.g. email,role');
  const columns = header.record.map((name) => ALIASES[key(name)]);
  const emailAt = columns.indexOf('email');
  const roleAt = columns.indexOf('role');
  const statusAt = columns.indexOf('status');
  if (emailAt < 0) {
    throw new UsageError(`no email column in the header (${header.record.join(', ')})`, 'name one column email (or E-mail, Email address)');
  }
  if (roleAt < 0 && roleDefault === undefined) {
    throw new UsageError(`no role column in the header (${header.record.join(', ')})`, 'add a role (or accountType) column, or pass --role-default <role>');
  }
  return body
    .filter(({ record }) => record.some((cell) => cell !== ''))
    .map(({ record, info }) => {
      // csv-parse counts the lines read so far: a record ends on `info.lines`; a quoted
      // field spanning lines starts earlier, which the newlines inside it tell.
      const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      const email = record[emailAt] ?? '';
      const rawRole = roleAt >= 0 ? (record[roleAt] ?? '') : '';
      const given = rawRole === '' ? roleDefault : rawRole;
      const normalised = given?.toUpperCase().replace(/[\s-]+/g, '_');
      const role = normalised !== undefined && roles.includes(normalised) ? normalised : undefined;
      let problem: string | undefined;
      if (email === '') problem = 'no email';
      else if (!isEmail(email)) problem = `"${email}" is not an email address`;
      else if (given === undefined) problem = 'no role (and no --role-default)';
      else if (role === undefined) problem = `unknown role "${given}" (use one of ${roles.join(', ')})`;
      return { line, email, role, rawRole, problem, disabled: statusAt >= 0 && (record[statusAt] ?? '').toUpperCase() === 'DISABLED' };
    });
}
