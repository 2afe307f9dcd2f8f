import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';

import type { TestView } from '../../shared/connector-bridge';
import { CONNECTOR } from '../connector.token';
import { busyCall } from '../busy-call';
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
        <button type="button" class="test-now" [disabled]="call.busy()" (click)="test()">
          {{ call.busy() ? 'Testing…' : 'Test now' }}
        </button>
        <label>
          <input
            #sinceLastBox
            id="since-last"
            type="checkbox"
            [checked]="sinceLast()"
            [disabled]="call.busy()"
            (change)="sinceLast.set(sinceLastBox.checked)"
          />
          Since last sync
        </label>
      </div>

      @if (call.failure(); as failure) {
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

  /** Only what changed since the last sync (upstream's "Since the last successful sync"). */
  readonly sinceLast = signal(false);
  readonly call = busyCall();
  readonly view = signal<TestView | null>(null);

  test(): Promise<void> {
    return this.call.run(
      async () => this.view.set(await this.connector.test({ sinceLast: this.sinceLast() })),
      // An earlier result would pass for this test's.
      { onFailure: () => this.view.set(null) },
    );
  }
}
