import { isRetryable, withRetry } from './retry';
import { readHttpFailure } from './http-failure';

function answered(status: number, options: { retryAfter?: string; reason?: string } = {}) {
  const headers = new Headers(options.retryAfter ? { 'retry-after': options.retryAfter } : {});
  const data = options.reason
    ? { error: { code: status, message: 'm', errors: [{ reason: options.reason }] } }
    : {};
  return Object.assign(new Error(`HTTP ${status}`), {
    status,
    response: { status, headers, data },
  });
}

const fast = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5_000 };

describe('isRetryable', () => {
  it.each([
    [429, undefined, true],
    [500, undefined, true],
    [503, undefined, true],
    [403, 'userRateLimitExceeded', true],
    [403, 'forbidden', false],
    [400, undefined, false],
    [401, undefined, false],
    [404, undefined, false],
  ])('HTTP %s (%s) → %s', (status, reason, expected) => {
    expect(isRetryable(readHttpFailure(answered(status, reason ? { reason } : {})))).toBe(expected);
  });

  it('retries a reset connection but not a refused one', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const refused = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    expect(isRetryable(readHttpFailure(reset))).toBe(true);
    expect(isRetryable(readHttpFailure(refused))).toBe(false);
  });
});

describe('withRetry', () => {
  it('waits what Retry-After says before trying again', async () => {
    const call = jest
      .fn()
      .mockRejectedValueOnce(answered(429, { retryAfter: '1' }))
      .mockResolvedValue('ok');
    const waits: number[] = [];
    const started = Date.now();

    await expect(withRetry(call, fast, undefined, (_, wait) => waits.push(wait))).resolves.toBe(
      'ok',
    );
    expect(waits).toEqual([1_000]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
  });

  it('caps a long Retry-After at the policy’s longest wait', async () => {
    const call = jest
      .fn()
      .mockRejectedValueOnce(answered(503, { retryAfter: '3600' }))
      .mockResolvedValue('ok');
    const waits: number[] = [];

    await withRetry(call, { ...fast, maxDelayMs: 20 }, undefined, (_, wait) => waits.push(wait));
    expect(waits).toEqual([20]);
  });

  it('gives up after maxAttempts and rethrows the last failure', async () => {
    const failure = answered(500);
    const call = jest.fn().mockRejectedValue(failure);

    await expect(withRetry(call, fast)).rejects.toBe(failure);
    expect(call).toHaveBeenCalledTimes(4);
  });

  it('does not retry what another try cannot fix', async () => {
    const call = jest.fn().mockRejectedValue(answered(400));

    await expect(withRetry(call, fast)).rejects.toThrow('HTTP 400');
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when the read is aborted', async () => {
    const controller = new AbortController();
    const call = jest.fn().mockRejectedValue(answered(429, { retryAfter: '30' }));
    const pending = withRetry(call, { ...fast, maxDelayMs: 60_000 }, controller.signal);
    controller.abort(new Error('stopped'));

    await expect(pending).rejects.toThrow('stopped');
  });
});
