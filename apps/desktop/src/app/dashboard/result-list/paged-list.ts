import { computed, linkedSignal, type Signal } from '@angular/core';

/** What every list of a results screen shares: its search, and what starts it at one page. */
export interface Paging {
  /** The search as typed; matched trimmed and whatever the case. */
  readonly query: () => string;
  /** Besides the search, what puts the list back to one page when it changes (the tab shown). */
  readonly resetOn: () => unknown;
  /** Rows rendered at once; Show more adds as many again. */
  readonly pageSize: number;
}

/** A list narrowed by the search and rendered a page at a time (directories list thousands). */
export interface PagedList<T> {
  /** Rows before the search. */
  readonly listed: Signal<number>;
  /** Rows that match the search. */
  readonly total: Signal<number>;
  /** Rows rendered, at most `total`. */
  readonly shown: Signal<number>;
  readonly rows: Signal<readonly T[]>;
  showMore(): void;
}

/** `rows` as a `PagedList`; the search looks in the texts `searchIn` gives for each row. */
export function pagedList<T>(
  paging: Paging,
  rows: () => readonly T[],
  searchIn: (row: T) => readonly (string | null)[],
): PagedList<T> {
  const needle = computed(() => paging.query().trim().toLowerCase());
  const matching = computed(() => {
    const value = needle();
    return value === '' ? rows() : rows().filter((row) => contains(value, searchIn(row)));
  });
  const limit = linkedSignal({
    source: () => [paging.resetOn(), needle()] as const,
    computation: () => paging.pageSize,
  });
  return {
    listed: computed(() => rows().length),
    total: computed(() => matching().length),
    shown: computed(() => Math.min(limit(), matching().length)),
    rows: computed(() => matching().slice(0, limit())),
    showMore: () => limit.update((shown) => shown + paging.pageSize),
  };
}

function contains(needle: string, values: readonly (string | null)[]): boolean {
  return values.some((value) => value?.toLowerCase().includes(needle) ?? false);
}
