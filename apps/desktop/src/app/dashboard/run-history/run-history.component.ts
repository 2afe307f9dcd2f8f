import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { AppState } from '../../state/app-state.service';
import { DISPLAY_FORMAT } from '../../format/display-format';
import { runRow } from '../run-text';

/**
 * The shared run history the Connector keeps in the data file: tests, previews and syncs from
 * this app, `bwdc` and `bwdc serve`, newest first. It refreshes with the status, which main
 * re-reads whenever the data file changes, so another process's run shows up without a click.
 */
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
    (this.state.status()?.history ?? []).map((run) => runRow(run, this.format)),
  );
}
