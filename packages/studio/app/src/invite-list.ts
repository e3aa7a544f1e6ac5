// Many invitations at once, pasted or from a CSV file: one address per line, optionally with
// a role (`ada@acme.io,DEVELOPER`), or a CSV with a header (`Email`, `E-mail`; `role`,
// `accountType`). Parsed with papaparse (quotes, CRLF, a BOM), loaded only when needed.
import { inviteIssues, issueText } from './validate';

/** One invitation of the list, with the line it came from (1-based, as an editor shows it). */
export interface InviteEntry {
  readonly line: number;
  readonly email: string;
  readonly accountType: string;
}

/** The parsed list: what would be sent, and every problem, by line. Nothing is sent while there is a problem. */
export interface InviteList {
  readonly entries: readonly InviteEntry[];
  readonly issues: readonly string[];
}

const EMAIL_HEADERS = new Set(['email', 'e-mail', 'email address', 'mail']);
const ROLE_HEADERS = new Set(['role', 'accounttype', 'account type', 'account_type']);

/** Parses pasted text or a CSV file's content into invitations, checked as the SDK checks them. */
export async function parseInviteList(text: string, defaultRole: string): Promise<InviteList> {
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const first = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const emailColumn = first.findIndex((cell) => EMAIL_HEADERS.has(cell));
  const hasHeader = emailColumn >= 0;
  const roleColumn = hasHeader ? first.findIndex((cell) => ROLE_HEADERS.has(cell)) : 1;
  // papaparse drops blank lines, so count the source lines to name the right one.
  const lineOf = lineNumbers(text, rows.length);
  const entries: InviteEntry[] = [];
  const issues: string[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, index) => {
    if (hasHeader && index === 0) return;
    const line = lineOf[index] ?? index + 1;
    const email = (cells[hasHeader ? emailColumn : 0] ?? '').trim();
    const role = ((roleColumn >= 0 ? cells[roleColumn] : undefined) ?? '').trim().toUpperCase() || defaultRole;
    const problems = inviteIssues({ email, accountType: role });
    if (problems.length > 0) {
      issues.push(`line ${line}: ${problems.map(issueText).join('; ')}`);
      return;
    }
    const earlier = seen.get(email.toLowerCase());
    if (earlier !== undefined) {
      issues.push(`line ${line}: ${email} is already on line ${earlier}`);
      return;
    }
    seen.set(email.toLowerCase(), line);
    entries.push({ line, email, accountType: role });
  });
  // A list of bare addresses has no delimiter to detect; papaparse then uses ',', which is right.
  for (const error of parsed.errors) if (error.code !== 'UndetectableDelimiter') issues.push(`line ${(error.row ?? 0) + 1}: ${error.message}`);
  return { entries, issues };
}

// The source line of each non-blank record (records with quoted line breaks are rare in a
// list of addresses; they shift the numbers of the lines after them, nothing else).
function lineNumbers(text: string, count: number): number[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const numbers: number[] = [];
  lines.forEach((line, index) => {
    if (line.trim() !== '' && numbers.length < count) numbers.push(index + 1);
  });
  return numbers;
}
