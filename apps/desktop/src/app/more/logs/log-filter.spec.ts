import type { LogLine } from '../../../shared/connector-bridge';
import { filterLogLines, logFilterOf } from './log-filter';

const line = (level: LogLine['level'], message: string): LogLine => ({
  at: '2025-01-15T10:30:00.000Z',
  level,
  message,
});

const LINES = [
  line('error', 'e1'),
  line('debug', 'd1'),
  line('info', 'i1'),
  line('warn', 'w1'),
  line('info', 'i2'),
];

describe('filterLogLines', () => {
  it.each([
    ['all', ['e1', 'd1', 'i1', 'w1', 'i2']],
    ['info', ['e1', 'i1', 'w1', 'i2']],
    ['warn', ['e1', 'w1']],
  ] as const)('%s keeps %j, in order', (filter, messages) => {
    expect(filterLogLines(LINES, filter).map((kept) => kept.message)).toEqual(messages);
  });
});

describe('logFilterOf', () => {
  it('reads the select values, and shows everything for anything else', () => {
    expect(logFilterOf('warn')).toBe('warn');
    expect(logFilterOf('info')).toBe('info');
    expect(logFilterOf('all')).toBe('all');
    expect(logFilterOf('verbose')).toBe('all');
  });
});
