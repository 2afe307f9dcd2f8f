/** The first retry after a transient failure waits this long; each further one twice as long. */
export const FIRST_RETRY_DELAY_MS = 30_000;

/**
 * How long to wait before retrying after the `consecutiveFailures`-th transient failure in a row:
 * 30 s, 60 s, 120 s... The caller caps it at the next scheduled run, so a retry never comes later
 * than the schedule would have.
 */
export function retryDelayMs(consecutiveFailures: number): number {
  const doublings = Math.max(0, Math.min(consecutiveFailures - 1, 20));
  return FIRST_RETRY_DELAY_MS * 2 ** doublings;
}

/** The retry time after a transient failure: the backoff, but never after the next scheduled run. */
export function retryAt(
  finishedAt: Date,
  consecutiveFailures: number,
  nextScheduled: Date | null,
): Date {
  const backoff = new Date(finishedAt.getTime() + retryDelayMs(consecutiveFailures));
  return nextScheduled !== null && nextScheduled < backoff ? nextScheduled : backoff;
}
