import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  PendingTasks,
  signal,
} from '@angular/core';

import type { GuardRefusalView } from '../../shared/sync-now-view';
import { CONNECTOR } from '../connector.token';
import { busyCall } from '../busy-call';
import { failureOf } from '../failure';
import { AppState } from '../state/app-state.service';
import { DISPLAY_FORMAT } from '../format/display-format';
import { FailureAlertComponent } from '../failure-alert.component';
import { GuardConfirmationComponent } from './guard-confirmation/guard-confirmation.component';
import { type SyncNowResult, syncNowText } from './run-text';

/**
 * Start Sync, Stop Sync and Sync now, with what each call came to. A Sync now a guard refused
 * asks for confirmation, listing who would be removed; confirming syncs again with force.
 */
@Component({
  selector: 'bwdc-sync-controls',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FailureAlertComponent, GuardConfirmationComponent],
  template: `
    <div class="actions">
      <button type="button" class="start-sync" [disabled]="!canStart()" (click)="start()">
        Start interval syncs
      </button>
      <button type="button" class="stop-sync" [disabled]="!canStop()" (click)="stop()">
        Stop interval syncs
      </button>
      <button type="button" class="sync-now" [disabled]="syncing()" (click)="syncNow()">
        {{ syncing() ? 'Syncing…' : 'Sync now' }}
      </button>
    </div>

    @if (scheduleFailure(); as failure) {
      <bwdc-failure-alert class="schedule-failure" [failure]="failure" />
    }

    @if (refusal(); as refusal) {
      <bwdc-guard-confirmation
        [refusal]="refusal"
        [busy]="syncing()"
        (confirmed)="confirmSync()"
        (cancelled)="cancelSync()"
      />
    }

    @if (result(); as result) {
      @switch (result.kind) {
        @case ('done') {
          <p class="sync-result" role="status">{{ result.text }}</p>
        }
        @case ('failed') {
          <bwdc-failure-alert class="sync-result" [failure]="result.failure" />
        }
      }
    }
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }

    .failure {
      color: var(--danger, #b00020);
    }
  `,
})
export class SyncControlsComponent {
  private readonly connector = inject(CONNECTOR);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly state = inject(AppState);
  private readonly format = inject(DISPLAY_FORMAT);

  /** Start or Stop is with main. */
  private readonly scheduleCall = busyCall();
  readonly switching = this.scheduleCall.busy;
  /** This window's Sync now is with main. */
  private readonly syncCalled = signal(false);
  readonly scheduleFailure = this.scheduleCall.failure;
  readonly result = signal<SyncNowResult | null>(null);
  /** The guard's refusal of this window's last Sync now, until confirmed or cancelled. */
  readonly refusal = signal<GuardRefusalView | null>(null);

  private readonly schedule = computed(() => this.state.status()?.schedule ?? null);
  readonly canStart = computed(() => this.schedule()?.running === false && !this.switching());
  readonly canStop = computed(() => this.schedule()?.running === true && !this.switching());
  /** A sync from this window, a scheduled one or another's Sync now: main runs one at a time. */
  readonly syncing = computed(() => this.syncCalled() || (this.schedule()?.syncing ?? false));

  start(): Promise<void> {
    return this.switchSchedule(() => this.connector.startSchedule());
  }

  stop(): Promise<void> {
    return this.switchSchedule(() => this.connector.stopSchedule());
  }

  syncNow(): Promise<void> {
    return this.sync(false);
  }

  /** The user read who would be removed and confirmed it: sync past the guards. */
  confirmSync(): Promise<void> {
    return this.sync(true);
  }

  cancelSync(): void {
    this.refusal.set(null);
    this.result.set({ kind: 'done', text: 'Sync cancelled: nothing was sent.' });
  }

  private async sync(force: boolean): Promise<void> {
    if (this.syncing()) {
      return;
    }
    this.syncCalled.set(true);
    this.result.set(null);
    if (!force) {
      this.refusal.set(null);
    }
    const done = this.pendingTasks.add();
    try {
      const view = await this.connector.syncNow({ force });
      if (view.kind === 'guard-refused') {
        this.refusal.set(view.refusal);
      } else {
        this.refusal.set(null);
        this.result.set({ kind: 'done', text: syncNowText(view, this.format) });
      }
    } catch (error) {
      this.result.set({ kind: 'failed', failure: failureOf(error) });
    } finally {
      await this.state.refresh();
      this.syncCalled.set(false);
      done();
    }
  }

  private switchSchedule(call: () => Promise<unknown>): Promise<void> {
    return this.scheduleCall.run(call, {
      // The answer's schedule is also in the status; reading it keeps one source for the screen.
      settle: () => this.state.refresh(),
    });
  }
}
