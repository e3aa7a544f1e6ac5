import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY, isRetryable, parseRetryAfter, resolveRetry } from '../src/retry.js';
import { NetworkError, RateLimitError, ServerError, TimeoutError, ValidationError } from '../src/index.js';

describe('parseRetryAfter', () => {
  it('reads delay-seconds, fractional seconds included', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('0.25')).toBe(250);
    expect(parseRetryAfter(' 1.5 ')).toBe(1500);
  });

  it('reads an HTTP date against the response Date header, so clock skew cancels out', () => {
    const serverNow = 'Wed, 21 Oct 2026 07:28:00 GMT';
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:03 GMT', serverNow, 0)).toBe(3000);
  });

  it('reads an HTTP date against the local clock without a Date header', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:02 GMT', null, now)).toBe(2000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', null, now)).toBe(0);
  });

  it('ignores missing or unreadable values', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-1')).toBeUndefined();
  });
});

describe('backoffDelay (full jitter)', () => {
  it('stays between 0 and the exponential ceiling', () => {
    const policy = resolveRetry(DEFAULT_RETRY, { baseDelayMs: 100, maxDelayMs: 1000 });
    expect(backoffDelay(1, policy, () => 0)).toBe(0);
    expect(backoffDelay(1, policy, () => 0.999)).toBe(100);
    expect(backoffDelay(3, policy, () => 0.999)).toBe(400);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(999);
  });
});

describe('isRetryable', () => {
  const policy = DEFAULT_RETRY;
  it('retries rate limits for every operation', () => {
    expect(isRetryable(new RateLimitError('x', { status: 429 }), false, policy)).toBe(true);
    expect(isRetryable(new RateLimitError('x', { status: 420 }), false, policy)).toBe(true);
  });
  it('retries 502/503/504, network errors and time-outs only for idempotent operations', () => {
    for (const status of [502, 503, 504]) {
      expect(isRetryable(new ServerError('x', { status }), true, policy)).toBe(true);
      expect(isRetryable(new ServerError('x', { status }), false, policy)).toBe(false);
    }
    expect(isRetryable(new NetworkError('x'), true, policy)).toBe(true);
    expect(isRetryable(new NetworkError('x'), false, policy)).toBe(false);
    expect(isRetryable(new TimeoutError('x', { timeoutMs: 1 }), true, policy)).toBe(true);
  });
  it('never retries a 500 by default, nor client errors', () => {
    expect(isRetryable(new ServerError('x', { status: 500 }), true, policy)).toBe(false);
    expect(isRetryable(new ValidationError('x'), true, policy)).toBe(false);
  });
  it('follows a configured status list', () => {
    const custom = resolveRetry(policy, { retryOnStatus: [500] });
    expect(isRetryable(new ServerError('x', { status: 500 }), true, custom)).toBe(true);
    expect(isRetryable(new ServerError('x', { status: 503 }), true, custom)).toBe(false);
  });
});

describe('resolveRetry', () => {
  it('merges over the base, keeps unspecified values, and false means one attempt', () => {
    expect(resolveRetry(DEFAULT_RETRY, { maxAttempts: 5 })).toMatchObject({ maxAttempts: 5, baseDelayMs: 300 });
    expect(resolveRetry(DEFAULT_RETRY, { maxAttempts: undefined } as never).maxAttempts).toBe(3);
    expect(resolveRetry(DEFAULT_RETRY, false).maxAttempts).toBe(1);
  });
});
