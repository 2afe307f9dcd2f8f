import { ConfigurationError } from '@bwdc/core';

import { createDirectoryProvider, type ProviderContext } from '../registry';
import { LdapDirectoryProvider } from './ldap-directory-provider';

const context = (settings: unknown): ProviderContext => ({
  settings,
  secrets: { password: 'secret' },
  logger: { log: () => undefined },
});

describe('the LDAP entry of the provider registry', () => {
  it('builds an LDAP provider from a profile’s directory settings and sync options', () => {
    const provider = createDirectoryProvider(
      'ldap',
      context({
        directory: { hostname: 'ldap.example.com', ad: false },
        sync: { users: true, memberAttribute: 'member' },
      }),
    );

    expect(provider).toBeInstanceOf(LdapDirectoryProvider);
    expect(provider.type).toBe('ldap');
  });

  it('names every invalid setting', () => {
    const run = () =>
      createDirectoryProvider(
        'ldap',
        context({ directory: { port: 'ninety' }, sync: { users: 'yes' } }),
      );

    expect(run).toThrow(ConfigurationError);
    expect(run).toThrow(/hostname: .*port: .*users: /);
  });
});
