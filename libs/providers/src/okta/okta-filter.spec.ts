import { OktaError } from './okta-error';
import { andFilter, parseOktaFilter, passesFilter } from './okta-filter';

const ORG = 'https://acme.okta.com';

describe('parseOktaFilter', () => {
  it('reads include:/exclude: lists, case-insensitive, trimmed and lower-cased', () => {
    const filter = parseOktaFilter(' Include: A@x.test , b@X.test', 'user', ORG);

    expect(filter.native).toBeNull();
    expect(passesFilter(filter, 'a@x.test')).toBe(true);
    expect(passesFilter(filter, ' B@x.TEST ')).toBe(true);
    expect(passesFilter(filter, 'c@x.test')).toBe(false);
    expect(passesFilter(parseOktaFilter('exclude:a', 'group', ORG), 'A')).toBe(false);
  });

  it('passes the part after | on as the native Okta filter', () => {
    expect(parseOktaFilter('|profile.department eq "Eng"', 'user', ORG)).toEqual({
      set: null,
      native: 'profile.department eq "Eng"',
    });
    expect(parseOktaFilter('exclude:x| type eq "OKTA_GROUP" ', 'group', ORG).native).toBe(
      'type eq "OKTA_GROUP"',
    );
  });

  it('refuses an unknown keyword instead of syncing everyone', () => {
    expect(() => parseOktaFilter('only:a', 'user', ORG)).toThrow(OktaError);
  });
});

describe('andFilter', () => {
  it('parenthesises the admin’s filter before ANDing the provider’s own', () => {
    expect(andFilter('a eq "1" or b eq "2"', 'status eq "DEPROVISIONED"')).toBe(
      '(a eq "1" or b eq "2") and status eq "DEPROVISIONED"',
    );
    expect(andFilter(null, 'x')).toBe('x');
    expect(andFilter('y', null)).toBe('y');
    expect(andFilter(null, null)).toBeNull();
  });
});
