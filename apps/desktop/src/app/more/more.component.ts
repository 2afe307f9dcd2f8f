import { ChangeDetectionStrategy, Component } from '@angular/core';

/** About, log out, clear the sync cache, the data file and the logs. */
@Component({
  selector: 'bwdc-more',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<section><h2>More</h2></section>`,
})
export class MoreComponent {}
