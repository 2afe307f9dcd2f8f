import type { Clock } from '@bwdc/core';

import type { Timer } from '../main/scheduler';

/**
 * Time that runs `factor` times faster from now on, for the scheduler of a test host: with 300,
 * the 5-minute minimum interval passes in a second, so a browser test sees a scheduled run
 * happen. Only the scheduler gets it; the Connector's sync times stay real.
 */
export function scaledTime(
  factor: number,
  real: Clock = { now: () => new Date() },
): {
  readonly clock: Clock;
  readonly timer: Timer;
} {
  if (!(Number.isFinite(factor) && factor >= 1)) {
    throw new RangeError(`The time scale must be a number of at least 1, not ${factor}.`);
  }
  const origin = real.now().getTime();
  return {
    clock: { now: () => new Date(origin + (real.now().getTime() - origin) * factor) },
    timer: {
      set: (callback, delayMs) => setTimeout(callback, Math.ceil(delayMs / factor)),
      clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
  };
}
