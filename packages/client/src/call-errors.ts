import { AbortError, ValidationError } from './errors.js';

// Errors a call raises itself, rather than classifies from a response (see classify.ts).

/** The first root field of a successful response that answers `ok: false`, if any. */
export function failedField(data: object): string | undefined {
  return Object.keys(data).find((key) => (data as Record<string, { ok?: unknown } | null>)[key]?.ok === false);
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

/** A one-line description of why `fetch` rejected; a connection failure names the host and port (`fetch failed (ECONNREFUSED 127.0.0.1:4200)`). */
export function describeCause(cause: unknown, hostPort: string): string {
  if (!(cause instanceof Error)) return `${String(cause)} (${hostPort})`;
  const inner = (cause as { cause?: unknown }).cause;
  // fetch's TypeError says only "fetch failed": the reason is in its cause, by code or message.
  // A code names a connection failure: say where to (a message, e.g. `unexpected redirect`, says enough).
  const detail = inner && typeof inner === 'object' && 'code' in inner ? `${String(inner.code)} ${hostPort}` : inner instanceof Error ? inner.message : hostPort;
  return `${cause.message} (${detail})`;
}
