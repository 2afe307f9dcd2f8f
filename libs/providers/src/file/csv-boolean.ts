const TRUE_VALUES = new Set(['true', 'yes', 'y', '1']);
const FALSE_VALUES = new Set(['', 'false', 'no', 'n', '0']);

/** A flag cell as HR systems and spreadsheets write it; undefined when it is none of those. */
export function parseCsvBoolean(cell: string): boolean | undefined {
  const value = cell.trim().toLowerCase();
  if (TRUE_VALUES.has(value)) {
    return true;
  }
  return FALSE_VALUES.has(value) ? false : undefined;
}
