import { ConfigurationError, type Logger } from '@bwdc/core';

import { createDirectoryProvider, type ProviderRegistry } from '../registry';
import type { ProviderSettings } from '../settings/provider-settings';
import { describeField, objectFields } from '../settings/setting-field';
import { createGoogleProvider } from './create-google-provider';
import { GoogleDirectoryProvider } from './google-directory-provider';
import { GoogleDirectorySettingsSchema } from './google-settings';

const logger: Logger = { log: () => undefined };
const directory = {
  domain: 'example.test',
  adminUser: 'admin@example.test',
  clientEmail: 'sa@p.iam.gserviceaccount.com',
};

describe('createGoogleProvider', () => {
  it('builds the provider from upstream’s directoryGsuite settings and the privateKey secret', () => {
    const provider = createGoogleProvider({
      settings: { directory: { ...directory, customer: null, id: 'abc' }, sync: { users: true } },
      secrets: { privateKey: 'pem' },
      logger,
    });

    expect(provider).toBeInstanceOf(GoogleDirectoryProvider);
    expect(provider.type).toBe('gsuite');
  });

  it('names every missing setting', () => {
    const create = () =>
      createGoogleProvider({ settings: { directory: {}, sync: {} }, secrets: {}, logger });

    expect(create).toThrow(ConfigurationError);
    expect(create).toThrow(/domain: .*adminUser: .*clientEmail: /);
  });

  it('refuses a concurrency outside 1..32', () => {
    expect(() =>
      createGoogleProvider({
        settings: { directory: { ...directory, concurrency: 0 }, sync: {} },
        secrets: {},
        logger,
      }),
    ).toThrow(/concurrency/);
  });
});

describe('the rows the shared tables get', () => {
  it('registers as the gsuite directory type', () => {
    const registry: ProviderRegistry = { gsuite: (context) => createGoogleProvider(context) };
    const provider = createDirectoryProvider(
      'gsuite',
      { settings: { directory, sync: {} }, secrets: { privateKey: 'pem' }, logger },
      registry,
    );

    expect(provider.type).toBe('gsuite');
  });

  it('describes every setting for bwdc config and the desktop form', () => {
    const row: ProviderSettings = { type: 'gsuite', directory: GoogleDirectorySettingsSchema };
    const fields = Object.fromEntries(
      Object.entries(objectFields(row.directory)).map(([name, schema]) => [
        name,
        describeField(schema).kind.type,
      ]),
    );

    expect(fields).toEqual({
      domain: 'text',
      adminUser: 'text',
      customer: 'text',
      clientEmail: 'text',
      concurrency: 'integer',
    });
  });
});
