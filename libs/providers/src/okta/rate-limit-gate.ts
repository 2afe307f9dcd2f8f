import { abortableSleep } from '../shared/abortable-sleep';

/**
 * Paces calls by Okta's rate-limit headers instead of upstream's fixed 500 ms between group
 * calls: calls go out freely while `X-Rate-Limit-Remaining` says there is room, and once the
 * window is spent the next calls wait until `X-Rate-Limit-Reset` (epoch seconds). Calls in
 * flight are counted against what is left, so a handful of parallel calls do not overshoot.
 */
export class RateLimitGate {
  /** What the window has left after the calls in flight; null when unknown (no answer yet). */
  private remaining: number | null = null;
  /** When the current window ends (ms since the epoch). */
  private resetAt = 0;
  private inFlight = 0;

  constructor(
    /** Waited past the reset, for the clocks of the two sides and Okta's rounding. */
    private readonly marginMs = 50,
    private readonly now: () => number = Date.now,
    private readonly onWait?: (waitMs: number) => void,
  ) {}

  /** Resolves when a call may go out, and counts it. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      if (this.remaining === null || this.remaining > 0) {
        break;
      }
      const waitMs = this.resetAt + this.marginMs - this.now();
      if (waitMs <= 0) {
        // A new window whose size is not known yet: the first answer in it tells.
        this.remaining = null;
        break;
      }
      this.onWait?.(waitMs);
      await abortableSleep(waitMs, signal);
    }
    this.inFlight += 1;
    if (this.remaining !== null) {
      this.remaining -= 1;
    }
  }

  /** A call was answered, with these headers (absent headers leave the estimate as it was). */
  answered(remainingHeader: string | null, resetHeader: string | null): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    const remaining = Number(remainingHeader);
    const resetAt = Number(resetHeader) * 1000;
    if (
      remainingHeader === null ||
      resetHeader === null ||
      !Number.isFinite(remaining) ||
      !Number.isFinite(resetAt)
    ) {
      return;
    }
    const left = Math.max(0, remaining - this.inFlight);
    if (resetAt > this.resetAt) {
      this.resetAt = resetAt;
      this.remaining = left;
    } else if (resetAt === this.resetAt) {
      this.remaining = this.remaining === null ? left : Math.min(this.remaining, left);
    }
  }

  /** A call failed without an answer. */
  failed(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }
}
