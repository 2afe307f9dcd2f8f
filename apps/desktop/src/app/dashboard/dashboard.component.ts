import { ChangeDetectionStrategy, Component } from '@angular/core';

import { TestNowComponent } from './test-now.component';

/** The dashboard: sync status, schedule, Sync now, run history, live progress and Test now. */
@Component({
  selector: 'bwdc-dashboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TestNowComponent],
  template: `<bwdc-test-now />`,
})
export class DashboardComponent {}
