import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';

import type { PlanView } from '../../shared/plan-view';
import { CONNECTOR } from '../connector.token';
import { busyCall } from '../busy-call';
import { FailureAlertComponent } from '../failure-alert.component';
import { PlanResultsComponent } from './plan-results/plan-results.component';

/**
 * The dashboard's "Preview changes": reads the directory as the next sync would and the
 * organization through the Public API, and lists what the sync would do to it. Sends nothing.
 */
@Component({
  selector: 'bwdc-plan-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FailureAlertComponent, PlanResultsComponent],
  template: `
    <section>
      <h2>Preview</h2>
      <p>
        See what the next sync would do to the organization: who is invited, linked or removed,
        which groups change, and whether the deletion guard would let it through.
      </p>
      <button type="button" class="preview-changes" [disabled]="call.busy()" (click)="preview()">
        {{ call.busy() ? 'Previewing…' : 'Preview changes' }}
      </button>

      @if (call.failure(); as failure) {
        <bwdc-failure-alert [failure]="failure" />
      }

      <bwdc-plan-results [view]="view()" />
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class PlanPreviewComponent {
  private readonly connector = inject(CONNECTOR);
  readonly call = busyCall();
  readonly view = signal<PlanView | null>(null);

  preview(): Promise<void> {
    return this.call.run(async () => this.view.set(await this.connector.planSync()), {
      // An earlier preview would pass for this one's.
      onFailure: () => this.view.set(null),
    });
  }
}
