import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { CONNECTOR } from '../connector.token';
import { busyCall } from '../busy-call';
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
      <button type="button" class="show-data-file" [disabled]="call.busy()" (click)="show()">
        Show in folder
      </button>
      @if (call.failure(); as failure) {
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
  readonly status = inject(AppState).status;
  readonly call = busyCall();

  show(): Promise<void> {
    return this.call.run(() => this.connector.showDataFile());
  }
}
