import { buildDirectory } from './directory';
import { dnKey } from './dn';
import { RangeSyntaxError } from './range';
import { selectAttributes } from './select-attributes';
import { BASE_DN, GROUPS_OU, group, userDn } from './test-directory';

const members = Array.from({ length: 20 }, (_, index) => userDn(index + 1));
const directory = buildDirectory(BASE_DN, [group('Big', members)]);
const big = directory.byKey.get(dnKey(`CN=Big,${GROUPS_OU}`));
if (big === undefined) {
  throw new Error('the Big group is missing');
}
// MaxValRange 5 so that 20 members are "large".
const select = (requested: string[], typesOnly = false): { type: string; count: number }[] =>
  selectAttributes(big, requested, typesOnly, 5).map(({ type, values }) => ({
    type,
    count: values.length,
  }));

describe('selectAttributes', () => {
  it('returns every attribute for no list or *, ranging the large one', () => {
    const all = select([]);
    expect(all).toEqual(select(['*']));
    expect(all).toContainEqual({ type: 'cn', count: 1 });
    expect(all).toContainEqual({ type: 'member', count: 0 });
    expect(all).toContainEqual({ type: 'member;range=0-4', count: 5 });
  });

  it('returns only the named attributes, matched without regard to case', () => {
    expect(select(['CN', 'MEMBER'])).toEqual([
      { type: 'cn', count: 1 },
      { type: 'member', count: 0 },
      { type: 'member;range=0-4', count: 5 },
    ]);
  });

  it('answers a range request under the stored name, and lets it win over *', () => {
    expect(select(['Member;Range=15-*'])).toEqual([{ type: 'member;range=15-*', count: 5 }]);
    expect(
      select(['*', 'member;range=5-*']).filter(({ type }) => type.startsWith('member')),
    ).toEqual([{ type: 'member;range=5-9', count: 5 }]);
  });

  it('returns nothing for 1.1 alone or for an attribute the entry lacks', () => {
    expect(select(['1.1'])).toEqual([]);
    expect(select(['mail', 'mail;range=0-*'])).toEqual([]);
  });

  it('drops the values when only types are asked for', () => {
    expect(select(['cn', 'member;range=0-*'], true)).toEqual([
      { type: 'cn', count: 0 },
      { type: 'member;range=0-4', count: 0 },
    ]);
  });

  it('throws for a range option it cannot read', () => {
    expect(() => select(['member;range=x-*'])).toThrow(RangeSyntaxError);
  });
});
