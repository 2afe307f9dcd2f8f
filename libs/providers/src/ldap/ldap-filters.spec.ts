import { generalizedTime, objectClassIs, objectFilter } from './ldap-filters';

const person = [objectClassIs('person')];

describe('objectFilter', () => {
  it('is the object class alone without a filter of the admin', () => {
    expect(objectFilter(person, null)).toBe('(&(objectClass=person))');
    expect(objectFilter(person, '  ')).toBe('(&(objectClass=person))');
  });

  it('ANDs the admin’s filter, with or without its parentheses', () => {
    expect(objectFilter(person, '(cn=Roland Dyke)')).toBe(
      '(&(objectClass=person)(cn=Roland Dyke))',
    );
    expect(objectFilter([objectClassIs('group')], 'cn=Red Team')).toBe(
      '(&(objectClass=group)(cn=Red Team))',
    );
  });

  it('puts several selecting conditions side by side in the AND', () => {
    expect(objectFilter(['(objectCategory=person)', '(objectClass=user)'], '(cn=a)')).toBe(
      '(&(objectCategory=person)(objectClass=user)(cn=a))',
    );
  });

  it('adds the revision condition for an incremental read', () => {
    expect(
      objectFilter(person, null, {
        attribute: 'whenChanged',
        since: new Date('2024-01-02T03:04:05.678Z'),
      }),
    ).toBe('(&(objectClass=person)(whenChanged>=20240102030405.6Z))');
  });
});

describe('objectFilter with a malformed filter', () => {
  it.each([
    '(cn=Roland',
    '(cn=a))',
    '(cn=a)(cn=b)',
    '(cn=a\\)',
    '(cn~~x)',
    '(=x)',
    '(&(cn=a)(sn))',
  ])('refuses %s, showing it', (filter) => {
    expect(() => objectFilter(person, filter)).toThrow(`The LDAP filter ${filter} is not valid`);
  });

  it('accepts escaped parentheses and nested filters', () => {
    expect(objectFilter(person, '(|(cn=a\\29b)(&(cn=c)(sn=d)))')).toBe(
      '(&(objectClass=person)(|(cn=a\\29b)(&(cn=c)(sn=d))))',
    );
  });
});

describe('generalizedTime', () => {
  it('writes upstream’s format', () => {
    expect(generalizedTime(new Date('2026-11-25T19:26:35.546Z'))).toBe('20261125192635.5Z');
  });
});
