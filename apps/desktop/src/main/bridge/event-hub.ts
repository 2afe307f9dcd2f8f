import type { BridgeEvent, BridgeEvents } from '../../shared/bridge-events';

/** How long `next` waits for news before answering with none, so a poll never hangs forever. */
export const DEFAULT_EVENT_WAIT_MS = 25_000;
/** Events kept for a renderer that polls late; older ones are gone (it re-reads the status). */
const KEPT_EVENTS = 500;

interface Waiter {
  readonly after: number;
  readonly resolve: (events: BridgeEvents) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Main's events for the renderer, numbered, served by long polling: `next(after)` answers at once
 * with what came after `after`, or waits for the next event. Long polling works over Electron's
 * invoke and the test host's HTTP alike, so there is one way to listen, not one per transport.
 */
export class EventHub {
  /** Starts above 0, which asks for the current cursor: a first poll is never answered with 0. */
  private cursor = 1;
  private readonly kept: { readonly seq: number; readonly event: BridgeEvent }[] = [];
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly waitMs = DEFAULT_EVENT_WAIT_MS) {}

  publish(event: BridgeEvent): void {
    this.cursor += 1;
    this.kept.push({ seq: this.cursor, event });
    if (this.kept.length > KEPT_EVENTS) {
      this.kept.shift();
    }
    for (const waiter of [...this.waiters]) {
      this.answer(waiter, this.after(waiter.after));
    }
  }

  /**
   * Events after `after`. 0 answers at once with the current cursor and no events, so a renderer
   * that starts late gets no backlog and misses nothing from then on. A cursor ahead of ours
   * (main restarted) waits for the next event.
   */
  next(after: number): Promise<BridgeEvents> {
    if (after === 0) {
      return Promise.resolve({ cursor: this.cursor, events: [] });
    }
    if (after < this.cursor) {
      return Promise.resolve(this.after(after));
    }
    const from = this.cursor;
    return new Promise((resolve) => {
      const waiter: Waiter = {
        after: from,
        resolve,
        timer: setTimeout(() => this.answer(waiter, { cursor: from, events: [] }), this.waitMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Answers every waiting poll with nothing (the app is quitting). */
  close(): void {
    for (const waiter of [...this.waiters]) {
      this.answer(waiter, { cursor: waiter.after, events: [] });
    }
  }

  private after(after: number): BridgeEvents {
    return {
      cursor: this.cursor,
      events: this.kept.filter((entry) => entry.seq > after).map((entry) => entry.event),
    };
  }

  private answer(waiter: Waiter, events: BridgeEvents): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    waiter.resolve(events);
  }
}
