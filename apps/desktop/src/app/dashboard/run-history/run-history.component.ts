import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { AppState } from '../../state/app-state.service';
import { DISPLAY_FORMAT } from '../../format/display-format';
import { runRow } from '../run-text';

/** The scheduler's record of past syncs, scheduled and Sync now alike, newest first. */
@Component({
  selector: 'bwdc-run-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './run-history.component.html',
  styleUrl: './run-history.component.css',
})
export class RunHistoryComponent {
  private readonly state = inject(AppState);
  private readonly format = inject(DISPLAY_FORMAT);

  // Main keeps the history newest first; the table keeps main's order.
  readonly rows = computed(() =>
    (this.state.status()?.schedule.history ?? []).map((run) => runRow(run, this.format)),
  );
}
