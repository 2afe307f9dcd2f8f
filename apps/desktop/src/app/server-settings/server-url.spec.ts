import { normaliseServerUrl as coreNormaliseServerUrl } from '@bwdc/core';
import fc from 'fast-check';

import { normaliseServerUrl, serverUrlProblem } from './server-url';

describe('serverUrlProblem', () => {
  it.each([
    'https://bitwarden.example.com',
    'https://bitwarden.example.com:8443/vault/',
    'bitwarden.example.com',
    'http://localhost:8080',
    'http://127.0.0.1',
    'http://127.1.2.3:4000',
    'http://[::1]:8080',
  ])('accepts %s', (url) => {
    expect(serverUrlProblem(url)).toBeNull();
  });

  it.each([
    ['', 'required'],
    ['  ', 'required'],
    ['http://bitwarden.example.com', 'insecure'],
    ['http://localhost.example.com', 'insecure'],
    ['http://127.0.0.1.example.com', 'insecure'],
    ['http://10.0.0.5', 'insecure'],
    ['ftp://bitwarden.example.com', 'invalid'],
    ['https://user:password@bitwarden.example.com', 'invalid'],
    ['https://bitwarden.example.com/?next=elsewhere', 'invalid'],
    ['https://bitwarden.example.com/#vault', 'invalid'],
    ['https://bitwarden example.com', 'invalid'],
  ])('%j: %s', (url, problem) => {
    expect(serverUrlProblem(url)).toBe(problem);
  });
});

describe('normaliseServerUrl', () => {
  // The renderer keeps a copy of the core's rule; this holds the two together.
  it('answers as libs/core does', () => {
    const urls = fc.oneof(
      fc.webUrl(),
      fc.domain(),
      fc.string(),
      fc.tuple(fc.webUrl(), fc.stringMatching(/^[ /]*$/)).map(([url, tail]) => ` ${url}${tail}`),
    );
    fc.assert(
      fc.property(urls, (url) => {
        expect(normaliseServerUrl(url)).toBe(coreNormaliseServerUrl(url));
      }),
    );
  });
});
