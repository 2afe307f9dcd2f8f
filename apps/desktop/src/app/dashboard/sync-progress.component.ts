import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { AppState } from '../state/app-state.service';
import { countOf, DISPLAY_FORMAT } from '../format/display-format';

/** How far the directory read of the test or sync under way has got, as main reports it. */
@Component({
  selector: 'bwdc-sync-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (text(); as text) {
      <p class="sync-progress" role="status">{{ text }}</p>
    }
  `,
})
export class SyncProgressComponent {
  private readonly state = inject(AppState);
  private readonly format = inject(DISPLAY_FORMAT);

  readonly text = computed(() => {
    const progress = this.state.progress();
    if (progress === null) {
      return null;
    }
    // Whether a test or a sync reads is on its button ("Testing…", "Syncing…").
    return `Reading the directory… ${countOf(progress.users, 'user', this.format)}, ${countOf(progress.groups, 'group', this.format)}`;
  });
}
