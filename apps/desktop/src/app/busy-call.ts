import { inject, PendingTasks, type Signal, signal } from '@angular/core';

import { type Failure, failureOf } from './failure';

/** What a screen does around a call besides showing busy and the failure. */
export interface BusyCallOptions {
  /** Runs when the call fails, before its failure shows (say, to drop a result it would pass for). */
  readonly onFailure?: () => void;
  /** Awaited after the call whatever came of it, still busy (say, to read the status again). */
  readonly settle?: () => Promise<void>;
}

/** A call to main that one button starts: busy while it runs, and why it failed until the next. */
export interface BusyCall {
  readonly busy: Signal<boolean>;
  readonly failure: Signal<Failure | null>;
  /** Runs `work` unless a run is under way: a second click while main works does nothing. */
  run(work: () => Promise<unknown>, options?: BusyCallOptions): Promise<void>;
}

/** A `BusyCall`; call it in an injection context (a component's field). */
export function busyCall(): BusyCall {
  const pendingTasks = inject(PendingTasks);
  const busy = signal(false);
  const failure = signal<Failure | null>(null);
  return {
    busy: busy.asReadonly(),
    failure: failure.asReadonly(),
    async run(work, { onFailure, settle } = {}) {
      if (busy()) {
        return;
      }
      busy.set(true);
      failure.set(null);
      // The app is not stable while main works (`whenStable` waits for it).
      const done = pendingTasks.add();
      try {
        await work();
      } catch (error) {
        onFailure?.();
        failure.set(failureOf(error));
      } finally {
        await settle?.();
        busy.set(false);
        done();
      }
    },
  };
}
