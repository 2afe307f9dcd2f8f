import { ChangeDetectionStrategy, Component, inject, PendingTasks, signal } from '@angular/core';

import { CONNECTOR } from '../connector.token';
import { type Failure, failureOf } from '../failure';
import { AppState } from '../state/app-state.service';
import { FailureAlertComponent } from '../failure-alert.component';

/** Where the settings live (data.json, shared with `bwdc`), and a way to open its folder. */
@Component({
  selector: 'bwdc-data-file',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FailureAlertComponent],
  template: `
    <section>
      <h2>Data file</h2>
      <p>The settings and sync state, shared with the bwdc command line.</p>
      <p>
        <code class="data-file-path">{{ status()?.dataFilePath }}</code>
      </p>
      <button type="button" class="show-data-file" [disabled]="busy()" (click)="show()">
        Show in folder
      </button>
      @if (failure(); as failure) {
        <bwdc-failure-alert [failure]="failure" />
      }
    </section>
  `,
  styles: `
    code {
      overflow-wrap: anywhere;
    }

    .failure {
      color: var(--danger, #b00020);
    }
  `,
})
export class DataFileComponent {
  private readonly connector = inject(CONNECTOR);
  private readonly pendingTasks = inject(PendingTasks);
  readonly status = inject(AppState).status;

  readonly busy = signal(false);
  readonly failure = signal<Failure | null>(null);

  async show(): Promise<void> {
    this.busy.set(true);
    this.failure.set(null);
    const done = this.pendingTasks.add();
    try {
      await this.connector.showDataFile();
    } catch (error) {
      this.failure.set(failureOf(error));
    } finally {
      this.busy.set(false);
      done();
    }
  }
}
