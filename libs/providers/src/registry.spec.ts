import { ConfigurationError, type DirectoryProvider } from '@bwdc/core';

import { createDirectoryProvider, type ProviderContext, type ProviderRegistry } from './registry';

const context: ProviderContext = { settings: {}, secrets: {}, logger: { log: () => undefined } };

describe('createDirectoryProvider', () => {
  it('builds the provider registered for the type with the given context', () => {
    const provider: DirectoryProvider = {
      type: 'okta',
      read: () => Promise.reject(new Error('not read in this test')),
    };
    const factory = jest.fn(() => provider);
    const registry: ProviderRegistry = { okta: factory };

    expect(createDirectoryProvider('okta', context, registry)).toBe(provider);
    expect(factory).toHaveBeenCalledWith(context);
  });

  it('names the unsupported type and the supported ones', () => {
    const registry: ProviderRegistry = { ldap: jest.fn(), okta: jest.fn() };

    const run = () => createDirectoryProvider('entra', context, registry);

    expect(run).toThrow(ConfigurationError);
    expect(run).toThrow("cannot read a 'entra' directory");
    expect(run).toThrow(expect.objectContaining({ remedy: 'Choose one of: ldap, okta.' }));
  });
});
