import { BitwardenError } from './bitwarden-error';
import { parseRetryAfter, withRetry, type RetryPolicy } from './retry-policy';

const policy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 100,
  maxDelayMs: 1000,
  maxTotalDelayMs: 10_000,
};

const throttled = (retryAfterMs?: number) =>
  new BitwardenError('RATE_LIMITED', 'Throttled.', 'Wait.', {
    status: 429,
    transient: true,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });

function environment(random = 0.5) {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms), random: () => random };
}

describe('withRetry', () => {
  it('waits what Retry-After asks, then succeeds', async () => {
    const env = environment();
    const attempt = jest.fn().mockRejectedValueOnce(throttled(2000)).mockResolvedValue('done');

    await expect(withRetry(attempt, policy, env)).resolves.toBe('done');
    expect(env.waits).toEqual([2000]);
  });

  it('backs off exponentially with jitter when the server gives no Retry-After', async () => {
    const env = environment(0.5);
    const attempt = jest
      .fn()
      .mockRejectedValueOnce(throttled())
      .mockRejectedValueOnce(throttled())
      .mockRejectedValueOnce(throttled())
      .mockResolvedValue('done');

    await withRetry(attempt, policy, env);

    expect(env.waits).toEqual([50, 100, 200]);
  });

  it('gives up after the attempts allowed and says so', async () => {
    const env = environment();
    const attempt = jest.fn().mockRejectedValue(throttled());

    await expect(withRetry(attempt, policy, env)).rejects.toThrow('Gave up after 4 attempts.');
    expect(attempt).toHaveBeenCalledTimes(4);
  });

  it('gives up rather than wait past the total time allowed', async () => {
    const env = environment();
    const attempt = jest.fn().mockRejectedValue(throttled(60_000));

    await expect(withRetry(attempt, policy, env)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(env.waits).toEqual([]);
  });

  it('does not retry an error that is not transient', async () => {
    const attempt = jest
      .fn()
      .mockRejectedValue(new BitwardenError('REQUEST_REJECTED', 'No.', 'Fix it.', { status: 400 }));

    await expect(withRetry(attempt, policy, environment())).rejects.toThrow('No.');
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-01-01T00:00:00Z');

  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
