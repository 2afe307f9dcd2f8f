/** Whatever `set` returns, handed back to `clear`. */
export type TimerHandle = unknown;

/** `setTimeout`/`clearTimeout`, injected so tests drive time without waiting. */
export interface Timer {
  set(callback: () => void, delayMs: number): TimerHandle;
  clear(handle: TimerHandle): void;
}

/**
 * Node fires a longer timeout at once (it is a signed 32-bit count), so longer waits are armed
 * in steps and re-armed until the due time.
 */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

export const systemTimer: Timer = {
  set: (callback, delayMs) => setTimeout(callback, delayMs),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
