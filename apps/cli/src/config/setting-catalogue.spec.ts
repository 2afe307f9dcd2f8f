import {
  FileDirectorySettingsSchema,
  LdapDirectorySettingsSchema,
  LdapSyncSettingsSchema,
  objectFields,
} from '@bwdc/providers';
import { SyncOptionsSchema, defaultSyncOptions } from '@bwdc/storage';

import { SETTINGS, findSetting } from './setting-catalogue';

const names = SETTINGS.map((setting) => setting.name);

describe('the setting catalogue', () => {
  it.each([
    ['ldap', Object.keys(LdapDirectorySettingsSchema.shape)],
    ['file', Object.keys(objectFields(FileDirectorySettingsSchema))],
    ['sync', Object.keys(LdapSyncSettingsSchema.shape)],
    ['sync', Object.keys(defaultSyncOptions())],
  ])('has a %s.* key for every field of its schema', (prefix, fields) => {
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) {
      expect(names).toContain(`${prefix}.${field}`);
    }
  });

  it('knows the type of every field (none falls back to JSON)', () => {
    const untyped = SETTINGS.filter(
      ({ target }) =>
        (target.kind === 'directory' || target.kind === 'sync') &&
        target.shape.kind.type === 'json',
    );
    expect(untyped.map((setting) => setting.name)).toEqual([]);
  });

  it('has upstream’s keys: server, directory and every directory secret', () => {
    for (const name of [
      'server',
      'server.api',
      'server.identity',
      'directory',
      'ldap.password',
      'gsuite.key',
      'entra.key',
      'azure.key',
      'okta.token',
      'onelogin.secret',
      'sync.inviteUsersAfterProvisioning',
    ]) {
      expect(findSetting(name)?.name).toBe(name);
    }
  });

  it('has no two keys that differ only in case', () => {
    const lower = names.map((name) => name.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  it('matches keys in any case', () => {
    expect(findSetting('LDAP.HOSTNAME')?.name).toBe('ldap.hostname');
    expect(findSetting('sync.largeimport')?.name).toBe('sync.largeImport');
    expect(findSetting('ldap.nope')).toBeNull();
  });

  it('mirrors the sync options the data file stores (until storage exports its schema)', () => {
    expect(Object.keys(SyncOptionsSchema.shape).sort()).toEqual(
      Object.keys(defaultSyncOptions()).sort(),
    );
    expect(SyncOptionsSchema.safeParse(defaultSyncOptions()).success).toBe(true);
  });
});
