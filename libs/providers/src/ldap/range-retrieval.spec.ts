import { allRangedValues, RangeRetrievalError, rangedChunk } from './range-retrieval';

const members = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, index) => `cn=u${from + index},dc=example`);

describe('rangedChunk', () => {
  it('takes a plain attribute as complete', () => {
    expect(rangedChunk({ dn: 'cn=g', member: members(0, 2) }, 'member')).toEqual({
      values: members(0, 2),
      next: null,
      ranged: false,
    });
  });

  it('asks for the rest after a partial range, whatever the case of the name', () => {
    const chunk = rangedChunk(
      { dn: 'cn=g', member: [], 'Member;Range=0-1499': members(0, 1499) },
      'member',
    );

    expect(chunk.values).toHaveLength(1500);
    expect(chunk.next).toBe('member;range=1500-*');
    expect(chunk.ranged).toBe(true);
  });

  it('ends at a range ending in *', () => {
    const chunk = rangedChunk({ dn: 'cn=g', 'member;range=1500-*': members(1500, 1999) }, 'member');

    expect(chunk).toEqual({ values: members(1500, 1999), next: null, ranged: true });
  });

  it('ignores other attributes and their ranges', () => {
    const chunk = rangedChunk(
      { dn: 'cn=g', cn: 'g', 'memberOf;range=0-9': ['x'], 'member;range=0-*': ['y'] },
      'member',
    );

    expect(chunk).toEqual({ values: ['y'], next: null, ranged: true });
  });
});

describe('allRangedValues', () => {
  it('follows the ranges until one ends in *', async () => {
    const asked: string[] = [];
    const answers: Record<string, Record<string, string[]>> = {
      'member;range=1500-*': { 'member;range=1500-2999': members(1500, 2999) },
      'member;range=3000-*': { 'member;range=3000-*': members(3000, 3200) },
    };
    const first = rangedChunk({ 'member;range=0-1499': members(0, 1499) }, 'member');

    const values = await allRangedValues(first, 'member', async (attribute) => {
      asked.push(attribute);
      return answers[attribute] ?? {};
    });

    expect(values).toEqual(members(0, 3200));
    expect(asked).toEqual(['member;range=1500-*', 'member;range=3000-*']);
  });

  it('asks nothing when the first answer was complete', async () => {
    const fetch = jest.fn();

    await expect(
      allRangedValues(rangedChunk({ member: ['a'] }, 'member'), 'member', fetch),
    ).resolves.toEqual(['a']);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fails, rather than return a short list, when a continuation is not answered', async () => {
    const first = rangedChunk({ 'member;range=0-1499': members(0, 1499) }, 'member');

    await expect(allRangedValues(first, 'member', async () => ({ dn: 'cn=g' }))).rejects.toThrow(
      RangeRetrievalError,
    );
  });

  it('fails when the server repeats the same range instead of moving on', async () => {
    const first = rangedChunk({ 'member;range=0-1499': members(0, 1499) }, 'member');

    await expect(
      allRangedValues(first, 'member', async () => ({ 'member;range=0-1499': members(0, 1499) })),
    ).rejects.toThrow('member;range=1500-*');
  });
});
