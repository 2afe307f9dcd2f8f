import { DestroyRef, Injectable, inject, signal } from '@angular/core';

import type { BridgeEvent, BridgeOperation } from '../../shared/bridge-events';
import type { StatusView } from '../../shared/status-view';
import { CONNECTOR } from '../connector.token';
import { type Failure, failureOf } from '../failure';

/** How long to wait before polling again after the events call failed. */
export const EVENTS_RETRY_MS = 2_000;

/** How far the directory read of the test or sync under way has got. */
export interface OperationProgress {
  readonly operation: BridgeOperation;
  readonly users: number;
  readonly groups: number;
}

/**
 * What every screen shares: main's status, read afresh whenever main announces a change (this
 * window's calls, a scheduled run, `bwdc` writing the data file), the progress of the read under
 * way, and a counter that moves when the settings changed under an open form.
 */
@Injectable({ providedIn: 'root' })
export class AppState {
  private readonly connector = inject(CONNECTOR);
  private listening = false;
  private stopped = false;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;

  readonly status = signal<StatusView | null>(null);
  /** Why the status could not be read, until it can again. */
  readonly statusFailure = signal<Failure | null>(null);
  readonly progress = signal<OperationProgress | null>(null);
  /** Moves on every settings change announced by main; a settings form watches it. */
  readonly settingsRevision = signal(0);

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.stopped = true;
    });
  }

  /** Reads the status and starts listening to main's events (once; later calls just refresh). */
  async start(): Promise<void> {
    if (!this.listening) {
      this.listening = true;
      void this.listen();
    }
    await this.refresh();
  }

  /** Reads the status again; calls made meanwhile share the read under way and one after it. */
  refresh(): Promise<void> {
    if (this.refreshing !== null) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = this.read().finally(() => {
      this.refreshing = null;
      if (this.refreshAgain) {
        this.refreshAgain = false;
        void this.refresh();
      }
    });
    return this.refreshing;
  }

  private async read(): Promise<void> {
    try {
      this.status.set(await this.connector.status());
      this.statusFailure.set(null);
    } catch (error) {
      this.statusFailure.set(failureOf(error));
    }
  }

  private async listen(): Promise<void> {
    let cursor = 0;
    while (!this.stopped) {
      try {
        const batch = await this.connector.events(cursor);
        cursor = batch.cursor;
        this.handle(batch.events);
      } catch {
        // Main restarting or the test host gone: try again shortly, the status shows the rest.
        await new Promise((resolve) => setTimeout(resolve, EVENTS_RETRY_MS));
      }
    }
  }

  private handle(events: readonly BridgeEvent[]): void {
    let statusChanged = false;
    for (const event of events) {
      switch (event.type) {
        case 'status-changed':
          statusChanged = true;
          break;
        case 'settings-changed':
          this.settingsRevision.update((revision) => revision + 1);
          break;
        case 'progress':
          this.progress.set({
            operation: event.operation,
            users: event.users,
            groups: event.groups,
          });
          break;
        case 'operation-finished':
          this.progress.set(null);
          break;
      }
    }
    if (statusChanged) {
      void this.refresh();
    }
  }
}
