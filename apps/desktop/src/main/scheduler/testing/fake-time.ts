import type { Clock } from '@bwdc/core';

import type { Timer, TimerHandle } from '../timer';

interface Pending {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/**
 * A clock and a timer that move only when told, so a test can cover hours of schedule at once.
 * `advance` fires due timers in order, letting the work each one starts finish (`settle`)
 * before looking for the next, as real time would.
 */
export class FakeTime implements Clock, Timer {
  private current: number;
  private nextId = 1;
  private pending: Pending[] = [];

  constructor(start: string) {
    this.current = Date.parse(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    this.pending.push({ id, at: this.current + delayMs, callback });
    return id;
  }

  clear(handle: TimerHandle): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }

  /** When the armed timers fire, soonest first (ISO times). */
  armed(): string[] {
    return [...this.pending]
      .sort((a, b) => a.at - b.at)
      .map((timer) => new Date(timer.at).toISOString());
  }

  async advance(ms: number, settle: () => Promise<void>): Promise<void> {
    const end = this.current + ms;
    await settle();
    for (;;) {
      const due = this.pending
        .filter((timer) => timer.at <= end)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) {
        break;
      }
      this.pending = this.pending.filter((timer) => timer !== due);
      this.current = Math.max(this.current, due.at);
      due.callback();
      await settle();
    }
    this.current = end;
  }
}
