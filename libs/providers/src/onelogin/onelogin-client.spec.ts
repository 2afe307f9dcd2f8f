import { rateLimitResetMs } from './onelogin-client';

describe('rateLimitResetMs', () => {
  it('reads X-RateLimit-Reset as the seconds left (not an epoch time)', () => {
    expect(rateLimitResetMs({ 'x-ratelimit-reset': '7' })).toBe(7_000);
    expect(rateLimitResetMs({ 'x-ratelimit-reset': '0' })).toBe(0);
  });

  it('falls back to Retry-After, and gives null without either', () => {
    expect(rateLimitResetMs({ 'retry-after': '2' })).toBe(2_000);
    expect(rateLimitResetMs({ 'x-ratelimit-reset': '' })).toBeNull();
    expect(rateLimitResetMs({})).toBeNull();
  });
});
