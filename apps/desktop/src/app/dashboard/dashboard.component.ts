import { ChangeDetectionStrategy, Component } from '@angular/core';

import { PlanPreviewComponent } from './plan-preview.component';
import { RunHistoryComponent } from './run-history/run-history.component';
import { SyncControlsComponent } from './sync-controls.component';
import { SyncProgressComponent } from './sync-progress.component';
import { SyncStatusComponent } from './sync-status.component';
import { TestNowComponent } from './test-now.component';

/**
 * The dashboard: sync status, schedule, Sync now, run history, live progress, Preview changes
 * and Test now.
 */
@Component({
  selector: 'bwdc-dashboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PlanPreviewComponent,
    RunHistoryComponent,
    SyncControlsComponent,
    SyncProgressComponent,
    SyncStatusComponent,
    TestNowComponent,
  ],
  template: `
    <!-- Above the sections: a read for Test now, Preview or a sync is reported here alike. -->
    <bwdc-sync-progress />
    <section class="sync">
      <h2>Syncing</h2>
      <bwdc-sync-status />
      <bwdc-sync-controls />
      <bwdc-run-history />
    </section>
    <bwdc-plan-preview />
    <bwdc-test-now />
  `,
  styles: `
    :host {
      display: grid;
      gap: 1.5rem;
    }

    .sync {
      display: grid;
      gap: 1rem;
    }
  `,
})
export class DashboardComponent {}
