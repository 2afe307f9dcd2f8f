import { clampSyncInterval } from './sync-interval';

describe('clampSyncInterval', () => {
  it.each([
    [null, null],
    [0, null],
    [-10, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [1, 5],
    [4.5, 5],
    [5, 5],
    [90, 90],
  ])('turns %p minutes into %p, as upstream saves it', (stored, used) => {
    expect(clampSyncInterval(stored)).toBe(used);
  });
});
