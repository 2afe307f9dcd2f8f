import { mapConcurrently } from './map-concurrently';

describe('mapConcurrently', () => {
  it('keeps at most the limit in flight and the results in order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapConcurrently([5, 1, 4, 2, 3, 0], 3, async (delay) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, delay));
      inFlight -= 1;
      return delay * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(3);
  });

  it('rejects on the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    await expect(
      mapConcurrently([1, 2, 3, 4, 5], 1, async (item) => {
        started.push(item);
        if (item === 2) {
          throw new Error('page failed');
        }
        return item;
      }),
    ).rejects.toThrow('page failed');
    expect(started).toEqual([1, 2]);
  });

  it('maps nothing to nothing', async () => {
    await expect(mapConcurrently([], 4, () => Promise.resolve(1))).resolves.toEqual([]);
  });
});
