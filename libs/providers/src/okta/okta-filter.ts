import { OktaError } from './okta-error';

/**
 * An admin's user or group filter, as upstream parses it: `include:a,b` or `exclude:a,b`
 * (keyword case-insensitive, values trimmed and lower-cased) and, after `|`, an Okta filter
 * expression (`profile.department eq "Eng"`, `type eq "OKTA_GROUP"`).
 */
export interface OktaFilter {
  readonly set: {
    readonly mode: 'include' | 'exclude';
    readonly values: ReadonlySet<string>;
  } | null;
  readonly native: string | null;
}

export function parseOktaFilter(
  filter: string | null,
  side: 'user' | 'group',
  org: string,
): OktaFilter {
  if (!filter || filter.trim() === '') {
    return { set: null, native: null };
  }
  const [list = '', ...rest] = filter.split('|');
  const native = rest.join('|').trim();
  return { set: parseSet(list, side, org), native: native === '' ? null : native };
}

/** Whether an email (user filter) or group name (group filter) passes; null compares as `--`. */
export function passesFilter(filter: OktaFilter, value: string | null | undefined): boolean {
  if (!filter.set) {
    return true;
  }
  const clean = value?.trim().toLowerCase() ?? '--';
  return filter.set.values.has(clean) === (filter.set.mode === 'include');
}

/** `(native) and extra`, `extra` alone, or the native filter alone; null when neither. */
export function andFilter(native: string | null, extra: string | null): string | null {
  if (native && extra) {
    return `(${native}) and ${extra}`;
  }
  return native ?? extra;
}

function parseSet(list: string, side: 'user' | 'group', org: string): OktaFilter['set'] {
  if (list.trim() === '') {
    return null;
  }
  // Upstream split on every `:` and ignored a filter whose values hold one; here the keyword
  // ends at the first colon. An unknown keyword fails rather than syncing everyone.
  const colon = list.indexOf(':');
  const keyword = colon < 0 ? '' : list.slice(0, colon).trim().toLowerCase();
  if (keyword !== 'include' && keyword !== 'exclude') {
    throw new OktaError(
      'OKTA_INVALID_FILTER',
      `The ${side} filter '${list.trim()}' is not understood: it must start with include: or exclude:.`,
      `Write the ${side} filter as include:a,b or exclude:a,b, optionally followed by | and an Okta filter; start with | to give only an Okta filter.`,
      { org, call: `the ${side} filter` },
    );
  }
  const values = list
    .slice(colon + 1)
    .split(',')
    .map((value) => value.trim().toLowerCase());
  return { mode: keyword, values: new Set(values) };
}
