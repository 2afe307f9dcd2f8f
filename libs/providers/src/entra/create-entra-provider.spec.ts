import { ConfigurationError, type Logger } from '@bwdc/core';

import { createEntraProvider } from './create-entra-provider';
import { EntraDirectoryProvider } from './entra-directory-provider';

const logger: Logger = { log: () => undefined };
const directory = { tenant: 'contoso.onmicrosoft.com', applicationId: 'app-id' };

describe('createEntraProvider', () => {
  it('builds the provider from upstream-shaped settings and the `key` secret', () => {
    const provider = createEntraProvider({
      settings: { directory, sync: { users: true, groups: true } },
      secrets: { key: 'secret' },
      logger,
    });
    expect(provider).toBeInstanceOf(EntraDirectoryProvider);
    expect(provider.type).toBe('entra');
  });

  it('names every invalid setting', () => {
    expect(() =>
      createEntraProvider({
        settings: { directory: {}, sync: { users: 'yes' } },
        secrets: {},
        logger,
      }),
    ).toThrow(/tenant: the tenant.*applicationId: the application.*users: /);
  });

  it('refuses a filter it cannot read before anything is sent', () => {
    const build = () =>
      createEntraProvider({
        settings: { directory, sync: { userFilter: 'includeGroups:g1' } },
        secrets: { key: 'secret' },
        logger,
      });
    expect(build).toThrow(ConfigurationError);
    expect(build).toThrow(/user filter must start with/);
  });

  it('says when the CA file cannot be read', () => {
    expect(() =>
      createEntraProvider({
        settings: { directory: { ...directory, caPath: '/nonexistent/ca.pem' }, sync: {} },
        secrets: { key: 'secret' },
        logger,
      }),
    ).toThrow(/CA certificate file \/nonexistent\/ca\.pem cannot be read/);
  });

  it('a read without the client secret fails with a configuration error', async () => {
    const provider = createEntraProvider({
      settings: { directory, sync: {} },
      secrets: {},
      logger,
    });
    await expect(
      provider.read({ mode: 'full', dryRun: false, cursor: null, startedAt: new Date() }),
    ).rejects.toThrow(/client secret is not set/);
  });
});
