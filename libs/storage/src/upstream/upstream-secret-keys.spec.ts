import type { SecretStore } from '@bwdc/core';

import { directorySecretCandidates, readFirstSecret } from './upstream-secret-keys';

describe('directory secret keys', () => {
  it('tries the scoped key, then the unscoped one of older installs', () => {
    expect(directorySecretCandidates('ldap', 'cfg-1')).toEqual(['secretLdap:cfg-1', 'secretLdap']);
    expect(directorySecretCandidates('okta', undefined)).toEqual(['secretOkta']);
  });

  it('also tries the old Azure name for Entra ID', () => {
    expect(directorySecretCandidates('entra', 'cfg-2')).toEqual([
      'secretEntra:cfg-2',
      'secretAzure:cfg-2',
      'secretEntra',
      'secretAzure',
    ]);
  });

  it('reads the first key that holds a secret', async () => {
    const entries = new Map([['secretAzure', 'old-azure-key']]);
    const store: SecretStore = {
      get: async (key) => entries.get(key) ?? null,
      set: async () => undefined,
      remove: async () => undefined,
    };

    await expect(readFirstSecret(store, directorySecretCandidates('entra', 'cfg-2'))).resolves.toBe(
      'old-azure-key',
    );
    await expect(
      readFirstSecret(store, directorySecretCandidates('ldap', 'x')),
    ).resolves.toBeNull();
  });
});
