import fc from 'fast-check';

import { looksLikeDn, normaliseDn } from './distinguished-name';

describe('normaliseDn', () => {
  it.each([
    [
      'cn=Roland Dyke,ou=Human Resources,dc=bitwarden,dc=com',
      'CN=Roland Dyke, OU=Human Resources, DC=bitwarden, DC=com',
    ],
    [
      'cn=Roland Dyke,ou=Human Resources,dc=bitwarden,dc=com',
      'cn = roland dyke ,ou=human resources,dc=bitwarden, dc=com',
    ],
    [
      'cn=Smith\\, John,ou=People,dc=example,dc=com',
      'CN=Smith\\2C John,OU=People,DC=example,DC=com',
    ],
    [
      'cn=Smith\\, John,ou=People,dc=example,dc=com',
      'cn=smith\\, john ,ou=people,dc=example,dc=com',
    ],
    ['uid=jo+cn=Jo Lee,dc=example,dc=com', 'cn=Jo Lee+uid=jo,dc=example,dc=com'],
    ['cn=Zoë,dc=example,dc=com', 'cn=Zo\\C3\\AB,dc=example,dc=com'],
    ['cn=a\\;b,dc=x', 'cn=a\\3Bb;dc=x'],
  ])('treats %s and %s as the same DN', (a, b) => {
    expect(normaliseDn(a)).toBe(normaliseDn(b));
  });

  it.each([
    ['cn=Smith\\, John,dc=example,dc=com', 'cn=Smith,cn=John,dc=example,dc=com'],
    ['cn=Ann,ou=Sales,dc=example,dc=com', 'cn=Ann,ou=Marketing,dc=example,dc=com'],
    ['cn=a\\ ,dc=x', 'cn=a,dc=x'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(normaliseDn(a)).not.toBe(normaliseDn(b));
  });

  it('gives one canonical text', () => {
    expect(normaliseDn(' CN=Smith\\2c John , OU=People ,DC=Example,DC=com ')).toBe(
      'cn=smith\\, john,ou=people,dc=example,dc=com',
    );
  });
});

describe('looksLikeDn', () => {
  it.each([
    ['cn=Blue Team,ou=Groups,dc=bitwarden,dc=com', true],
    ['uid=mikip,ou=People,dc=x', true],
    ['2.5.4.3=Jo,dc=x', true],
    ['mikip', false],
    ['carstens', false],
  ])('%s -> %s', (value, expected) => {
    expect(looksLikeDn(value)).toBe(expected);
  });
});

describe('normaliseDn on DNs as servers write them', () => {
  const type = fc.constantFrom('cn', 'CN', 'ou', 'OU', 'dc', 'uid', 'o', 'sAMAccountName');
  // Printable ASCII with the DN specials, so that some values take the fast path and some not.
  const value = fc
    .string({ unit: fc.constantFrom(...'aZ09 .-_#"+;<>=\\,xY'.split('')), maxLength: 12 })
    .map((text) => text.replace(/[\\,+"<>;=]/g, '\\$&'));
  const rdns = fc.array(fc.tuple(type, value), { minLength: 1, maxLength: 5 });

  it('gives a compact DN the same form as the parser gives it with blanks around separators', () => {
    fc.assert(
      fc.property(rdns, (parts) => {
        const compact = parts.map(([name, text]) => `${name}=${text}`).join(',');
        const spaced = parts.map(([name, text]) => ` ${name} = ${text} `).join(',');

        expect(normaliseDn(compact)).toBe(normaliseDn(spaced));
      }),
      { numRuns: 3_000 },
    );
  });

  it('lower-cases a plain DN and changes nothing else', () => {
    expect(normaliseDn('CN=Bulk User 7,OU=Bulk,OU=Users,DC=ad,DC=example,DC=org')).toBe(
      'cn=bulk user 7,ou=bulk,ou=users,dc=ad,dc=example,dc=org',
    );
  });
});
