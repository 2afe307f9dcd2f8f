import { ChangeDetectionStrategy, Component, inject, PendingTasks, signal } from '@angular/core';

import { CONNECTOR } from '../connector.token';
import { type Failure, failureOf } from '../failure';
import { AppState } from '../state/app-state.service';
import { FailureAlertComponent } from '../failure-alert.component';
import { ConfirmedActionComponent } from './confirmed-action.component';

/** Forgets where the last sync left off, once the user has confirmed it here. */
@Component({
  selector: 'bwdc-clear-cache',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConfirmedActionComponent, FailureAlertComponent],
  template: `
    <section>
      <h2>Sync cache</h2>
      <p>What the last sync sent, kept so the next one sends only changes.</p>
      <bwdc-confirmed-action
        name="clear-cache"
        label="Clear sync cache"
        busyLabel="Clearing…"
        question="Confirm clearing the sync cache"
        [busy]="busy()"
        [(open)]="confirming"
        (confirmed)="clearCache()"
      >
        <p class="clear-cache-consequence">
          The next sync reads the whole directory and sends everything to Bitwarden again, even what
          has not changed.
        </p>
      </bwdc-confirmed-action>
      @if (cleared()) {
        <p class="cache-cleared" role="status">
          The sync cache is cleared: the next sync reads and sends everything.
        </p>
      }
      @if (failure(); as failure) {
        <bwdc-failure-alert [failure]="failure" />
      }
    </section>
  `,
})
export class ClearCacheComponent {
  private readonly connector = inject(CONNECTOR);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly state = inject(AppState);

  readonly confirming = signal(false);
  readonly busy = signal(false);
  readonly cleared = signal(false);
  readonly failure = signal<Failure | null>(null);

  async clearCache(): Promise<void> {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.cleared.set(false);
    this.failure.set(null);
    const done = this.pendingTasks.add();
    try {
      await this.connector.clearCache();
      this.confirming.set(false);
      this.cleared.set(true);
    } catch (error) {
      this.failure.set(failureOf(error));
    } finally {
      // The last syncs read "Never" now.
      await this.state.refresh();
      this.busy.set(false);
      done();
    }
  }
}
