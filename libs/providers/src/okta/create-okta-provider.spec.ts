import { ConfigurationError, type Logger } from '@bwdc/core';

import { createDirectoryProvider, type ProviderRegistry } from '../registry';
import type { ProviderSettings } from '../settings/provider-settings';
import { describeField, objectFields } from '../settings/setting-field';
import { createOktaProvider } from './create-okta-provider';
import { OktaDirectoryProvider } from './okta-directory-provider';
import { OktaDirectorySettingsSchema, normaliseOrgUrl } from './okta-settings';

const logger: Logger = { log: () => undefined };

describe('createOktaProvider', () => {
  it('builds the provider from upstream’s directoryOkta settings and the token secret', () => {
    const provider = createOktaProvider({
      settings: { directory: { orgUrl: 'acme.okta.com/', id: 'x' }, sync: { users: true } },
      secrets: { token: 't' },
      logger,
    });

    expect(provider).toBeInstanceOf(OktaDirectoryProvider);
    expect(provider.type).toBe('okta');
  });

  it('names every missing or invalid setting', () => {
    const create = (directory: object) =>
      createOktaProvider({ settings: { directory, sync: {} }, secrets: {}, logger });

    expect(() => create({})).toThrow(ConfigurationError);
    expect(() => create({})).toThrow(/orgUrl: /);
    expect(() => create({ orgUrl: 'http://acme.okta.com' })).toThrow(/https:\/\//);
    expect(() => create({ orgUrl: 'https://acme.okta.com/api/v1' })).toThrow(/without a path/);
    expect(() => create({ orgUrl: 'https://acme.okta.com', concurrency: 0 })).toThrow(
      /concurrency/,
    );
  });
});

describe('normaliseOrgUrl', () => {
  it.each([
    ['acme.okta.com', 'https://acme.okta.com'],
    [' https://acme.okta.com/ ', 'https://acme.okta.com'],
    ['https://127.0.0.1:8443//', 'https://127.0.0.1:8443'],
  ])('%s → %s', (given, expected) => {
    expect(normaliseOrgUrl(given)).toBe(expected);
  });
});

describe('the rows the shared tables get', () => {
  it('registers as the okta directory type', () => {
    const registry: ProviderRegistry = { okta: (context) => createOktaProvider(context) };
    const provider = createDirectoryProvider(
      'okta',
      {
        settings: { directory: { orgUrl: 'https://acme.okta.com' }, sync: {} },
        secrets: { token: 't' },
        logger,
      },
      registry,
    );

    expect(provider.type).toBe('okta');
  });

  it('describes every setting for bwdc config and the desktop form', () => {
    const row: ProviderSettings = { type: 'okta', directory: OktaDirectorySettingsSchema };
    const fields = Object.fromEntries(
      Object.entries(objectFields(row.directory)).map(([name, schema]) => [
        name,
        describeField(schema).kind.type,
      ]),
    );

    expect(fields).toEqual({ orgUrl: 'text', concurrency: 'integer' });
  });
});
