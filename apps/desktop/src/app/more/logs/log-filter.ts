import type { LogLine } from '../../../shared/connector-bridge';

/** The least severe level the log view shows. */
export type LogFilter = 'all' | 'info' | 'warn';

export const LOG_FILTERS: readonly { readonly value: LogFilter; readonly label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'info', label: 'Info and above' },
  { value: 'warn', label: 'Warnings and errors' },
];

const SEVERITY: Record<LogLine['level'], number> = { debug: 0, info: 1, warn: 2, error: 3 };
const LEAST_SHOWN: Record<LogFilter, number> = { all: 0, info: 1, warn: 2 };

export const LEVEL_NAMES: Record<LogLine['level'], string> = {
  debug: 'Debug',
  info: 'Info',
  warn: 'Warning',
  error: 'Error',
};

/** The lines the filter lets through, in their order. */
export function filterLogLines(lines: readonly LogLine[], filter: LogFilter): readonly LogLine[] {
  const least = LEAST_SHOWN[filter];
  return least === 0 ? lines : lines.filter((line) => SEVERITY[line.level] >= least);
}

/** The filter a `<select>` value names; all lines for anything else. */
export function logFilterOf(value: string): LogFilter {
  return LOG_FILTERS.find((filter) => filter.value === value)?.value ?? 'all';
}
