import { ChangeDetectionStrategy, Component, inject, PendingTasks, signal } from '@angular/core';

import { CONNECTOR } from '../connector.token';
import { type Failure, failureOf } from '../failure';
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
        [busy]="busy()"
        [(open)]="confirming"
        (confirmed)="logOut()"
      >
        <p>
          The organization's API key is removed from this computer, for the bwdc command line too.
          Syncs, scheduled ones included, fail until someone logs in again.
        </p>
      </bwdc-confirmed-action>
      @if (failure(); as failure) {
        <bwdc-failure-alert [failure]="failure" />
      }
    </section>
  `,
})
export class LogOutComponent {
  private readonly connector = inject(CONNECTOR);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly state = inject(AppState);

  readonly confirming = signal(false);
  readonly busy = signal(false);
  readonly failure = signal<Failure | null>(null);

  async logOut(): Promise<void> {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    const done = this.pendingTasks.add();
    try {
      await this.connector.logout();
      this.confirming.set(false);
    } catch (error) {
      this.failure.set(failureOf(error));
    } finally {
      // Logged out, the status makes the shell show the login in place of this screen.
      await this.state.refresh();
      this.busy.set(false);
      done();
    }
  }
}
