import { ConfigurationError, type Logger } from '@bwdc/core';

import { createDirectoryProvider, type ProviderRegistry } from '../registry';
import type { ProviderSettings } from '../settings/provider-settings';
import { describeField, objectFields } from '../settings/setting-field';
import { createOneLoginProvider } from './create-onelogin-provider';
import { OneLoginDirectoryProvider } from './onelogin-directory-provider';
import { OneLoginError } from './onelogin-error';
import { OneLoginDirectorySettingsSchema, oneLoginBaseUrl } from './onelogin-settings';

const logger: Logger = { log: () => undefined };

describe('createOneLoginProvider', () => {
  it('builds the provider from upstream’s directoryOnelogin settings and the clientSecret secret', () => {
    const provider = createOneLoginProvider({
      settings: { directory: { id: 'x', clientId: 'abc', region: 'eu' }, sync: { users: true } },
      secrets: { clientSecret: 'secret' },
      logger,
    });

    expect(provider).toBeInstanceOf(OneLoginDirectoryProvider);
    expect(provider.type).toBe('onelogin');
  });

  it('names every missing or invalid setting', () => {
    const create = () =>
      createOneLoginProvider({
        settings: { directory: { region: 'ap' }, sync: {} },
        secrets: {},
        logger,
      });

    expect(create).toThrow(ConfigurationError);
    expect(create).toThrow(/clientId: .*region: /);
  });

  it('defaults the region to us, as upstream', () => {
    expect(OneLoginDirectorySettingsSchema.parse({ clientId: 'a' })).toEqual({
      clientId: 'a',
      region: 'us',
      concurrency: 4,
    });
    expect(oneLoginBaseUrl('us')).toBe('https://api.us.onelogin.com');
    expect(oneLoginBaseUrl('eu')).toBe('https://api.eu.onelogin.com');
  });

  it('fails the read with a typed error when the client secret is missing', async () => {
    const provider = createOneLoginProvider({
      settings: { directory: { clientId: 'abc' }, sync: { users: true } },
      secrets: { clientSecret: null },
      logger,
    });

    await expect(
      provider.read({ mode: 'full', dryRun: false, cursor: null, startedAt: new Date() }),
    ).rejects.toMatchObject({
      constructor: OneLoginError,
      code: 'ONELOGIN_SETTINGS_INCOMPLETE',
      side: 'directory',
    });
  });
});

describe('the rows the shared tables get', () => {
  it('registers as the onelogin directory type', () => {
    const registry: ProviderRegistry = { onelogin: (context) => createOneLoginProvider(context) };
    const provider = createDirectoryProvider(
      'onelogin',
      { settings: { directory: { clientId: 'abc' }, sync: {} }, secrets: {}, logger },
      registry,
    );

    expect(provider.type).toBe('onelogin');
  });

  it('describes every setting for bwdc config and the desktop form', () => {
    const row: ProviderSettings = { type: 'onelogin', directory: OneLoginDirectorySettingsSchema };
    const fields = Object.fromEntries(
      Object.entries(objectFields(row.directory)).map(([name, schema]) => [
        name,
        describeField(schema).kind,
      ]),
    );

    expect(fields).toEqual({
      clientId: { type: 'text' },
      region: { type: 'choice', options: ['us', 'eu'] },
      concurrency: { type: 'integer' },
    });
  });
});
