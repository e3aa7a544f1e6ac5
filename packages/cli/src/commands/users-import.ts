import { InvalidArgumentError, Option } from 'commander';
import type { CommandSpec } from '../command.js';

function concurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 32) throw new InvalidArgumentError('an integer from 1 to 32');
  return n;
}

/** `roster users import <file.csv>`: bulk invitations. */
export const usersImport: CommandSpec = {
  path: ['users', 'import'],
  summary: 'invite everyone in a CSV file (re-runnable: sends nothing twice)',
  description: [
    'Invites the addresses of a CSV file. The header names an email column (email, Email, E-mail…) and a role column (role, accountType),',
    'roles in any case; a BOM, CRLF line ends, quoted commas and blank lines are fine. A bad row is reported with its line number and',
    'skipped; members and pending invitations are left alone, so re-running the same file (after an interruption, say) sends nothing twice.',
    'Requests are paced to the rate the server accepts. A progress bar on a terminal, plain lines otherwise; --report writes one row per',
    'input row with its outcome. Exit code 3 when some rows failed or were invalid, 130 when interrupted (Ctrl+C).',
  ].join('\n'),
  examples: [
    'roster users import people.csv --dry-run',
    'roster users import people.csv --role-default developer --report outcome.csv',
    'roster users export > all.csv                # the members of one workspace…',
    'roster users import all.csv --profile other  # …invited into another',
  ],
  kind: 'mutation',
  configure(command) {
    command
      .argument('<file>', 'the CSV file')
      .addOption(new Option('--role-default <role>', 'the role of rows without one'))
      .addOption(new Option('--concurrency <n>', 'invitations in flight at most, 1 to 32').argParser(concurrency).default(16))
      .addOption(new Option('--report <file>', 'write one CSV row per input row: line, email, role, outcome, detail'));
  },
  async run(context, { args, options }) {
    const { runImport } = await import('../import/run-import.js');
    return runImport(context, {
      file: String(args[0]),
      roleDefault: typeof options.roleDefault === 'string' ? options.roleDefault : undefined,
      concurrency: typeof options.concurrency === 'number' ? options.concurrency : 16,
      dryRun: options.dryRun === true,
      report: typeof options.report === 'string' ? options.report : undefined,
    });
  },
};
