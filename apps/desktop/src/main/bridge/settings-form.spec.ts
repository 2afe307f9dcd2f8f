import { MemorySecretStore } from '@bwdc/core/testing';
import { DATA_KEYS, emptyDataFile, type DataFile } from '@bwdc/storage';

import type { DirectoryForm, SettingsChange, SettingsView } from '../../shared/settings-view';
import { applySettings, settingsViewOf } from './settings-form';

const LDAP_CHANGE: SettingsChange = {
  directoryType: 'ldap',
  directory: { hostname: 'ldap.example.com', port: 636, ssl: true, rootPath: 'dc=example,dc=com' },
  sync: { users: true, groups: true, interval: 30, userObjectClass: 'inetOrgPerson' },
};

function formOf(view: SettingsView, type: string): DirectoryForm {
  const form = view.forms.directories.find((candidate) => candidate.type === type);
  if (form === undefined) {
    throw new Error(`No form for ${type}.`);
  }
  return form;
}

const fieldsByName = (form: DirectoryForm) =>
  Object.fromEntries(form.fields.map((field) => [field.name, field]));

function applied(file: DataFile, change: SettingsChange): DataFile {
  const result = applySettings(file, change);
  if (!result.ok) {
    throw new Error(`Expected the change to apply: ${JSON.stringify(result.problems)}`);
  }
  return result.next;
}

describe('settingsViewOf', () => {
  it('describes every field of every provider', async () => {
    const view = await settingsViewOf(emptyDataFile(), new MemorySecretStore());

    expect(view.forms.directories.map((form) => form.type)).toEqual([
      'ldap',
      'entra',
      'gsuite',
      'okta',
      'onelogin',
      'file',
    ]);
    expect(
      view.forms.directories.filter((form) => form.available).map((form) => form.type),
    ).toEqual(['ldap', 'entra', 'gsuite', 'okta', 'onelogin', 'file']);
    const ldap = fieldsByName(formOf(view, 'ldap'));
    expect(ldap['hostname']).toMatchObject({ kind: 'text', nullable: false });
    expect(ldap['port']).toMatchObject({ kind: 'integer', defaultValue: 389 });
    expect(ldap['ssl']).toMatchObject({ kind: 'boolean', defaultValue: false });
    expect(ldap['sslCaPath']).toMatchObject({ kind: 'file', nullable: true });
    expect(ldap['rootPath']).toMatchObject({ kind: 'text', nullable: true });
    expect(formOf(view, 'ldap').syncFields.map((field) => field.name)).toContain('memberAttribute');
    expect(formOf(view, 'ldap').secret).toEqual({ name: 'password', isSet: false });
    const file = fieldsByName(formOf(view, 'file'));
    expect(file['path']).toMatchObject({ kind: 'file' });
    expect(file['format']).toMatchObject({
      kind: 'choice',
      options: ['csv', 'json', 'ldif'],
      nullable: true,
    });
    expect(formOf(view, 'file').secret).toBeNull();
    expect(formOf(view, 'entra').secret).toEqual({ name: 'key', isSet: false });
    expect(view.forms.sync.map((field) => field.name)).toEqual([
      'users',
      'groups',
      'interval',
      'userFilter',
      'groupFilter',
      'removeDisabled',
      'overwriteExisting',
      'largeImport',
      'inviteUsersAfterProvisioning',
      'maxRemovals',
      'maxRemovalsPercent',
      'schedule',
    ]);
  });

  it('describes the deletion guard and the serve schedule as nullable, with their defaults', async () => {
    const view = await settingsViewOf(emptyDataFile(), new MemorySecretStore());
    const sync = Object.fromEntries(view.forms.sync.map((field) => [field.name, field]));

    expect(sync['maxRemovals']).toMatchObject({
      kind: 'integer',
      nullable: true,
      defaultValue: 10,
    });
    expect(sync['maxRemovalsPercent']).toMatchObject({ nullable: true, defaultValue: 10 });
    expect(sync['schedule']).toMatchObject({ kind: 'text', nullable: true, defaultValue: null });
    expect(view.sync).toMatchObject({ maxRemovals: 10, maxRemovalsPercent: 10, schedule: null });
  });

  it('gives each field its stored value or its default, and tells whether the secret is set', async () => {
    const secrets = new MemorySecretStore();
    await secrets.set('secretLdap', 'directory-password');
    const file = applied(emptyDataFile(), LDAP_CHANGE);

    const view = await settingsViewOf(file, secrets);

    expect(view.directoryType).toBe('ldap');
    expect(view.directories['ldap']).toMatchObject({
      hostname: 'ldap.example.com',
      port: 636,
      startTls: false,
      pageSize: 500,
      username: null,
    });
    expect(view.sync).toMatchObject({
      users: true,
      interval: 30,
      userObjectClass: 'inetOrgPerson',
    });
    expect(view.sync).toHaveProperty('memberAttribute', null);
    expect(view.forms.directories[0]?.secret).toEqual({ name: 'password', isSet: true });
    expect(JSON.stringify(view)).not.toContain('directory-password');
    expect(view.profile).toBe('default');
    expect(view.profiles).toEqual(['default']);
  });
});

describe('applySettings', () => {
  it("stores the chosen directory's settings and the sync options in the active profile", () => {
    const file = applied(emptyDataFile(), LDAP_CHANGE);

    expect(DATA_KEYS.directoryType.read(file)).toBe('ldap');
    expect(DATA_KEYS.directories.read(file)['ldap']).toEqual(LDAP_CHANGE.directory);
    expect(DATA_KEYS.syncOptions.read(file)).toMatchObject({
      users: true,
      groups: true,
      interval: 30,
      userObjectClass: 'inetOrgPerson',
      removeDisabled: false,
    });
  });

  it('saves the deletion guard limits and the serve schedule, null turning a limit off', () => {
    const file = applied(emptyDataFile(), {
      ...LDAP_CHANGE,
      sync: { maxRemovals: null, maxRemovalsPercent: 25, schedule: '0 */6 * * *' },
    });

    expect(DATA_KEYS.syncOptions.read(file)).toMatchObject({
      maxRemovals: null,
      maxRemovalsPercent: 25,
      schedule: '0 */6 * * *',
    });
  });

  it('refuses a share of the organization over 100%', () => {
    const result = applySettings(emptyDataFile(), {
      ...LDAP_CHANGE,
      sync: { maxRemovalsPercent: 150 },
    });

    expect(!result.ok && result.problems).toEqual([
      expect.objectContaining({ section: 'sync', field: 'maxRemovalsPercent' }),
    ]);
  });

  it('keeps stored fields the form does not show, such as upstream’s config id', () => {
    const start = DATA_KEYS.directories.write(emptyDataFile(), {
      ldap: { id: 'c0ffee', hostname: 'old.example.com' },
    });

    const file = applied(start, LDAP_CHANGE);

    expect(DATA_KEYS.directories.read(file)['ldap']).toMatchObject({
      id: 'c0ffee',
      hostname: 'ldap.example.com',
    });
  });

  it('leaves out an emptied field that cannot hold null, so its default applies', () => {
    const file = applied(emptyDataFile(), {
      ...LDAP_CHANGE,
      directory: { ...LDAP_CHANGE.directory, port: null, username: null },
    });

    const ldap = DATA_KEYS.directories.read(file)['ldap'];
    expect(ldap).not.toHaveProperty('port');
    expect(ldap).toHaveProperty('username', null);
  });

  it('returns the schema’s problems by section and field, and applies nothing', () => {
    const result = applySettings(emptyDataFile(), {
      directoryType: 'ldap',
      directory: { hostname: '  ', port: 70_000 },
      sync: { users: 'yes' },
    });

    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual(
      expect.arrayContaining([
        {
          section: 'directory',
          field: 'hostname',
          message: 'the LDAP server host name is required',
        },
        expect.objectContaining({ section: 'directory', field: 'port' }),
        expect.objectContaining({ section: 'sync', field: 'users' }),
      ]),
    );
  });

  it('calls an emptied required field required, not a value of the wrong type', () => {
    const emptied = applySettings(emptyDataFile(), {
      directoryType: 'ldap',
      directory: { hostname: null },
      sync: {},
    });
    const ownMessage = applySettings(emptyDataFile(), {
      directoryType: 'file',
      directory: { path: null },
      sync: {},
    });

    expect(!emptied.ok && emptied.problems).toEqual([
      { section: 'directory', field: 'hostname', message: 'This setting is required.' },
    ]);
    expect(!ownMessage.ok && ownMessage.problems).toEqual([
      { section: 'directory', field: 'path', message: 'the path of the export file is required' },
    ]);
  });

  it('forgets the last sync when the directory type changes, and only then', () => {
    const synced = DATA_KEYS.syncState.write(applied(emptyDataFile(), LDAP_CHANGE), {
      lastSyncHash: 'hash',
      lastUserSync: '2026-11-01T00:00:00.000Z',
      lastGroupSync: null,
      userDeltaToken: null,
      groupDeltaToken: null,
      lastSyncUserCount: null,
    });

    const sameType = applied(synced, { ...LDAP_CHANGE, sync: { interval: 60 } });
    const otherType = applied(synced, {
      directoryType: 'file',
      directory: { path: '/srv/hr/people.csv' },
      sync: {},
    });

    expect(DATA_KEYS.syncState.read(sameType).lastSyncHash).toBe('hash');
    expect(DATA_KEYS.syncState.read(otherType)).toMatchObject({
      lastSyncHash: null,
      lastUserSync: null,
    });
    expect(DATA_KEYS.directories.read(otherType)['ldap']).toEqual(LDAP_CHANGE.directory);
  });

  it('validates the file directory through its transform (a path without a known extension)', () => {
    const result = applySettings(emptyDataFile(), {
      directoryType: 'file',
      directory: { path: '/srv/hr/people.txt' },
      sync: {},
    });

    expect(!result.ok && result.problems).toEqual([
      expect.objectContaining({ section: 'directory', field: 'format' }),
    ]);
  });
});
