import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { AppState } from '../state/app-state.service';
import { DISPLAY_FORMAT } from '../format/display-format';
import { intervalText, lastSyncText, nextSyncText, scheduleStateText } from './schedule-text';

/** When users and groups were last synced, and whether interval syncs are on and when next. */
@Component({
  selector: 'bwdc-sync-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (fields(); as fields) {
      <dl>
        <dt>Last user sync</dt>
        <dd class="last-user-sync">{{ fields.lastUserSync }}</dd>
        <dt>Last group sync</dt>
        <dd class="last-group-sync">{{ fields.lastGroupSync }}</dd>
        <dt>Interval syncs</dt>
        <dd class="schedule-state">{{ fields.state }}</dd>
        @if (fields.nextSync; as nextSync) {
          <dt>Next sync</dt>
          <dd class="next-sync">{{ nextSync }}</dd>
        }
        <dt>Sync interval</dt>
        <dd class="sync-interval">{{ fields.interval }}</dd>
      </dl>
    }
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
      margin: 0;
    }

    dt {
      font-weight: bold;
    }

    dd {
      margin: 0;
    }
  `,
})
export class SyncStatusComponent {
  private readonly state = inject(AppState);
  private readonly format = inject(DISPLAY_FORMAT);

  readonly fields = computed(() => {
    const status = this.state.status();
    if (status === null) {
      return null;
    }
    const { schedule } = status;
    return {
      lastUserSync: lastSyncText(status.lastUserSync, this.format),
      lastGroupSync: lastSyncText(status.lastGroupSync, this.format),
      state: scheduleStateText(schedule),
      nextSync: nextSyncText(schedule, this.format),
      interval: intervalText(schedule.intervalMinutes, this.format),
    };
  });
}
