/** The most entries a human list shows; `--response` always carries every one. */
export const HUMAN_LIST_LIMIT = 50;

/**
 * The first entries of a list as lines, then "and N more" with where to see them all, so a
 * 10,000-member change stays readable on a terminal.
 */
export function cappedLines<T>(
  entries: readonly T[],
  line: (entry: T) => string,
  { indent = '  ', seeAll = 'bwdc --response plan lists them all' } = {},
): string[] {
  const shown = entries.slice(0, HUMAN_LIST_LIMIT).map((entry) => `${indent}${line(entry)}`);
  const more = entries.length - HUMAN_LIST_LIMIT;
  return more > 0 ? [...shown, `${indent}and ${more} more (${seeAll})`] : shown;
}
