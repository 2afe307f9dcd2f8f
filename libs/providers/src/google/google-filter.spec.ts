import { GoogleError } from './google-error';
import { parseGoogleFilter, passesFilter } from './google-filter';

describe('parseGoogleFilter', () => {
  it('reads an include list, trimmed and lower-cased, with a case-insensitive keyword', () => {
    const filter = parseGoogleFilter('INCLUDE: Group A , group b', 'group');

    expect(filter.query).toBeNull();
    expect(passesFilter(filter, 'group a')).toBe(true);
    expect(passesFilter(filter, ' GROUP B ')).toBe(true);
    expect(passesFilter(filter, 'Group C')).toBe(false);
  });

  it('reads an exclude list', () => {
    const filter = parseGoogleFilter('exclude:joe@example.test', 'user');

    expect(passesFilter(filter, 'JOE@example.test')).toBe(false);
    expect(passesFilter(filter, 'ann@example.test')).toBe(true);
  });

  it('takes the native query after |, alone or after a list', () => {
    expect(parseGoogleFilter("|orgUnitPath='/Sales'", 'user')).toEqual({
      set: null,
      query: "orgUnitPath='/Sales'",
    });
    const both = parseGoogleFilter('include:a | name:Eng*', 'group');
    expect(both.query).toBe('name:Eng*');
    expect(passesFilter(both, 'a')).toBe(true);
  });

  it('lets everything pass without a filter, and compares a missing value as --', () => {
    expect(passesFilter(parseGoogleFilter(null, 'user'), 'x')).toBe(true);
    expect(passesFilter(parseGoogleFilter('  ', 'user'), null)).toBe(true);
    expect(passesFilter(parseGoogleFilter('exclude:--', 'user'), null)).toBe(false);
  });

  it('keeps values containing a colon (upstream dropped such filters silently)', () => {
    const filter = parseGoogleFilter('include:team:red', 'group');
    expect(passesFilter(filter, 'team:red')).toBe(true);
  });

  it('refuses an unknown keyword rather than syncing everyone', () => {
    expect(() => parseGoogleFilter('inclde:a', 'group')).toThrow(GoogleError);
    expect(() => parseGoogleFilter('a,b', 'user')).toThrow(/user filter 'a,b' is not understood/);
  });
});
