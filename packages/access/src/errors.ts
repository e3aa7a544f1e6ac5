import { ConflictError, PreconditionError, ValidationError } from '@roster/users';
import type { SourceLocation } from './model.js';

/** One problem of a roster file, where it is. */
export interface FileProblem extends SourceLocation {
  /** What is wrong, e.g. `unknown role 'OWNER'`. */
  readonly message: string;
}

const where = (p: SourceLocation): string => `${p.file}:${p.line}:${p.column}`;

/**
 * A roster file that cannot be used: a syntax error, a duplicate address (in any case), an
 * unknown role, a malformed address, an unknown key or group. Every problem found is listed
 * in `problems`, each with its file, line and column; nothing was planned or sent.
 * @example
 * ```ts
 * try { parseRosterFile(text, 'roster.yaml'); }
 * catch (error) { if (error instanceof RosterFileError) for (const p of error.problems) console.error(`${p.file}:${p.line}:${p.column} ${p.message}`); }
 * ```
 */
export class RosterFileError extends ValidationError {
  /** Every problem, in file order. */
  readonly problems: readonly FileProblem[];

  constructor(problems: readonly FileProblem[]) {
    const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
    const shown = sorted.slice(0, 10).map((p) => `${where(p)}: ${p.message}`);
    if (sorted.length > 10) shown.push(`…and ${sorted.length - 10} more`);
    const noun = sorted.length === 1 ? 'problem' : 'problems';
    super(`Invalid roster file (${sorted.length} ${noun}):\n${shown.join('\n')}`, {
      issues: sorted.map((p) => ({ path: where(p), message: p.message })),
    });
    this.problems = sorted;
  }
}

/** Why {@link PlanRefusedError} refused a plan. */
export type RefusalReason = 'no-admin' | 'mass-removal';

/**
 * A plan that Roster will not make: it would leave the workspace without an enabled ADMIN
 * (`no-admin`), or it disables or revokes more than the removal limit allows
 * (`mass-removal`: pass `allowMassRemoval` when that is really meant).
 */
export class PlanRefusedError extends PreconditionError {
  /** Which safety rule refused the plan. */
  readonly reason: RefusalReason;

  constructor(reason: RefusalReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

/**
 * The workspace changed since the plan was made (its fingerprint no longer matches), so
 * the saved plan was not applied: nothing was sent. Plan again.
 */
export class StalePlanError extends ConflictError {
  /** The fingerprint recorded in the plan. */
  readonly expected: string;
  /** The fingerprint of the workspace now. */
  readonly actual: string;

  constructor(expected: string, actual: string) {
    super(
      `The workspace changed since this plan was made (fingerprint ${expected}, now ${actual}): nothing was applied. Run the plan again and review it.`,
    );
    this.expected = expected;
    this.actual = actual;
  }
}
