import { RangeSyntaxError, parseAttributeRequest, plainValues, rangedValues } from './range';

const values = (count: number): number[] => Array.from({ length: count }, (_, index) => index);

describe('parseAttributeRequest', () => {
  it('reads a range option in any case, with a numeric or open end', () => {
    expect(parseAttributeRequest('member;range=1500-*')).toEqual({
      name: 'member',
      range: { low: 1500, high: null },
    });
    expect(parseAttributeRequest('Member;Range=0-99')).toEqual({
      name: 'Member',
      range: { low: 0, high: 99 },
    });
  });

  it('leaves a plain name, and other options, without a range', () => {
    expect(parseAttributeRequest('member')).toEqual({ name: 'member', range: null });
    expect(parseAttributeRequest('userCertificate;binary')).toEqual({
      name: 'userCertificate',
      range: null,
    });
  });

  it('rejects a range it cannot read or one that ends before it starts', () => {
    for (const bad of [
      'member;range=5',
      'member;range=a-*',
      'member;range=-1-5',
      'member;range=9-3',
    ]) {
      expect(() => parseAttributeRequest(bad)).toThrow(RangeSyntaxError);
    }
  });
});

describe('rangedValues', () => {
  it('caps an open range at MaxValRange and names the high bound it stopped at', () => {
    const answer = rangedValues('member', values(2000), { low: 0, high: null }, 1500);
    expect(answer.type).toBe('member;range=0-1499');
    expect(answer.values).toEqual(values(1500));
  });

  it('answers the last chunk with * as the high bound', () => {
    const answer = rangedValues('member', values(2000), { low: 1500, high: null }, 1500);
    expect(answer.type).toBe('member;range=1500-*');
    expect(answer.values).toEqual(values(2000).slice(1500));
  });

  it('gives a middle chunk its numeric bounds', () => {
    const answer = rangedValues('member', values(3500), { low: 1500, high: null }, 1500);
    expect(answer.type).toBe('member;range=1500-2999');
    expect(answer.values).toHaveLength(1500);
  });

  it('answers range=0-* on a small attribute with every value under range=0-*', () => {
    const answer = rangedValues('member', values(30), { low: 0, high: null }, 1500);
    expect(answer).toEqual({ type: 'member;range=0-*', values: values(30) });
  });

  it('keeps an explicit end below MaxValRange', () => {
    const answer = rangedValues('member', values(2000), { low: 0, high: 99 }, 1500);
    expect(answer.type).toBe('member;range=0-99');
    expect(answer.values).toHaveLength(100);
  });

  it('cuts an explicit end above MaxValRange to MaxValRange values', () => {
    const answer = rangedValues('member', values(5000), { low: 100, high: 4999 }, 1500);
    expect(answer.type).toBe('member;range=100-1599');
    expect(answer.values).toHaveLength(1500);
  });

  it('answers an end past the last value with * (Samba test: range=10-40 of 30 is 10-*)', () => {
    expect(rangedValues('spn', values(30), { low: 10, high: 40 }, 1500).type).toBe(
      'spn;range=10-*',
    );
    expect(rangedValues('spn', values(30), { low: 0, high: 29 }, 1500).type).toBe('spn;range=0-*');
    expect(rangedValues('spn', values(30), { low: 11, high: 15 }, 1500)).toEqual({
      type: 'spn;range=11-15',
      values: [11, 12, 13, 14, 15],
    });
  });

  it('answers a start at or past the end with low-* and no values', () => {
    expect(rangedValues('spn', values(30), { low: 30, high: 40 }, 1500)).toEqual({
      type: 'spn;range=30-*',
      values: [],
    });
    expect(rangedValues('member', values(1500), { low: 1500, high: null }, 1500)).toEqual({
      type: 'member;range=1500-*',
      values: [],
    });
  });
});

describe('plainValues', () => {
  it('returns up to MaxValRange values under the plain name', () => {
    expect(plainValues('member', values(1500), 1500)).toEqual([
      { type: 'member', values: values(1500) },
    ]);
  });

  it('ranges a larger attribute as range=0-* and keeps the plain name with no values', () => {
    const [plain, ranged] = plainValues('member', values(1501), 1500);
    expect(plain).toEqual({ type: 'member', values: [] });
    expect(ranged?.type).toBe('member;range=0-1499');
    expect(ranged?.values).toHaveLength(1500);
  });
});
