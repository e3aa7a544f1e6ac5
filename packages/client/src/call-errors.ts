import { AbortError, OperationFailedError, ValidationError } from './errors.js';

// Errors a call raises itself, rather than classifies from a response (see classify.ts).

/** Throws {@link OperationFailedError} when a root field of a successful response answers `ok: false`. */
export function checkOk(name: string, data: Record<string, unknown>, status: number, attempt: number): void {
  for (const key of Object.keys(data)) {
    const field = data[key];
    if (typeof field === 'object' && field !== null && (field as { ok?: unknown }).ok === false) {
      throw new OperationFailedError(`Operation failed in ${name}: the server answered ok: false for ${key}`, {
        operationName: name,
        status,
        data,
        attempts: attempt,
      });
    }
  }
}

/** The variables as JSON, or a {@link ValidationError} when they cannot be serialised. */
export function serialize(name: string, variables: object): string {
  try {
    return JSON.stringify(variables);
  } catch (cause) {
    // A BigInt or a cycle: say so as bad input instead of leaking a raw TypeError.
    throw new ValidationError(`Invalid variables for ${name}: they cannot be serialised to JSON`, {
      operationName: name,
      issues: [{ path: 'variables', message: cause instanceof Error ? cause.message : String(cause) }],
      cause,
    });
  }
}

/** The error for a call its caller aborted, after `attempts` attempts. */
export function abortError(name: string, attempts: number, reason: unknown): AbortError {
  return new AbortError(`Aborted ${name}${attempts > 0 ? ` after ${attempts} attempt(s)` : ' before sending it'}`, {
    operationName: name,
    attempts,
    cause: reason,
  });
}

/** A one-line description of why `fetch` rejected. */
export function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as { cause?: unknown }).cause;
  // fetch's TypeError says only "fetch failed": the reason is in its cause, by code or message.
  const detail =
    inner && typeof inner === 'object' && 'code' in inner
      ? ` (${String(inner.code)})`
      : inner instanceof Error && inner.message !== ''
        ? ` (${inner.message})`
        : '';
  return `${cause.message}${detail}`;
}
