import { DEFAULT_DELETION_GUARD, removalLimit } from './deletion-guard';

describe('removalLimit', () => {
  it('is the larger of 10 members and 10% by default', () => {
    expect(removalLimit(DEFAULT_DELETION_GUARD, 0)).toBe(10);
    expect(removalLimit(DEFAULT_DELETION_GUARD, 100)).toBe(10);
    expect(removalLimit(DEFAULT_DELETION_GUARD, 250)).toBe(25);
    expect(removalLimit(DEFAULT_DELETION_GUARD, 1009)).toBe(100);
  });

  it('uses whichever part is set, and is off when neither is', () => {
    expect(removalLimit({ maxRemovals: 3, maxRemovalsPercent: null }, 1000)).toBe(3);
    expect(removalLimit({ maxRemovals: null, maxRemovalsPercent: 20 }, 1000)).toBe(200);
    expect(removalLimit({ maxRemovals: 0, maxRemovalsPercent: 0 }, 1000)).toBe(0);
    expect(removalLimit({ maxRemovals: null, maxRemovalsPercent: null }, 1000)).toBeNull();
  });
});
