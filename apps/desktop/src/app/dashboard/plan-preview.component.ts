import { ChangeDetectionStrategy, Component, inject, PendingTasks, signal } from '@angular/core';

import type { PlanView } from '../../shared/plan-view';
import { CONNECTOR } from '../connector.token';
import { type Failure, failureOf } from '../failure';
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
      <button type="button" class="preview-changes" [disabled]="busy()" (click)="preview()">
        {{ busy() ? 'Previewing…' : 'Preview changes' }}
      </button>

      @if (failure(); as failure) {
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
  private readonly pendingTasks = inject(PendingTasks);

  readonly busy = signal(false);
  readonly failure = signal<Failure | null>(null);
  readonly view = signal<PlanView | null>(null);

  async preview(): Promise<void> {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    const done = this.pendingTasks.add();
    try {
      this.view.set(await this.connector.planSync());
    } catch (error) {
      // An earlier preview would pass for this one's.
      this.view.set(null);
      this.failure.set(failureOf(error));
    } finally {
      this.busy.set(false);
      done();
    }
  }
}
