import { accessTokenFrom, needsRefresh } from './access-token';

const jwtWith = (claims: object) =>
  ['e30', Buffer.from(JSON.stringify(claims)).toString('base64url'), 'sig'].join('.');

describe('access tokens', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const seconds = now.getTime() / 1000;

  it('reads exp from the payload', () => {
    expect(accessTokenFrom(jwtWith({ exp: seconds + 3600 })).expiresAt).toBe(
      now.getTime() + 3_600_000,
    );
  });

  it('renews when fewer than five minutes remain, as upstream does', () => {
    expect(needsRefresh(accessTokenFrom(jwtWith({ exp: seconds + 301 })), now)).toBe(false);
    expect(needsRefresh(accessTokenFrom(jwtWith({ exp: seconds + 299 })), now)).toBe(true);
  });

  it('renews a token without a readable exp, and when there is none', () => {
    expect(needsRefresh(accessTokenFrom(jwtWith({})), now)).toBe(true);
    expect(needsRefresh(accessTokenFrom('not-a-jwt'), now)).toBe(true);
    expect(needsRefresh(null, now)).toBe(true);
  });
});
