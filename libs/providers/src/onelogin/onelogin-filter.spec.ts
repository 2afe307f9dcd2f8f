import { emailOf } from './onelogin-directory-provider';
import { OneLoginError } from './onelogin-error';
import { parseOneLoginFilter, passesFilter } from './onelogin-filter';

const sync = {
  users: true,
  groups: true,
  userFilter: null,
  groupFilter: null,
  removeDisabled: false,
  useEmailPrefixSuffix: false,
  emailSuffix: null,
};

describe('parseOneLoginFilter', () => {
  it('reads an include list, trimmed and lower-cased, with a case-insensitive keyword', () => {
    const filter = parseOneLoginFilter('INCLUDE: Role A , role b', 'role');

    expect([...filter.query]).toEqual([]);
    expect(passesFilter(filter, 'role a')).toBe(true);
    expect(passesFilter(filter, ' ROLE B ')).toBe(true);
    expect(passesFilter(filter, 'Role C')).toBe(false);
  });

  it('reads an exclude list, and compares a missing value as --', () => {
    const filter = parseOneLoginFilter('exclude:joe@example.test', 'user');

    expect(passesFilter(filter, 'JOE@example.test')).toBe(false);
    expect(passesFilter(filter, 'ann@example.test')).toBe(true);
    expect(passesFilter(parseOneLoginFilter('exclude:--', 'user'), null)).toBe(false);
  });

  it('takes OneLogin search parameters after |, dropping paging parameters', () => {
    const filter = parseOneLoginFilter('include:a | email=*@sales.test&limit=5&cursor=x', 'user');

    expect(Object.fromEntries(filter.query)).toEqual({ email: '*@sales.test' });
    expect(Object.fromEntries(parseOneLoginFilter('|?name=Eng*', 'role').query)).toEqual({
      name: 'Eng*',
    });
  });

  it('refuses an unknown keyword rather than syncing everyone', () => {
    expect(() => parseOneLoginFilter('inclde:a', 'role')).toThrow(OneLoginError);
    expect(() => parseOneLoginFilter('a,b', 'user')).toThrow(/user filter 'a,b' is not understood/);
  });
});

describe('emailOf (upstream’s email fallback)', () => {
  it('takes the email, else the username when it is an email, lower-cased', () => {
    expect(emailOf({ email: ' Ann@Example.test ', username: 'ann' }, sync)).toBe(
      'ann@example.test',
    );
    expect(emailOf({ email: '', username: 'Bob@Example.test' }, sync)).toBe('bob@example.test');
    expect(emailOf({ email: null, username: 'carol' }, sync)).toBeNull();
  });

  it('builds username + suffix only when the prefix/suffix option is on', () => {
    const suffixed = { ...sync, useEmailPrefixSuffix: true, emailSuffix: '@Example.test' };

    expect(emailOf({ email: 'nope', username: 'Carol' }, suffixed)).toBe('carol@example.test');
    expect(emailOf({ email: 'nope', username: null }, suffixed)).toBeNull();
    expect(
      emailOf({ email: 'nope', username: 'carol' }, { ...sync, emailSuffix: '@x.test' }),
    ).toBeNull();
  });
});
