import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';

import { CONNECTOR } from '../connector.token';
import { busyCall } from '../busy-call';
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
        [busy]="call.busy()"
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
      @if (call.failure(); as failure) {
        <bwdc-failure-alert [failure]="failure" />
      }
    </section>
  `,
})
export class ClearCacheComponent {
  private readonly connector = inject(CONNECTOR);
  private readonly state = inject(AppState);

  readonly confirming = signal(false);
  readonly call = busyCall();
  readonly cleared = signal(false);

  clearCache(): Promise<void> {
    return this.call.run(
      async () => {
        this.cleared.set(false);
        await this.connector.clearCache();
        this.confirming.set(false);
        this.cleared.set(true);
      },
      // The last syncs read "Never" now.
      { settle: () => this.state.refresh() },
    );
  }
}
