import { DEFAULT_GRAPH_RETRY, isRetryableStatus, retryDelayMs } from './graph-retry';

const policy = { ...DEFAULT_GRAPH_RETRY, random: () => 0.5 };

describe('retryDelayMs', () => {
  it('waits what Retry-After asks, in seconds or as a date, capped by the policy', () => {
    expect(retryDelayMs('3', 1, policy)).toBe(3000);
    expect(
      retryDelayMs('Thu, 26 Nov 2026 04:00:10 GMT', 1, policy, Date.parse('2026-11-26T04:00:00Z')),
    ).toBe(10_000);
    expect(retryDelayMs('3600', 1, policy)).toBe(60_000);
  });

  it('backs off exponentially with jitter when Graph says nothing', () => {
    expect(retryDelayMs(undefined, 1, policy)).toBe(500);
    expect(retryDelayMs(undefined, 3, policy)).toBe(2000);
    expect(retryDelayMs('', 20, policy)).toBe(30_000);
  });
});

describe('isRetryableStatus', () => {
  it('retries throttling and transient server failures only', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 501].some(isRetryableStatus)).toBe(false);
  });
});
