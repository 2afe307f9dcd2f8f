import { BerWriter, EqualityFilter, FilterParser } from 'ldapts';

import { decode } from './ber';
import type { StoredEntry } from './directory';
import { buildDirectory } from './directory';
import { dnKey } from './dn';
import type { Filter } from './filter';
import { decodeFilter } from './filter';
import { matchesFilter } from './filter-match';
import { BASE_DN, GROUPS_OU, group, userDn, userGuid, users } from './test-directory';

function filterOf(text: string): Filter {
  const writer = new BerWriter();
  FilterParser.parseString(text).write(writer);
  return decodeFilter(decode(writer.buffer));
}

// user00001..00003; Inner holds user 1; Outer holds Inner and user 2; Loop A and B hold each other.
const directory = buildDirectory(BASE_DN, [
  ...users(3),
  group('Inner', [userDn(1)]),
  group('Outer', [`CN=Inner,${GROUPS_OU}`, userDn(2)]),
  group('LoopA', [`CN=LoopB,${GROUPS_OU}`]),
  group('LoopB', [`CN=LoopA,${GROUPS_OU}`, userDn(3)]),
]);

function entry(dn: string): StoredEntry {
  const found = directory.byKey.get(dnKey(dn));
  if (found === undefined) {
    throw new Error(`no ${dn}`);
  }
  return found;
}

function matching(filter: Filter | string): string[] {
  const parsed = typeof filter === 'string' ? filterOf(filter) : filter;
  const lookup = (key: string): StoredEntry | undefined => directory.byKey.get(key);
  return directory.entries
    .filter((candidate) => matchesFilter(parsed, candidate, lookup))
    .map((candidate) => candidate.attributes.get('cn')?.values[0]?.toString() ?? candidate.dn);
}

describe('matchesFilter', () => {
  it('matches equality case-insensitively, on names and values', () => {
    expect(matching('(SAMACCOUNTNAME=USER00002)')).toEqual(['user00002']);
    expect(matching('(objectclass=GROUP)')).toEqual(['Inner', 'Outer', 'LoopA', 'LoopB']);
  });

  it('treats every object as having an objectClass', () => {
    expect(matching('(objectClass=*)')).toHaveLength(directory.entries.length);
  });

  it('combines and, or and not, with not true for an absent attribute', () => {
    expect(matching('(&(objectClass=user)(|(cn=user00001)(cn=user00003)))')).toEqual([
      'user00001',
      'user00003',
    ]);
    expect(matching('(&(objectClass=group)(!(cn=Loop*)))')).toEqual(['Inner', 'Outer']);
    expect(matching('(&(objectClass=user)(!(isCriticalSystemObject=TRUE)))')).toHaveLength(3);
  });

  it('matches substrings in order and without overlap', () => {
    expect(matching('(cn=user*2)')).toEqual(['user00002']);
    expect(matching('(mail=*@AD.example.*)')).toHaveLength(3);
    expect(matching('(cn=Loo*op*)')).toEqual([]);
    expect(matching('(cn=L*o*p*B)')).toEqual(['LoopB']);
  });

  it('compares integers numerically for >= and <=', () => {
    expect(matching('(userAccountControl>=513)')).toEqual([]);
    expect(matching('(userAccountControl<=512)')).toHaveLength(3);
  });

  it('resolves objectCategory=person to the Person category DN, as AD does', () => {
    expect(matching('(&(objectCategory=person)(objectClass=user))')).toHaveLength(3);
    expect(matching('(objectCategory=group)')).toHaveLength(4);
  });

  it('compares DN-valued attributes as DNs', () => {
    const spaced = `cn=user00001, ou=users, ou=sync, dc=ad, dc=example, dc=org`;
    expect(matching(`(member=${spaced})`)).toEqual(['Inner']);
    expect(matching(`(distinguishedName=${spaced})`)).toEqual(['user00001']);
  });

  it('matches a binary value byte for byte', () => {
    const filter = decodeFilter(
      decode(writeFilter(new EqualityFilter({ attribute: 'objectGUID', value: userGuid(2) }))),
    );
    expect(matching(filter)).toEqual(['user00002']);
  });

  it('applies the bitwise AND and OR matching rules to userAccountControl', () => {
    const disabled = buildDirectory(BASE_DN, users(10)).entries.filter((candidate) =>
      matchesFilter(
        filterOf('(userAccountControl:1.2.840.113556.1.4.803:=2)'),
        candidate,
        () => undefined,
      ),
    );
    expect(disabled.map((candidate) => candidate.dn)).toEqual([userDn(10)]);
    expect(matching('(userAccountControl:1.2.840.113556.1.4.804:=514)')).toHaveLength(3);
  });

  it('walks memberOf and member transitively for the in-chain rule, cycles included', () => {
    const outer = `CN=Outer,${GROUPS_OU}`;
    expect(matching(`(memberOf:1.2.840.113556.1.4.1941:=${outer})`)).toEqual([
      'user00001',
      'user00002',
      'Inner',
    ]);
    expect(matching(`(member:1.2.840.113556.1.4.1941:=${userDn(1)})`)).toEqual(['Inner', 'Outer']);
    expect(matching(`(memberOf:1.2.840.113556.1.4.1941:=CN=LoopA,${GROUPS_OU})`)).toEqual([
      'user00003',
      'LoopA',
      'LoopB',
    ]);
  });

  it('does not match an unknown matching rule, even under not', () => {
    expect(matching('(cn:1.2.3.4:=user00001)')).toEqual([]);
    expect(matching('(!(cn:1.2.3.4:=user00001))')).toEqual([]);
  });

  it('reads the entries the directory built', () => {
    expect(entry(userDn(1)).attributes.get('memberof')?.values).toEqual([`CN=Inner,${GROUPS_OU}`]);
  });
});

function writeFilter(filter: EqualityFilter): Buffer {
  const writer = new BerWriter();
  filter.write(writer);
  return writer.buffer;
}
