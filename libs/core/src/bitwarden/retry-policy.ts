import { BitwardenError } from './bitwarden-error';

/** Bounds for retrying throttled or failed requests. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** No retry starts once this much time has been spent waiting on one request. */
  readonly maxTotalDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxTotalDelayMs: 120_000,
};

export interface RetryEnvironment {
  readonly sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1) for jitter. */
  readonly random: () => number;
}

export const realRetryEnvironment: RetryEnvironment = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/**
 * Runs `attempt` until it succeeds, fails for good, or the policy's bounds are reached. Retries
 * only transient Bitwarden errors (429, 5xx, a dropped connection), waiting what `Retry-After`
 * asks or else an exponential backoff with full jitter.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  environment: RetryEnvironment,
): Promise<T> {
  let waited = 0;
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof BitwardenError) || !error.transient) {
        throw error;
      }
      const delay = retryDelay(error, attemptNumber, policy, environment.random);
      if (attemptNumber >= policy.maxAttempts || waited + delay > policy.maxTotalDelayMs) {
        throw exhausted(error, attemptNumber);
      }
      waited += delay;
      await environment.sleep(delay);
    }
  }
}

function retryDelay(
  error: BitwardenError,
  attemptNumber: number,
  policy: RetryPolicy,
  random: () => number,
): number {
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptNumber - 1));
  return Math.round(random() * ceiling);
}

function exhausted(error: BitwardenError, attempts: number): BitwardenError {
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  return new BitwardenError(error.code, `${error.message} Gave up after ${tries}.`, error.remedy, {
    ...(error.status === undefined ? {} : { status: error.status }),
    cause: error,
  });
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
