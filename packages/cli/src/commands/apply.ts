import { Option } from 'commander';
import type { ApplyResult, LiveState, Plan } from '@roster/access';
import type { CommandContext, CommandSpec } from '../command.js';
import { whereJsonFails } from '../credentials.js';
import { CliError, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { access, addCsvOptions, addGuardOptions, changesExit, planning, planOptions, readLive, readRosterAndLive, type AccessModule } from '../access/shared.js';

const SAVE_HINT = 'save a plan with `roster plan roster.yaml -o plan.json`';

// node:fs is loaded by the commands that use it, not by `roster --help`.
async function savedPlan(file: string): Promise<Plan> {
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`no such file: ${file}`, { code: 'NOT_FOUND', hint: SAVE_HINT });
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`, { code: 'INVALID_PLAN', hint: SAVE_HINT });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // Only where it fails: the parser's message quotes the file's text.
    throw new CliError(`${file} is not a saved plan: not valid JSON${whereJsonFails(text, error)}`, { code: 'INVALID_PLAN', hint: SAVE_HINT });
  }
  if ((parsed as Partial<Plan> | null)?.format !== 'roster-plan/v1') throw new CliError(`${file} is not a saved plan (format roster-plan/v1)`, { code: 'INVALID_PLAN', hint: SAVE_HINT });
  return parsed as Plan;
}

function concurrencyOf(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 16) throw new UsageError(`--concurrency must be a whole number from 1 to 16, got '${value}'`);
  return n;
}

async function run(context: CommandContext, mod: AccessModule, made: Plan, live: LiveState, options: Readonly<Record<string, unknown>>): Promise<ApplyResult> {
  const { out } = context;
  const roster = await context.roster();
  return planning(mod, () =>
    mod.applyPlan(roster, made, {
      live,
      // The guard of this run on top of the plan's own: an edited plan.json cannot lift it.
      ...planOptions(options),
      concurrency: (options.concurrency as number | undefined) ?? 4,
      signal: context.signal,
      onProgress: (outcome, done, total) => {
        const mark = outcome.status === 'applied' ? out.colorErr.green('✓') : outcome.status === 'failed' ? out.colorErr.red('✗') : out.colorErr.yellow('·');
        const why = outcome.error ? ` (${outcome.error.code}: ${outcome.error.message})` : '';
        out.info(`${mark} ${done}/${total} ${outcome.status} ${mod.signOf(outcome.action)} ${mod.describeAction(outcome.action).replace(/ {2,}/g, ' ')}${why}`);
      },
    }),
  );
}

/** `roster apply <plan.json | roster.yaml --yes>`: make the changes of a plan. */
export const apply: CommandSpec = {
  path: ['apply'],
  summary: 'apply a saved plan, or plan and apply a roster file in one step (confirm, or --yes)',
  description:
    'With a saved plan (roster plan -o plan.json): applies exactly its actions, after checking that the workspace has not\n' +
    'changed since (its fingerprint) and that its actions keep an enabled ADMIN and stay within the removal limit; if not,\n' +
    'nothing is sent. With a roster file: plans, then applies. Either way, after confirmation on a terminal, or with --yes. Access is granted before any is taken away, so the workspace keeps\n' +
    'an enabled ADMIN at every step; rate limits are waited out; a failed action does not stop the others.\n' +
    'Every outcome is printed (stderr) and, with --result, written as JSON. --dry-run shows the plan and sends nothing.\n' +
    'Exit codes: 0 done (or nothing to do), 1 error, 2 changes pending (--dry-run), 3 some actions failed.',
  examples: ['roster apply plan.json --yes', 'roster apply roster.yaml --yes --result apply-result.json', 'roster apply roster.yaml --dry-run'],
  kind: 'destructive',
  configure(command) {
    command
      .argument('<file>', 'a saved plan (.json) or a roster file (YAML, or CSV)')
      .option('--result <file>', 'write every action\'s outcome to this JSON file')
      .addOption(new Option('--concurrency <n>', 'actions in flight at once within a phase (1-16, default 4)').argParser(concurrencyOf));
    addCsvOptions(command);
    addGuardOptions(command);
  },
  async run(context, { args, options }) {
    const mod = await access();
    const path = String(args[0]);
    let made: Plan;
    let live: LiveState;
    const saved = /\.json$/i.test(path);
    if (saved) {
      made = await savedPlan(path);
      // Checked before anything is shown: a plan made against another workspace is not one to review.
      live = await readLive(context, mod, made.groups);
      const actual = mod.fingerprintOf(live, mod.ignoreMatcher(made.ignore));
      if (actual !== made.fingerprint) await planning(mod, () => Promise.reject(new mod.StalePlanError(made.fingerprint, actual)));
    } else {
      const read = await readRosterAndLive(context, mod, path, options);
      live = read.live;
      made = await planning(mod, () => Promise.resolve(mod.planRoster(read.file, read.live, planOptions(options))));
    }
    if (options.dryRun === true || made.actions.length === 0) {
      await context.out.data(mod.formatPlan(made, { color: context.out.color.isColorSupported }));
      if (options.dryRun === true && made.actions.length > 0) context.out.info('dry run: nothing was sent');
      return options.dryRun === true ? changesExit(made.actions.length > 0) : ExitCode.OK;
    }
    await context.out.data(mod.formatPlan(made, { color: context.out.color.isColorSupported }));
    // A saved plan changes the workspace just as much: the same confirmation, or --yes off a terminal.
    await context.confirm(`apply these ${made.actions.length} changes to the workspace?`, options);
    const result = await run(context, mod, made, live, options);
    if (typeof options.result === 'string') await context.out.writeFile(options.result, `${JSON.stringify(result, null, 2)}\n`);
    const summary = `${result.applied} applied, ${result.failed} failed, ${result.skipped} not sent`;
    context.out.info(result.failed + result.skipped === 0 ? `Apply complete: ${summary}.` : `Apply incomplete: ${summary}. Run \`roster plan\` again to see what is left.`);
    if (result.failed + result.skipped === 0) return ExitCode.OK;
    if (result.failed === 0) return ExitCode.INTERRUPTED;
    return result.applied === 0 ? ExitCode.FAILURE : ExitCode.PARTIAL;
  },
};
