import {
  LdapDirectorySettingsSchema,
  LdapSyncSettingsSchema,
  applyActiveDirectoryPresets,
} from './ldap-settings';

/** directoryLdap and the LDAP part of sync from a real upstream data.json (password removed). */
const upstreamDirectory = {
  ssl: false,
  startTls: false,
  tlsCaPath: null,
  sslAllowUnauthorized: false,
  sslCertPath: null,
  sslKeyPath: null,
  sslCaPath: null,
  hostname: '127.0.0.1',
  port: 3890,
  domain: null,
  rootPath: 'dc=bitwarden,dc=com',
  currentUser: false,
  username: 'cn=admin,dc=bitwarden,dc=com',
  ad: false,
  pagedSearch: true,
};
const upstreamSync = {
  groupObjectClass: 'groupOfNames',
  userObjectClass: 'inetOrgPerson',
  groupPath: 'ou=Groups',
  userPath: null,
  groupNameAttribute: 'cn',
  userEmailAttribute: 'mail',
  memberAttribute: 'member',
  useEmailPrefixSuffix: false,
  emailPrefixAttribute: null,
  emailSuffix: null,
  creationDateAttribute: null,
  revisionDateAttribute: null,
};

describe('LDAP settings', () => {
  it('read upstream’s stored settings unchanged, adding only our own with their defaults', () => {
    expect(LdapDirectorySettingsSchema.parse(upstreamDirectory)).toEqual({
      ...upstreamDirectory,
      pageSize: 500,
      includeSystemAccounts: false,
      primaryGroupMembers: true,
    });
    expect(LdapSyncSettingsSchema.parse(upstreamSync)).toEqual(upstreamSync);
  });

  it('fill upstream’s defaults for what is missing', () => {
    expect(LdapDirectorySettingsSchema.parse({ hostname: 'ldap.example.com' })).toMatchObject({
      port: 389,
      ad: true,
      pagedSearch: true,
      ssl: false,
      startTls: false,
      rootPath: null,
    });
  });

  it('name what is wrong', () => {
    const result = LdapDirectorySettingsSchema.safeParse({ hostname: ' ', port: 70_000 });

    expect(result.success).toBe(false);
    const messages =
      result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
    expect(messages.join('\n')).toMatch(/hostname: the LDAP server host name is required/);
    expect(messages.join('\n')).toMatch(/^port: /m);
  });
});

describe('applyActiveDirectoryPresets', () => {
  const directory = LdapDirectorySettingsSchema.parse({
    hostname: 'dc1.example.com',
    ad: true,
    pagedSearch: false,
  });
  const sync = LdapSyncSettingsSchema.parse({
    userObjectClass: 'inetOrgPerson',
    groupPath: 'OU=Teams',
  });

  it('forces AD’s classes and attributes, as upstream does on save', () => {
    const adjusted = applyActiveDirectoryPresets(directory, sync);

    expect(adjusted.directory.pagedSearch).toBe(true);
    expect(adjusted.sync).toMatchObject({
      userObjectClass: 'person',
      groupObjectClass: 'group',
      memberAttribute: 'member',
      userEmailAttribute: 'mail',
      groupNameAttribute: 'name',
      emailPrefixAttribute: 'sAMAccountName',
      creationDateAttribute: 'whenCreated',
      revisionDateAttribute: 'whenChanged',
      userPath: 'CN=Users',
      groupPath: 'OU=Teams',
    });
  });

  it('leaves a plain LDAP configuration alone', () => {
    const ldap = { ...directory, ad: false };

    expect(applyActiveDirectoryPresets(ldap, sync)).toEqual({ directory: ldap, sync });
  });
});
