// `roster users import`: what is in the workspace already is read once, every row is
// classified, and only the addresses that are neither members nor invited are sent, through
// `inviteMany` at a pace that adapts to the server's rate limit. Re-running the same file
// (after an interruption, say) therefore sends nothing twice.
import { setMaxListeners } from 'node:events';
import { readFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import type { InviteInput } from '@roster/users';
import type { CommandContext } from '../command.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { sdk } from '../lib/sdk.js';
import { parseRole } from '../lib/users.js';
import { readImportCsv, type ImportRow } from './csv.js';
import { AdaptivePacer } from './pacer.js';
import { createProgress } from './progress.js';

/** What happened to one row. */
export type Outcome =
  | 'invited'
  | 'would-invite'
  | 'already-invited'
  | 'already-member'
  | 'duplicate'
  | 'invalid'
  | 'ignored'
  | 'failed'
  | 'not-sent';

/** One row of the report: one per data row of the file. */
interface ReportRow {
  line: number;
  email: string;
  role: string;
  outcome: Outcome;
  detail: string;
}

/** Options of {@link runImport}, from the command line. */
export interface ImportOptions {
  readonly file: string;
  readonly roleDefault: string | undefined;
  readonly concurrency: number;
  readonly dryRun: boolean;
  readonly report: string | undefined;
}

const ORDER: readonly Outcome[] = ['invited', 'would-invite', 'already-invited', 'already-member', 'duplicate', 'ignored', 'invalid', 'failed', 'not-sent'];
const SHOWN_PROBLEMS = 20;

/** Runs an import and returns its exit code (see the README's exit codes). */
export async function runImport(context: CommandContext, options: ImportOptions): Promise<ExitCode> {
  const { out } = context;
  const signal = context.signal;
  // Every request in flight listens to the signal (up to 32, and the client's own listeners).
  setMaxListeners(200, signal);
  let text: string;
  try {
    text = await readFile(options.file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  const roles = Object.values((await sdk()).UserAccountType) as string[];
  const roleDefault = options.roleDefault === undefined ? undefined : await parseRole(options.roleDefault, '--role-default');
  const rows = readImportCsv(text, roles, roleDefault);

  const pacer = new AdaptivePacer();
  const roster = await context.roster({ fetch: pacer.wrap((input, init) => fetch(input, init)) });
  // The listings meet the rate limit as the invitations do: give them as many attempts.
  const bulk = { signal, retry: { maxAttempts: 10 } };
  const [active, invited] = await Promise.all([roster.users.listActive(bulk), roster.users.listInvited(bulk)]);
  const members = new Set(active.map((user) => user.email.toLowerCase()));
  const pending = new Map(invited.map((user) => [user.email.toLowerCase(), user.accountType]));

  const report: ReportRow[] = [];
  const toSend: { row: ImportRow; at: number }[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const entry: ReportRow = { line: row.line, email: row.email, role: row.role ?? row.rawRole, outcome: 'invalid', detail: '' };
    const key = row.email.toLowerCase();
    const first = firstLine.get(key);
    if (row.problem) entry.detail = row.problem;
    else if (row.disabled) [entry.outcome, entry.detail] = ['ignored', 'disabled in the file: not invited'];
    else if (first !== undefined) [entry.outcome, entry.detail] = ['duplicate', `same address as line ${first}`];
    else if (members.has(key)) [entry.outcome, entry.detail] = ['already-member', 'an active member: nothing sent'];
    else if (pending.has(key)) [entry.outcome, entry.detail] = ['already-invited', `a pending invitation as ${pending.get(key)}: nothing sent`];
    else {
      entry.outcome = options.dryRun ? 'would-invite' : 'not-sent';
      toSend.push({ row, at: report.length });
    }
    if (!row.problem && first === undefined) firstLine.set(key, row.line);
    report.push(entry);
  }

  if (!options.dryRun && toSend.length > 0 && !signal.aborted) {
    const progress = createProgress(out, toSend.length, 'importing');
    let failed = 0;
    const entries: InviteInput[] = toSend.map(({ row }) => ({ email: row.email, accountType: row.role as InviteInput['accountType'] }));
    // `resend: true` skips inviteMany's own listing of pending invitations: it was done above.
    // A row refused for the rate after all its attempts was not executed (a 429 executes
    // nothing), so it is safe to send again: up to three passes, so that none is lost.
    let pass = entries.map((_, index) => index);
    let settled = 0;
    for (let round = 0; round < 3 && pass.length > 0 && !signal.aborted; round++) {
      const outcomes = await roster.users.inviteMany(
        pass.map((index) => entries[index] as InviteInput),
        {
          concurrency: options.concurrency,
          resend: true,
          ...bulk,
          onProgress: ({ outcome }) => {
            const final = outcome.status !== 'failed' || outcome.error.code !== 'RATE_LIMITED' || round === 2;
            if (final) settled += 1;
            if (final && outcome.status === 'failed') failed += 1;
            progress.update(settled, failed);
          },
        },
      );
      const again: number[] = [];
      for (const outcome of outcomes) {
        const index = pass[outcome.index] ?? -1;
        const entry = report[toSend[index]?.at ?? -1];
        if (!entry) continue;
        if (outcome.status === 'invited') entry.outcome = 'invited';
        else if (outcome.status === 'skipped') [entry.outcome, entry.detail] = ['not-sent', 'interrupted before it was sent: run the import again'];
        else if (outcome.status === 'failed') {
          [entry.outcome, entry.detail] = ['failed', `${outcome.error.name}: ${outcome.error.message}`];
          if (outcome.error.code === 'RATE_LIMITED') again.push(index);
        }
      }
      pass = again;
    }
    progress.stop();
  }

  const counts = new Map<Outcome, number>(ORDER.map((outcome) => [outcome, 0]));
  for (const entry of report) counts.set(entry.outcome, (counts.get(entry.outcome) ?? 0) + 1);
  if (options.report) await out.writeFile(options.report, stringify(report, { header: true, columns: ['line', 'email', 'role', 'outcome', 'detail'] }));

  const interrupted = signal.aborted;
  const problems = report.filter((entry) => entry.outcome === 'invalid' || entry.outcome === 'failed');
  const done = report.length - problems.length - (counts.get('not-sent') ?? 0);
  const code = interrupted ? ExitCode.INTERRUPTED : problems.length === 0 ? ExitCode.OK : done > 0 ? ExitCode.PARTIAL : ExitCode.FAILURE;

  for (const entry of problems.slice(0, SHOWN_PROBLEMS)) out.warn(`line ${entry.line}: ${entry.email || '(no email)'}: ${entry.outcome}: ${entry.detail}`);
  if (problems.length > SHOWN_PROBLEMS) out.warn(`… and ${problems.length - SHOWN_PROBLEMS} more${options.report ? ` in ${options.report}` : ': write them all with --report <file>'}`);
  const parts = ORDER.filter((outcome) => (counts.get(outcome) ?? 0) > 0).map((outcome) => `${counts.get(outcome)} ${outcome}`);
  const { sent, throttled } = pacer.stats;
  out.info(
    `${options.dryRun ? 'Dry run (nothing sent): ' : interrupted ? 'Interrupted: ' : ''}${report.length} rows: ${parts.join(', ') || 'none'}` +
      (options.dryRun ? '' : ` (${sent} requests, ${throttled} rate-limited and retried)`) +
      (options.report ? `; report in ${options.report}` : ''),
  );
  if (context.globals.json) {
    await out.data(`${JSON.stringify({ rows: report.length, dryRun: options.dryRun, interrupted, outcomes: Object.fromEntries(counts), requests: sent, rateLimited: throttled, exitCode: code })}\n`);
  }
  return code;
}
