import type { DirectoryType } from '@bwdc/core';

import type { DirectoryForm, FieldView, SettingsView } from '../../shared/settings-view';

/**
 * SettingsView fixtures as main builds them (`settings-form.ts` in main) for an LDAP profile:
 * the field lists follow the LDAP and file providers' schemas and the data file's sync options.
 */

const text = (name: string, nullable = true, defaultValue: unknown = null): FieldView => ({
  name,
  kind: 'text',
  options: [],
  nullable,
  defaultValue,
});
const file = (name: string, nullable = true): FieldView => ({
  ...text(name, nullable),
  kind: 'file',
});
const flag = (name: string, defaultValue: boolean | null): FieldView => ({
  name,
  kind: 'boolean',
  options: [],
  nullable: false,
  defaultValue,
});
const integer = (name: string, defaultValue: number): FieldView => ({
  name,
  kind: 'integer',
  options: [],
  nullable: false,
  defaultValue,
});

export const LDAP_FIELDS: readonly FieldView[] = [
  text('hostname', false),
  integer('port', 389),
  text('rootPath'),
  text('domain'),
  flag('ssl', false),
  flag('startTls', false),
  flag('sslAllowUnauthorized', false),
  file('sslCertPath'),
  file('sslKeyPath'),
  file('sslCaPath'),
  file('tlsCaPath'),
  text('username'),
  flag('currentUser', false),
  flag('ad', true),
  flag('pagedSearch', true),
  integer('pageSize', 500),
  flag('includeSystemAccounts', false),
  flag('primaryGroupMembers', true),
];

export const LDAP_SYNC_FIELDS: readonly FieldView[] = [
  text('userObjectClass'),
  text('groupObjectClass'),
  text('userPath'),
  text('groupPath'),
  text('userEmailAttribute'),
  text('groupNameAttribute'),
  text('memberAttribute'),
  flag('useEmailPrefixSuffix', false),
  text('emailPrefixAttribute'),
  text('emailSuffix'),
  text('creationDateAttribute'),
  text('revisionDateAttribute'),
];

export const FILE_FIELDS: readonly FieldView[] = [
  file('path', false),
  {
    name: 'format',
    kind: 'choice',
    options: ['csv', 'json', 'ldif'],
    nullable: true,
    defaultValue: null,
  },
  text('delimiter', false, ','),
  text('emailColumn', false),
  text('externalIdColumn', false),
  text('disabledColumn', false),
  text('deletedColumn', false),
  text('groupsColumn', false),
  text('groupSeparator', false, ';'),
  text('groupPathSeparator', true, '>'),
];

/** The sync options every directory shares (the data file's SyncOptionsSchema). */
export const SHARED_SYNC_FIELDS: readonly FieldView[] = [
  flag('users', null),
  flag('groups', null),
  { name: 'interval', kind: 'number', options: [], nullable: true, defaultValue: null },
  text('userFilter'),
  text('groupFilter'),
  flag('removeDisabled', null),
  flag('overwriteExisting', null),
  flag('largeImport', null),
  flag('inviteUsersAfterProvisioning', null),
  { name: 'maxRemovals', kind: 'integer', options: [], nullable: true, defaultValue: 10 },
  { name: 'maxRemovalsPercent', kind: 'number', options: [], nullable: true, defaultValue: 10 },
  text('schedule'),
];

/** A directory whose provider has not landed: no fields, chosen only once it has. */
function comingForm(type: DirectoryType, secretName: string): DirectoryForm {
  return {
    type,
    available: false,
    fields: [],
    syncFields: [],
    secret: { name: secretName, isSet: false },
  };
}

export function directoryForms(passwordIsSet = true): readonly DirectoryForm[] {
  return [
    {
      type: 'ldap',
      available: true,
      fields: LDAP_FIELDS,
      syncFields: LDAP_SYNC_FIELDS,
      secret: { name: 'password', isSet: passwordIsSet },
    },
    comingForm('entra', 'key'),
    comingForm('gsuite', 'privateKey'),
    comingForm('okta', 'token'),
    comingForm('onelogin', 'clientSecret'),
    { type: 'file', available: true, fields: FILE_FIELDS, syncFields: [], secret: null },
  ];
}

export const LDAP_VALUES: Readonly<Record<string, unknown>> = {
  hostname: 'ldap.example.com',
  port: 636,
  rootPath: 'dc=example,dc=com',
  domain: null,
  ssl: true,
  startTls: false,
  sslAllowUnauthorized: false,
  sslCertPath: null,
  sslKeyPath: null,
  sslCaPath: '/etc/ssl/ca.pem',
  tlsCaPath: null,
  username: 'cn=admin,dc=example,dc=com',
  currentUser: false,
  ad: false,
  pagedSearch: true,
  pageSize: 500,
  includeSystemAccounts: false,
  primaryGroupMembers: true,
};

/** The file directory never configured: every field at its default. */
export const FILE_VALUES: Readonly<Record<string, unknown>> = {
  path: null,
  format: null,
  delimiter: ',',
  emailColumn: null,
  externalIdColumn: null,
  disabledColumn: null,
  deletedColumn: null,
  groupsColumn: null,
  groupSeparator: ';',
  groupPathSeparator: '>',
};

export const SYNC_VALUES: Readonly<Record<string, unknown>> = {
  users: true,
  groups: true,
  interval: 10,
  userFilter: '(objectClass=person)',
  groupFilter: null,
  removeDisabled: false,
  overwriteExisting: false,
  largeImport: false,
  inviteUsersAfterProvisioning: false,
  maxRemovals: 10,
  maxRemovalsPercent: 10,
  schedule: null,
  userObjectClass: 'inetOrgPerson',
  groupObjectClass: 'groupOfNames',
  userPath: 'ou=People',
  groupPath: 'ou=Groups',
  userEmailAttribute: 'mail',
  groupNameAttribute: 'cn',
  memberAttribute: 'member',
  useEmailPrefixSuffix: false,
  emailPrefixAttribute: null,
  emailSuffix: null,
  creationDateAttribute: null,
  revisionDateAttribute: null,
};

/** The active profile `default` syncing from LDAP, its password stored, with the fields given. */
export function settingsView(fields: Partial<SettingsView> = {}): SettingsView {
  return {
    profile: 'default',
    profiles: ['default', 'staging'],
    directoryType: 'ldap',
    directories: { ldap: LDAP_VALUES, file: FILE_VALUES },
    sync: SYNC_VALUES,
    forms: { directories: directoryForms(), sync: SHARED_SYNC_FIELDS },
    ...fields,
  };
}
