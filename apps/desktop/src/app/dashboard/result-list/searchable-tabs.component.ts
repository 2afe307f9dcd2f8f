import { ChangeDetectionStrategy, Component, computed, inject, input, model } from '@angular/core';

import { DISPLAY_FORMAT, formatCount } from '../../format/display-format';
import type { PagedList } from './paged-list';

/** A tab: the list it shows, and how many rows that list has. */
export interface ResultTab<S extends string> {
  readonly id: S;
  readonly label: string;
  readonly count: number;
}

/**
 * The frame of a results screen's lists (Test now, Preview changes): the tabs, the search, what
 * to say when nothing is listed or matches, how many rows are shown, and Show more. The rows of
 * the list shown are the content; content marked `tabIntro` goes above the search.
 */
@Component({
  selector: 'bwdc-searchable-tabs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './searchable-tabs.component.html',
  styleUrl: './searchable-tabs.component.css',
})
export class SearchableTabsComponent<S extends string> {
  private readonly format = inject(DISPLAY_FORMAT);

  readonly tabs = input.required<readonly ResultTab<S>[]>();
  readonly selected = model.required<S>();
  readonly query = model.required<string>();
  /** The list of the tab selected. */
  readonly list = input.required<PagedList<unknown>>();
  readonly searchLabel = input.required<string>();
  readonly placeholder = input.required<string>();
  /** Said when the list has no rows before the search. */
  readonly emptyText = input.required<string>();

  /** "200 of 5,000 shown". */
  readonly shownText = computed(() => {
    const list = this.list();
    return `${this.count(list.shown())} of ${this.count(list.total())} shown`;
  });

  /** A count with the locale's thousands separators. */
  count(value: number): string {
    return formatCount(value, this.format);
  }
}
