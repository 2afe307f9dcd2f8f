import { ChangeDetectionStrategy, Component, inject, PendingTasks, signal } from '@angular/core';

import { CONNECTOR } from '../connector.token';
import { type Failure, failureOf } from '../failure';
import { AppState } from '../state/app-state.service';
import { FailureAlertComponent } from '../failure-alert.component';

/** Log out, once the user has confirmed it here; the shell then shows the login. */
@Component({
  selector: 'bwdc-log-out',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FailureAlertComponent],
  template: `
    <section>
      <h2>Log out</h2>
      <button
        #trigger
        type="button"
        class="log-out"
        aria-controls="log-out-confirmation"
        [attr.aria-expanded]="confirming()"
        [disabled]="busy()"
        (click)="confirming.set(!confirming())"
      >
        Log out
      </button>
      @if (confirming()) {
        <div
          id="log-out-confirmation"
          class="confirmation"
          role="group"
          aria-label="Confirm log out"
        >
          <p>
            The organization's API key is removed from this computer, for the bwdc command line too.
            Syncs, scheduled ones included, fail until someone logs in again.
          </p>
          <button type="button" class="confirm-log-out" [disabled]="busy()" (click)="logOut()">
            {{ busy() ? 'Logging out…' : 'Log out' }}
          </button>
          <button
            type="button"
            class="cancel-log-out"
            [disabled]="busy()"
            (click)="confirming.set(false); trigger.focus()"
          >
            Cancel
          </button>
        </div>
      }
      @if (failure(); as failure) {
        <bwdc-failure-alert [failure]="failure" />
      }
    </section>
  `,
  styles: `
    .confirmation {
      margin-top: 0.5rem;
      padding: 0.5rem 1rem;
      border: 1px solid var(--border, #ccc);
    }

    .failure {
      color: var(--danger, #b00020);
    }
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
