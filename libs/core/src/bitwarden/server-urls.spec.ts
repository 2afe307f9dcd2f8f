import { BitwardenError } from './bitwarden-error';
import { assertCanonicalUrl, normaliseServerUrl, resolveServerUrls } from './server-urls';

describe('resolveServerUrls', () => {
  it('defaults to the US cloud', () => {
    expect(resolveServerUrls({})).toEqual({
      apiUrl: 'https://api.bitwarden.com',
      identityUrl: 'https://identity.bitwarden.com',
    });
  });

  it('hangs /api and /identity below a self-hosted base URL', () => {
    expect(resolveServerUrls({ base: ' vault.example.com/ ' })).toEqual({
      apiUrl: 'https://vault.example.com/api',
      identityUrl: 'https://vault.example.com/identity',
    });
  });

  it('lets explicit api and identity URLs win over the base', () => {
    expect(
      resolveServerUrls({
        base: 'https://vault.example.com',
        api: 'https://api.example.com//',
        identity: 'http://127.0.0.1:8080',
      }),
    ).toEqual({ apiUrl: 'https://api.example.com', identityUrl: 'http://127.0.0.1:8080' });
  });

  it('treats blank values as unset', () => {
    expect(normaliseServerUrl('   ')).toBeNull();
    expect(normaliseServerUrl(null)).toBeNull();
  });
});

describe('assertCanonicalUrl', () => {
  it('accepts a URL already in canonical form', () => {
    expect(assertCanonicalUrl('http://127.0.0.1:8080/api/public/members').port).toBe('8080');
  });

  it.each([
    'https://Vault.Example.com/api',
    'https://vault.example.com:443/api',
    'https://vault.example.com/api/../admin',
    'not a url',
    'ftp://vault.example.com/api',
  ])('refuses %s, as upstream does', (url) => {
    expect(() => assertCanonicalUrl(url)).toThrow(BitwardenError);
    expect(() => assertCanonicalUrl(url)).toThrow(
      expect.objectContaining({ code: 'INVALID_SERVER_URL' }),
    );
  });
});
