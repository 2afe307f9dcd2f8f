import { OneLoginError } from './onelogin-error';

/**
 * An admin's user or role filter, as upstream parses it: `include:a,b` or `exclude:a,b` (keyword
 * case-insensitive, values trimmed and lower-cased) and, after `|`, OneLogin search parameters
 * sent with the list call (`email=*@sales.example.com`, `name=Eng*`).
 */
export interface OneLoginFilter {
  readonly set: {
    readonly mode: 'include' | 'exclude';
    readonly values: ReadonlySet<string>;
  } | null;
  /** The native query's parameters; paging parameters are the reader's and are dropped. */
  readonly query: URLSearchParams;
}

const PAGING_PARAMETERS = ['limit', 'cursor', 'page', 'after_cursor', 'before_cursor'];

export function parseOneLoginFilter(filter: string | null, side: 'user' | 'role'): OneLoginFilter {
  if (!filter || filter.trim() === '') {
    return { set: null, query: new URLSearchParams() };
  }
  const [list = '', ...rest] = filter.split('|');
  const query = new URLSearchParams(rest.join('|').trim().replace(/^\?/, ''));
  for (const name of PAGING_PARAMETERS) {
    query.delete(name);
  }
  return { set: parseSet(list, side), query };
}

/** Whether an email (user filter) or role name (role filter) passes; null compares as `--`. */
export function passesFilter(filter: OneLoginFilter, value: string | null | undefined): boolean {
  if (!filter.set) {
    return true;
  }
  const clean = value?.trim().toLowerCase() ?? '--';
  return filter.set.values.has(clean) === (filter.set.mode === 'include');
}

function parseSet(list: string, side: 'user' | 'role'): OneLoginFilter['set'] {
  if (list.trim() === '') {
    return null;
  }
  // Upstream split on every `:` and silently ignored a filter with a value containing one; the
  // keyword ends at the first colon here. An unknown keyword fails rather than syncing everyone.
  const colon = list.indexOf(':');
  const keyword = colon < 0 ? '' : list.slice(0, colon).trim().toLowerCase();
  if (keyword !== 'include' && keyword !== 'exclude') {
    throw new OneLoginError(
      'ONELOGIN_INVALID_FILTER',
      `The ${side} filter '${list.trim()}' is not understood: it must start with include: or exclude:.`,
      `Write the ${side} filter as include:a,b or exclude:a,b, optionally followed by | and OneLogin search parameters; start with | to give only parameters.`,
    );
  }
  const values = list
    .slice(colon + 1)
    .split(',')
    .map((value) => value.trim().toLowerCase());
  return { mode: keyword, values: new Set(values) };
}
