import { type HttpFailure, readHttpFailure } from './http-failure';
import { abortableSleep } from '../shared/abortable-sleep';

/** How hard a throttled or failing call is retried before the read fails. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly maxAttempts: number;
  /** The first backoff when Google gives no `Retry-After`; doubled each time, with jitter. */
  readonly baseDelayMs: number;
  /** No single wait is longer, whatever `Retry-After` asks. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
};

/** Google's quota reasons; the Directory API answers some of them with 403 instead of 429. */
const QUOTA_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);
const TRANSIENT_ERRNOS = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

export function isRetryable(failure: HttpFailure): boolean {
  if (failure.status === null) {
    return failure.errno !== null && TRANSIENT_ERRNOS.has(failure.errno);
  }
  return (
    failure.status === 429 ||
    failure.status >= 500 ||
    (failure.status === 403 && failure.reason !== null && QUOTA_REASONS.has(failure.reason))
  );
}

/**
 * Runs `call`, retrying a 429, a 5xx, a quota 403 or a dropped connection: after `Retry-After`
 * when Google sends one, else after an exponential backoff. The last failure is rethrown.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
  onRetry?: (failure: HttpFailure, waitMs: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    signal?.throwIfAborted();
    try {
      return await call();
    } catch (error) {
      const failure = readHttpFailure(error);
      if (attempt >= policy.maxAttempts || !isRetryable(failure)) {
        throw error;
      }
      const backoff = policy.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
      const waitMs = Math.min(policy.maxDelayMs, failure.retryAfterMs ?? backoff);
      onRetry?.(failure, waitMs);
      await abortableSleep(waitMs, signal);
    }
  }
}
