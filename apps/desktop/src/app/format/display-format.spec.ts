import {
  countOf,
  type DisplayFormat,
  formatCount,
  formatDateTime,
  formatDuration,
} from './display-format';

const BRITISH_UTC: DisplayFormat = { locale: 'en-GB', timeZone: 'UTC' };
const GERMAN_BERLIN: DisplayFormat = { locale: 'de-DE', timeZone: 'Europe/Berlin' };

describe('formatCount', () => {
  it.each([
    [0, BRITISH_UTC, '0'],
    [999, BRITISH_UTC, '999'],
    [1234, BRITISH_UTC, '1,234'],
    [1234567, BRITISH_UTC, '1,234,567'],
    [1234567, GERMAN_BERLIN, '1.234.567'],
  ])('%d in %j is %s', (count, format, text) => {
    expect(formatCount(count, format)).toBe(text);
  });
});

describe('countOf', () => {
  it.each([
    [0, '0 users'],
    [1, '1 user'],
    [2, '2 users'],
    [1234, '1,234 users'],
  ])('%d users', (count, text) => {
    expect(countOf(count, 'user', BRITISH_UTC)).toBe(text);
  });
});

describe('formatDateTime', () => {
  it('shows the time in the time zone given', () => {
    expect(formatDateTime('2025-01-15T10:30:05.000Z', BRITISH_UTC)).toBe('15 Jan 2025, 10:30:05');
    expect(formatDateTime('2025-01-15T10:30:05.000Z', GERMAN_BERLIN)).toBe('15.01.2025, 11:30:05');
    expect(
      formatDateTime('2025-07-15T10:30:05.000Z', { locale: 'en-GB', timeZone: 'Europe/Berlin' }),
    ).toBe('15 Jul 2025, 12:30:05');
  });

  it('shows a time it cannot read as it came', () => {
    expect(formatDateTime('soon', BRITISH_UTC)).toBe('soon');
  });
});

describe('formatDuration', () => {
  const from = (seconds: number): string =>
    formatDuration(
      '2025-01-15T10:00:00.000Z',
      new Date(Date.parse('2025-01-15T10:00:00.000Z') + seconds * 1000).toISOString(),
      BRITISH_UTC,
    );

  it.each([
    [0, '0s'],
    [0.42, '0.4s'],
    [9.94, '9.9s'],
    [12, '12s'],
    [59.4, '59s'],
    [60, '1m 0s'],
    [125, '2m 5s'],
    [3599, '59m 59s'],
    [3600, '1h 0m'],
    [3780, '1h 3m'],
  ])('%d seconds is %s', (seconds, text) => {
    expect(from(seconds)).toBe(text);
  });

  it('uses the locale', () => {
    expect(
      formatDuration('2025-01-15T10:00:00.000Z', '2025-01-15T10:00:02.500Z', GERMAN_BERLIN),
    ).toBe('2,5 Sek.');
  });

  it('shows a dash when the end is before the start or a time is unreadable', () => {
    expect(from(-1)).toBe('—');
    expect(formatDuration('soon', '2025-01-15T10:00:00.000Z', BRITISH_UTC)).toBe('—');
  });
});
