import { DATA_KEYS, createSecretStore, type DataFileStore } from '@bwdc/storage';

import type { LdapServer } from './loopback-servers';

/**
 * Upstream's LDAP test settings for `directory-20.ldif` (users are `person`s with `mail`, groups
 * `posixGroup`s listing `memberUid`s), written into the data file and the reader's password into
 * the secret store, as start-desktop-test-host.integration.spec.ts does.
 *
 * TODO(settings screen): the end-to-end test should enter these through the Settings screen once
 * it exists; this stands in for that step only.
 */
export async function writeLdapSettings(
  dataFile: DataFileStore,
  env: Readonly<Record<string, string>>,
  directory: LdapServer,
): Promise<void> {
  await dataFile.update((current) => {
    let next = DATA_KEYS.directoryType.write(current, 'ldap');
    next = DATA_KEYS.directories.write(next, {
      ...DATA_KEYS.directories.read(next),
      ldap: {
        hostname: '127.0.0.1',
        port: Number(new URL(directory.url).port),
        rootPath: directory.suffix,
        username: directory.reader.dn,
        ad: false,
      },
    });
    next = DATA_KEYS.syncOptions.write(next, {
      ...DATA_KEYS.syncOptions.read(next),
      users: true,
      groups: true,
      userObjectClass: 'person',
      groupObjectClass: 'posixGroup',
      groupNameAttribute: 'cn',
      userEmailAttribute: 'mail',
      memberAttribute: 'memberUid',
    });
    return { next, result: undefined };
  });
  await createSecretStore(env, dataFile).set('secretLdap', directory.reader.password);
}
