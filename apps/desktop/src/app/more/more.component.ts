import { ChangeDetectionStrategy, Component } from '@angular/core';

import { AboutComponent } from './about.component';
import { ClearCacheComponent } from './clear-cache.component';
import { DataFileComponent } from './data-file.component';
import { LogOutComponent } from './log-out.component';
import { LogsComponent } from './logs/logs.component';

/** About, log out, clear the sync cache, the data file and the logs. */
@Component({
  selector: 'bwdc-more',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AboutComponent, ClearCacheComponent, DataFileComponent, LogOutComponent, LogsComponent],
  template: `
    <bwdc-about />
    <bwdc-data-file />
    <bwdc-clear-cache />
    <bwdc-log-out />
    <bwdc-logs />
  `,
  styles: `
    :host {
      display: grid;
      gap: 1.5rem;
    }
  `,
})
export class MoreComponent {}
