// What the access-as-code commands (plan, apply, drift, dump) share: reading the roster
// file, the planner's options, and turning the planner's refusals into CLI errors.
import { Option, type Command } from 'commander';
import type * as Access from '@roster/access/node';
import type { CommandContext } from '../command.js';
import { CliError, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';

/** The `@roster/access` module. */
export type AccessModule = typeof Access;

let loaded: Promise<AccessModule> | undefined;

/** Loads `@roster/access` once, on first use: `roster --help` never evaluates it. */
export function access(): Promise<AccessModule> {
  loaded ??= import('@roster/access/node');
  return loaded;
}

/** Options for a CSV roster file, which cannot say them itself. */
export function addCsvOptions(command: Command): void {
  command
    .addOption(new Option('--mode <mode>', 'for a CSV file: additive (only listed members are managed) or authoritative').choices(['additive', 'authoritative']))
    .addOption(new Option('--ignore <pattern...>', 'for a CSV file: addresses or patterns (*@svc.acme.io) never touched'));
}

/** The removal guard's options. */
export function addGuardOptions(command: Command): void {
  command
    .option('--allow-mass-removal', 'allow disabling or revoking more than the removal limit')
    .addOption(new Option('--max-removals <n>', 'the removal limit: most users disabled or revoked (default 10)').argParser(positiveInt('--max-removals')))
    .addOption(new Option('--max-removal-share <fraction>', 'the removal limit: most of the workspace, e.g. 0.25 (default)').argParser(fraction));
}

function positiveInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number, got '${value}'`);
    return n;
  };
}

function fraction(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new UsageError(`--max-removal-share must be a number from 0 to 1, got '${value}'`);
  return n;
}

/** The planner's options from the command line. */
export function planOptions(options: Readonly<Record<string, unknown>>): Access.PlanOptions {
  const count = options.maxRemovals as number | undefined;
  const share = options.maxRemovalShare as number | undefined;
  return { allowMassRemoval: options.allowMassRemoval === true, removalLimit: { count, share } };
}

function csvOptions(file: string, options: Readonly<Record<string, unknown>>): Access.CsvRosterOptions {
  const csv = { mode: options.mode as Access.RosterMode | undefined, ignore: options.ignore as string[] | undefined };
  if (!/\.csv$/i.test(file) && (csv.mode !== undefined || csv.ignore !== undefined)) {
    throw new UsageError('--mode and --ignore are for CSV files: a YAML roster file says `mode:` and `ignore:` itself');
  }
  return csv;
}

/**
 * Reads and checks a roster file, with the CSV options, and the live workspace (every page)
 * at the same time: the file is parsed while the listing waits on the server.
 */
export async function readRosterAndLive(
  context: CommandContext,
  mod: AccessModule,
  file: string,
  options: Readonly<Record<string, unknown>>,
): Promise<{ file: Access.RosterFile; live: Access.LiveState }> {
  const csv = csvOptions(file, options);
  const roster = await context.roster();
  if (context.out.interactive) context.out.info(context.out.colorErr.dim('reading the roster file and the workspace…'));
  try {
    return await planning(mod, () => mod.readRosterAndLive(roster, file, { csv, signal: context.signal }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`no such file: ${file}`, { code: 'NOT_FOUND', hint: 'write one with `roster dump > roster.yaml`' });
    throw error;
  }
}

/**
 * Runs a step of a plan-style command, turning the planner's typed refusals into CLI errors
 * with hints, all with exit code 1 (Terraform's "error").
 */
export async function planning<T>(mod: AccessModule, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof mod.RosterFileError) {
      throw new CliError(error.message, { code: 'INVALID_ROSTER_FILE', hint: 'fix the file: each problem names its line and column' });
    }
    if (error instanceof mod.PlanRefusedError) {
      const hint =
        error.reason === 'mass-removal'
          ? 'check the file; if so many removals are really meant, pass --allow-mass-removal (or raise --max-removals / --max-removal-share)'
          : 'keep at least one member with role ADMIN who is (or will be) an enabled user';
      throw new CliError(error.message, { code: 'PLAN_REFUSED', hint });
    }
    if (error instanceof mod.StalePlanError) {
      throw new CliError(error.message, { code: 'STALE_PLAN', hint: 'run `roster plan` again, review it, and apply the new plan' });
    }
    throw error;
  }
}

/** Reads the live workspace (every page), telling the reader on a terminal. */
export async function readLive(context: CommandContext, mod: AccessModule, groups: boolean): Promise<Access.LiveState> {
  const roster = await context.roster();
  if (context.out.interactive) context.out.info(context.out.colorErr.dim('reading the workspace…'));
  return mod.readLiveState(roster, { groups, signal: context.signal });
}

/** Exit code of a plan or drift check: 0 when nothing is to do, 2 otherwise. */
export const changesExit = (changes: boolean): ExitCode => (changes ? ExitCode.CHANGES : ExitCode.OK);
