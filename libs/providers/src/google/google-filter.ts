import { GoogleError } from './google-error';

/**
 * An admin's user or group filter, as upstream parses it: `include:a,b` or `exclude:a,b` (keyword
 * case-insensitive, values trimmed and lower-cased) and, after `|`, a native Google query.
 */
export interface GoogleFilter {
  readonly set: {
    readonly mode: 'include' | 'exclude';
    readonly values: ReadonlySet<string>;
  } | null;
  /** Passed to the list call's `query` (`orgUnitPath='/Sales'`, `name:Eng*`). */
  readonly query: string | null;
}

export function parseGoogleFilter(filter: string | null, side: 'user' | 'group'): GoogleFilter {
  if (!filter || filter.trim() === '') {
    return { set: null, query: null };
  }
  const [list = '', ...rest] = filter.split('|');
  const query = rest.join('|').trim();
  return { set: parseSet(list, side), query: query === '' ? null : query };
}

/** Whether an email (user filter) or group name (group filter) passes; null compares as `--`. */
export function passesFilter(filter: GoogleFilter, value: string | null | undefined): boolean {
  if (!filter.set) {
    return true;
  }
  const clean = value?.trim().toLowerCase() ?? '--';
  return filter.set.values.has(clean) === (filter.set.mode === 'include');
}

function parseSet(list: string, side: 'user' | 'group'): GoogleFilter['set'] {
  if (list.trim() === '') {
    return null;
  }
  // Upstream split on every `:` and silently ignored a filter with a value containing one; the
  // keyword ends at the first colon here. An unknown keyword fails rather than syncing everyone.
  const colon = list.indexOf(':');
  const keyword = colon < 0 ? '' : list.slice(0, colon).trim().toLowerCase();
  if (keyword !== 'include' && keyword !== 'exclude') {
    throw new GoogleError(
      'GOOGLE_INVALID_FILTER',
      `The ${side} filter '${list.trim()}' is not understood: it must start with include: or exclude:.`,
      `Write the ${side} filter as include:a,b or exclude:a,b, optionally followed by | and a Google query; start with | to give only a query.`,
    );
  }
  const values = list
    .slice(colon + 1)
    .split(',')
    .map((value) => value.trim().toLowerCase());
  return { mode: keyword, values: new Set(values) };
}
