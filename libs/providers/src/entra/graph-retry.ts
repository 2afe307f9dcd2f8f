import { parseRetryAfter } from '@bwdc/core';

import { abortableSleep } from '../shared/abortable-sleep';

/** Bounds for retrying Graph calls that were throttled or failed on Microsoft's side. */
export interface GraphRetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** The first backoff when Graph gives no `Retry-After`; doubled each attempt, with jitter. */
  readonly baseDelayMs: number;
  /** No single wait is longer, whatever `Retry-After` asks. */
  readonly maxDelayMs: number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A number in [0, 1) for jitter. */
  readonly random: () => number;
}

export const DEFAULT_GRAPH_RETRY: GraphRetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  sleep: abortableSleep,
  random: Math.random,
};

/** Throttled (429) or a transient server failure: Graph's guidance is to wait and retry. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/**
 * How long to wait before attempt `attempt + 1`: what `Retry-After` asks (seconds or an HTTP
 * date), else an exponential backoff with full jitter; never more than `maxDelayMs`.
 */
export function retryDelayMs(
  retryAfter: string | undefined,
  attempt: number,
  policy: GraphRetryPolicy,
  now = Date.now(),
): number {
  const asked = parseRetryAfter(retryAfter, new Date(now));
  if (asked !== undefined) {
    return Math.min(policy.maxDelayMs, asked);
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(policy.random() * ceiling);
}
