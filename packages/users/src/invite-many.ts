import { isRosterError, RosterError, type CallOptions } from '@roster/client';
import type { Context } from './context.js';
import { invite, listInvited } from './core.js';
import type { InviteInput, InviteOutcome, InviteProgress } from './types.js';
import { throwIfInvalid } from './validate.js';

/** Options of {@link Users.inviteMany}. Call options (`timeoutMs`, `retry`, `headers`) apply to every request. */
export interface InviteManyOptions extends CallOptions {
  /**
   * How many invitations are in flight at once (1 to 32).
   * @defaultValue 4
   */
  concurrency?: number | undefined;
  /** Called after each entry settles, in the order they settle. An exception it throws is ignored. */
  onProgress?: ((progress: InviteProgress) => void) | undefined;
  /**
   * Send again to addresses that already have a pending invitation, instead of reporting them `already-invited`.
   * @defaultValue false
   */
  resend?: boolean | undefined;
}

// Bulk runs meet rate limits by design: give each request more room to wait them out than a single call gets.
const BULK_RETRY = { maxAttempts: 6 } as const;

// Array.isArray would narrow a readonly array parameter to any[].
const isList = (value: unknown): boolean => Array.isArray(value);

export async function inviteMany(context: Context, entries: readonly InviteInput[], options: InviteManyOptions = {}): Promise<InviteOutcome[]> {
  const { concurrency = 4, onProgress, resend = false, signal, ...callOptions } = options;
  const issues: { path: string; message: string }[] = [];
  if (!isList(entries)) issues.push({ path: 'entries', message: 'must be an array' });
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) issues.push({ path: 'concurrency', message: 'must be an integer from 1 to 32' });
  throwIfInvalid('inviteMany', issues);
  const perCall: CallOptions = { ...callOptions, signal, retry: callOptions.retry === false ? false : { ...BULK_RETRY, ...callOptions.retry } };

  const outcomes: (InviteOutcome | undefined)[] = new Array<InviteOutcome | undefined>(entries.length);
  let done = 0;
  const settle = (outcome: InviteOutcome) => {
    outcomes[outcome.index] = outcome;
    done += 1;
    try {
      onProgress?.({ done, total: entries.length, outcome });
    } catch {
      // Progress reporting must not stop the run.
    }
  };

  // One listing up front tells which addresses already have a pending invitation.
  const pending = new Set<string>();
  if (!resend && entries.length > 0) {
    for (const invited of await listInvited(context, perCall)) pending.add(invited.email.toLowerCase());
  }

  const firstIndexOf = new Map<string, number>();
  const queue: number[] = [];
  entries.forEach((entry, index) => {
    const email = typeof entry?.email === 'string' ? entry.email : String(entry?.email);
    const key = email.toLowerCase();
    const first = firstIndexOf.get(key);
    if (first !== undefined) settle({ index, email, status: 'duplicate', duplicateOf: first });
    else {
      firstIndexOf.set(key, index);
      if (pending.has(key)) settle({ index, email, status: 'already-invited' });
      else queue.push(index);
    }
  });

  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const index = queue[next++]!;
      const entry = entries[index]!;
      const email = String(entry?.email);
      if (signal?.aborted) {
        settle({ index, email, status: 'skipped' });
        continue;
      }
      try {
        await invite(context, entry, perCall);
        settle({ index, email, status: 'invited' });
      } catch (error) {
        // Not a Roster error (a bug, or a throwing getter in an entry): say so, keep it as the cause.
        const failure = isRosterError(error) ? error : new RosterError(`Unexpected failure in inviteMany: ${String(error)}`, { operationName: 'InviteUser', cause: error });
        settle({ index, email, status: 'failed', error: failure });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return outcomes as InviteOutcome[];
}
