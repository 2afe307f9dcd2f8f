import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';

import type { LogLine } from '../../../shared/connector-bridge';
import { CONNECTOR } from '../../connector.token';
import { DISPLAY_FORMAT, formatDateTime } from '../../format/display-format';
import { busyCall } from '../../busy-call';
import {
  filterLogLines,
  LEVEL_NAMES,
  LOG_FILTERS,
  type LogFilter,
  logFilterOf,
} from './log-filter';
import { FailureAlertComponent } from '../../failure-alert.component';

/** The latest lines of main's log, oldest first, read when the screen opens and on Refresh. */
@Component({
  selector: 'bwdc-logs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FailureAlertComponent],
  templateUrl: './logs.component.html',
  styleUrl: './logs.component.css',
})
export class LogsComponent {
  private readonly connector = inject(CONNECTOR);
  private readonly format = inject(DISPLAY_FORMAT);

  readonly filters = LOG_FILTERS;
  readonly filter = signal<LogFilter>('all');
  readonly call = busyCall();
  /** null until the first read has answered. */
  private readonly lines = signal<readonly LogLine[] | null>(null);

  readonly loaded = computed(() => this.lines() !== null);
  readonly total = computed(() => this.lines()?.length ?? 0);
  readonly shown = computed(() =>
    filterLogLines(this.lines() ?? [], this.filter()).map((line) => ({
      at: line.at,
      time: formatDateTime(line.at, this.format),
      level: line.level,
      levelName: LEVEL_NAMES[line.level],
      message: line.message,
    })),
  );

  private readonly list = viewChild<ElementRef<HTMLElement>>('list');

  constructor() {
    // The newest line is the last: keep it in sight as lines come and the filter changes.
    afterRenderEffect(() => {
      this.shown();
      const list = this.list()?.nativeElement;
      if (list !== undefined) {
        list.scrollTop = list.scrollHeight;
      }
    });
    void this.refresh();
  }

  choose(value: string): void {
    this.filter.set(logFilterOf(value));
  }

  /** Lines read earlier stay when a read fails: they are still what main logged. */
  refresh(): Promise<void> {
    return this.call.run(async () => this.lines.set(await this.connector.logs()));
  }
}
