import { ValidationError } from './errors.js';
import type { ResolvedRetry } from './retry.js';

// The checks of client and call options. Each appends what is wrong to `issues` instead of
// throwing, so that one ValidationError reports every bad option at once.

/** One problem with an option: its path, and what is wrong (the message never repeats the path). */
export type Issue = { path: string; message: string };

/**
 * The longest time, in milliseconds, a timer can wait: Node and browsers fire a longer
 * `setTimeout` after 1 ms, so longer time-outs and delays are refused, not shortened silently.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/** What a value is, for a message; never the value of a string, which could be a secret. */
export const kindOf = (value: unknown): string => (value === null ? 'null' : value === '' ? 'an empty string' : typeof value);

/** The environment variable of an option: `ROSTER_` and its name in upper snake case (apiKey: ROSTER_API_KEY). */
export const envName = (option: string): string => `ROSTER_${option.replace(/[A-Z]/g, '_$&').toUpperCase()}`;

/** A copy of headers with lower-case names, so that later entries override earlier ones reliably. */
export function lowerCaseKeys(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (headers) for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = value;
  return result;
}

/** The endpoint (a string or a `URL`) as a normalised absolute http(s) URL. */
export function checkEndpoint(value: unknown, issues: Issue[]): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' || value instanceof URL ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    issues.push({
      path: 'apiEndpoint',
      message: `must be an absolute http(s) URL, got ${value === undefined ? 'undefined (ROSTER_API_ENDPOINT)' : typeof value === 'string' && value ? `'${value}'` : kindOf(value)}`,
    });
    return '';
  }
  return url.href;
}

/** Appends an issue unless `value` is undefined or a number of milliseconds a timer can wait (> 0, or ≥ 0 with `zero`): at most {@link MAX_TIMER_MS}, about 24.8 days. */
export function checkMs(path: string, value: unknown, issues: Issue[], zero?: boolean): void {
  if (value !== undefined && !(typeof value === 'number' && (zero ? value >= 0 : value > 0) && value <= MAX_TIMER_MS)) {
    issues.push({ path, message: `must be ${zero ? 0 : 1} to ${MAX_TIMER_MS} ms, got ${typeof value === 'number' ? value : kindOf(value)}` });
  }
}

/** Appends the issues of a resolved retry policy. */
export function checkRetry(policy: ResolvedRetry, issues: Issue[]): ResolvedRetry {
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) issues.push({ path: 'retry.maxAttempts', message: `must be an integer ≥ 1, got ${policy.maxAttempts}` });
  for (const key of ['baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const) checkMs(`retry.${key}`, policy[key], issues, true);
  checkMs('retry.deadlineMs', policy.deadlineMs, issues);
  return policy;
}

/** Throws one ValidationError listing every issue, when there is any. */
export function throwIssues(what: string, issues: readonly Issue[]): void {
  if (issues.length > 0) {
    throw new ValidationError(`Invalid ${what}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, { issues });
  }
}
