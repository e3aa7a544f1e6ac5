import { ValidationError } from './errors.js';
import type { ResolvedRetry } from './retry.js';

// The checks of client and call options: each throws a ValidationError that names the
// option, so bad configuration fails at construction (or before a call sends anything).

/** A copy of headers with lower-case names, so that later entries override earlier ones reliably. */
export function lowerCaseKeys(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (headers) for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = value;
  return result;
}

/** The endpoint as a normalised absolute http(s) URL. */
export function checkEndpoint(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ValidationError('Invalid client options: apiEndpoint must be an absolute http(s) URL', {
      issues: [{ path: 'apiEndpoint', message: 'must be an absolute http(s) URL' }],
    });
  }
  return url.href;
}

/** A positive, finite number of milliseconds, or `undefined` when not given. */
export function checkPositive(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new ValidationError(`Invalid option: ${name} must be a positive, finite number of milliseconds`, {
      issues: [{ path: name, message: 'must be a positive, finite number' }],
    });
  }
  return value;
}

/** A resolved retry policy whose numbers are in range. */
export function checkRetry(policy: ResolvedRetry): ResolvedRetry {
  const issues: { path: string; message: string }[] = [];
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) issues.push({ path: 'retry.maxAttempts', message: 'must be an integer ≥ 1' });
  for (const key of ['baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const) {
    if (typeof policy[key] !== 'number' || !(policy[key] >= 0)) issues.push({ path: `retry.${key}`, message: 'must be a number ≥ 0' });
  }
  if (policy.deadlineMs !== undefined && !(policy.deadlineMs > 0)) issues.push({ path: 'retry.deadlineMs', message: 'must be > 0' });
  if (issues.length > 0) {
    throw new ValidationError(`Invalid retry options: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, { issues });
  }
  return policy;
}
