import type { CommandContext } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import type { DataRecord } from '../format.js';

/** One change a command makes: what it is, and the request that makes it. */
export interface Mutation {
  /** What it does, as an imperative phrase: `disable ada@acme.io (Ada Lovelace, ADMIN, ACTIVE)`. */
  readonly action: string;
  /** What is said once it is done: `Disabled ada@acme.io`. */
  readonly done: string;
  /** The GraphQL operation it sends, e.g. `DisableUser`. */
  readonly operation: string;
  /** Its variables, as sent. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** Asks for confirmation first (disable, delete, revoke). */
  readonly destructive?: boolean;
  /** Sends it; may return the user as it is now. */
  perform(): Promise<DataRecord | undefined | void>;
}

/**
 * Runs a mutation the way every command does: with `--dry-run`, shows the request and sends
 * nothing; destructive ones are confirmed first (a prompt on a terminal, `--yes` otherwise);
 * then sends it, says so on stderr, and with `--json` writes the outcome on stdout.
 */
export async function mutate(context: CommandContext, options: Readonly<Record<string, unknown>>, mutation: Mutation): Promise<ExitCode> {
  const { out } = context;
  if (options.dryRun === true) {
    if (context.globals.json) {
      await out.data(`${JSON.stringify({ dryRun: true, action: mutation.action, operation: mutation.operation, variables: mutation.variables })}\n`);
    } else {
      await out.data(`Dry run: would ${mutation.action}\n  ${mutation.operation} ${JSON.stringify(mutation.variables)}\nNothing was sent.\n`);
    }
    return ExitCode.OK;
  }
  if (mutation.destructive) await context.confirm(`${mutation.action[0]?.toUpperCase() ?? ''}${mutation.action.slice(1)}?`, options);
  const result = await mutation.perform();
  out.info(`${out.colorErr.green('✓')} ${mutation.done}`);
  if (context.globals.json) await out.data(`${JSON.stringify({ ok: true, operation: mutation.operation, user: result ?? null })}\n`);
  return ExitCode.OK;
}
