import { retryAt, retryDelayMs } from './backoff';

describe('retry backoff after transient failures', () => {
  it('waits 30 s, then doubles with each failure in a row', () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
  });

  it('never retries later than the next scheduled run', () => {
    const finishedAt = new Date('2026-03-02T10:00:00.000Z');
    const scheduled = new Date('2026-03-02T10:05:00.000Z');

    expect(retryAt(finishedAt, 1, scheduled)).toEqual(new Date('2026-03-02T10:00:30.000Z'));
    expect(retryAt(finishedAt, 4, scheduled)).toEqual(new Date('2026-03-02T10:04:00.000Z'));
    expect(retryAt(finishedAt, 5, scheduled)).toEqual(scheduled);
  });

  it('keeps the backoff when no run is scheduled', () => {
    const finishedAt = new Date('2026-03-02T10:00:00.000Z');

    expect(retryAt(finishedAt, 2, null)).toEqual(new Date('2026-03-02T10:01:00.000Z'));
  });
});
