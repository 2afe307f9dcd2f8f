import { EntraFilterError, parseGroupFilter, parseUserFilter, passes } from './entra-filters';

describe('parseUserFilter', () => {
  it('reads no filter, or a blank one, as everyone', () => {
    expect(parseUserFilter(null)).toEqual({ kind: 'all' });
    expect(parseUserFilter('   ')).toEqual({ kind: 'all' });
  });

  it('reads include:/exclude: emails trimmed and lower-cased, keyword in any case', () => {
    expect(parseUserFilter(' Include: A@x.test , b@X.test')).toEqual({
      kind: 'emails',
      mode: 'include',
      emails: new Set(['a@x.test', 'b@x.test']),
    });
    expect(parseUserFilter('EXCLUDE:c@x.test')).toMatchObject({ kind: 'emails', mode: 'exclude' });
  });

  it('merges every excludeGroup and exclude clause after a leading includeGroup', () => {
    expect(
      parseUserFilter('includeGroup:G1,G2|excludeGroup:g3|exclude:A@x.test|excludeGroup:g4'),
    ).toEqual({
      kind: 'groups',
      includeGroups: ['g1', 'g2'],
      excludeGroups: ['g3', 'g4'],
      excludeEmails: new Set(['a@x.test']),
    });
  });

  it('reads excludeGroup alone as everyone but those groups', () => {
    expect(parseUserFilter('excludeGroup:g1')).toEqual({
      kind: 'groups',
      includeGroups: null,
      excludeGroups: ['g1'],
      excludeEmails: new Set(),
    });
  });

  it('ignores further clauses unless the first is includeGroup, as upstream', () => {
    expect(parseUserFilter('exclude:a@x.test|exclude:b@x.test')).toEqual({
      kind: 'emails',
      mode: 'exclude',
      emails: new Set(['a@x.test']),
    });
  });

  it('refuses an unknown keyword instead of syncing everyone', () => {
    expect(() => parseUserFilter('inclde:a@x.test')).toThrow(EntraFilterError);
    expect(() => parseUserFilter('includeGroup:g1|include:a@x.test')).toThrow(/combine/);
    expect(() => parseUserFilter('a@x.test')).toThrow(/no keyword/);
  });
});

describe('parseGroupFilter', () => {
  it('reads names and administrative units', () => {
    expect(parseGroupFilter('include: Group A ,group b')).toEqual({
      kind: 'names',
      mode: 'include',
      names: new Set(['group a', 'group b']),
    });
    expect(parseGroupFilter('includeAdministrativeUnit:AU1,au2')).toEqual({
      kind: 'administrative-units',
      mode: 'include',
      unitIds: ['au1', 'au2'],
    });
    expect(parseGroupFilter('excludeadministrativeunit:au1')).toMatchObject({ mode: 'exclude' });
    expect(() => parseGroupFilter('includeGroup:g1')).toThrow(EntraFilterError);
  });
});

describe('passes', () => {
  it('compares trimmed and lower-cased; a missing value is upstream’s "--"', () => {
    const set = new Set(['a@x.test']);
    expect(passes('include', set, ' A@X.test ')).toBe(true);
    expect(passes('exclude', set, 'A@x.test')).toBe(false);
    expect(passes('exclude', set, null)).toBe(true);
    expect(passes('include', new Set(['--']), null)).toBe(true);
  });
});
