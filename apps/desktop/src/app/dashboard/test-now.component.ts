import { ChangeDetectionStrategy, Component, inject, PendingTasks, signal } from '@angular/core';

import type { TestView } from '../../shared/connector-bridge';
import { CONNECTOR } from '../connector.token';
import { type Failure, failureOf } from '../failure';
import { TestResultsComponent } from './test-results/test-results.component';
import { FailureAlertComponent } from '../failure-alert.component';

/** The dashboard's "Test now": reads the directory, sends nothing, and lists what it found. */
@Component({
  selector: 'bwdc-test-now',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TestResultsComponent, FailureAlertComponent],
  template: `
    <section>
      <h2>Testing</h2>
      <p>Read the directory and see what a sync would send, without sending anything.</p>
      <div class="actions">
        <button type="button" class="test-now" [disabled]="busy()" (click)="test()">
          {{ busy() ? 'Testing…' : 'Test now' }}
        </button>
        <label>
          <input
            #sinceLastBox
            id="since-last"
            type="checkbox"
            [checked]="sinceLast()"
            [disabled]="busy()"
            (change)="sinceLast.set(sinceLastBox.checked)"
          />
          Since last sync
        </label>
      </div>

      @if (failure(); as failure) {
        <bwdc-failure-alert [failure]="failure" />
      }

      <bwdc-test-results [view]="view()" />
    </section>
  `,
  styles: `
    :host {
      display: block;
    }

    .actions {
      display: flex;
      align-items: center;
      gap: 1rem;
    }

    .failure {
      color: var(--danger, #b00020);
    }
  `,
})
export class TestNowComponent {
  private readonly connector = inject(CONNECTOR);
  private readonly pendingTasks = inject(PendingTasks);

  /** Only what changed since the last sync (upstream's "Since the last successful sync"). */
  readonly sinceLast = signal(false);
  readonly busy = signal(false);
  readonly failure = signal<Failure | null>(null);
  readonly view = signal<TestView | null>(null);

  async test(): Promise<void> {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    // The app is not stable while main works (`whenStable` waits for it).
    const done = this.pendingTasks.add();
    try {
      this.view.set(await this.connector.test({ sinceLast: this.sinceLast() }));
    } catch (error) {
      // An earlier result would pass for this test's.
      this.view.set(null);
      this.failure.set(failureOf(error));
    } finally {
      this.busy.set(false);
      done();
    }
  }
}
