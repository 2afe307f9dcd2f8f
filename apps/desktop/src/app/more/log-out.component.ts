import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';

import { CONNECTOR } from '../connector.token';
import { busyCall } from '../busy-call';
import { AppState } from '../state/app-state.service';
import { FailureAlertComponent } from '../failure-alert.component';
import { ConfirmedActionComponent } from './confirmed-action.component';

/** Log out, once the user has confirmed it here; the shell then shows the login. */
@Component({
  selector: 'bwdc-log-out',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConfirmedActionComponent, FailureAlertComponent],
  template: `
    <section>
      <h2>Log out</h2>
      <bwdc-confirmed-action
        name="log-out"
        label="Log out"
        busyLabel="Logging out…"
        question="Confirm log out"
        [busy]="call.busy()"
        [(open)]="confirming"
        (confirmed)="logOut()"
      >
        <p>
          The organization's API key is removed from this computer, for the bwdc command line too.
          Syncs, scheduled ones included, fail until someone logs in again.
        </p>
      </bwdc-confirmed-action>
      @if (call.failure(); as failure) {
        <bwdc-failure-alert [failure]="failure" />
      }
    </section>
  `,
})
export class LogOutComponent {
  private readonly connector = inject(CONNECTOR);
  private readonly state = inject(AppState);

  readonly confirming = signal(false);
  readonly call = busyCall();

  logOut(): Promise<void> {
    return this.call.run(
      async () => {
        await this.connector.logout();
        this.confirming.set(false);
      },
      // Logged out, the status makes the shell show the login in place of this screen.
      { settle: () => this.state.refresh() },
    );
  }
}
