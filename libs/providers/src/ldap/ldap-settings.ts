import { z } from 'zod';

const optionalText = z.string().nullable().default(null);

/**
 * The LDAP / Active Directory connection settings: upstream's `LdapConfiguration` (the password is
 * a secret and lives in the secret store) plus the page size upstream left to the library.
 */
export const LdapDirectorySettingsSchema = z.object({
  hostname: z.string().trim().min(1, 'the LDAP server host name is required'),
  port: z.number().int().min(1).max(65535).default(389),
  rootPath: optionalText,
  /** Kept for upstream's config identity; not used to connect. */
  domain: optionalText,
  ssl: z.boolean().default(false),
  startTls: z.boolean().default(false),
  sslAllowUnauthorized: z.boolean().default(false),
  sslCertPath: optionalText,
  sslKeyPath: optionalText,
  sslCaPath: optionalText,
  tlsCaPath: optionalText,
  username: optionalText,
  /** Upstream's never-implemented "current user" bind; kept so files round-trip. */
  currentUser: z.boolean().default(false),
  ad: z.boolean().default(true),
  pagedSearch: z.boolean().default(true),
  /** Entries per page; servers cap unpaged results, so reads are always paged. */
  pageSize: z.number().int().min(1).max(10_000).default(500),
  /**
   * Active Directory: also sync the built-in critical system accounts (Administrator, Guest,
   * krbtgt). Off by default: they are not people, and upstream giving them seats surprised admins.
   */
  includeSystemAccounts: z.boolean().default(false),
  /**
   * Active Directory: count a user's primary group (`primaryGroupID`, usually Domain Users) as a
   * membership. AD never lists it in the group's `member`, so upstream synced such groups empty.
   */
  primaryGroupMembers: z.boolean().default(true),
});

/** The LDAP-specific part of the sync options (upstream keeps them in `sync`). */
export const LdapSyncSettingsSchema = z.object({
  userObjectClass: optionalText,
  groupObjectClass: optionalText,
  userPath: optionalText,
  groupPath: optionalText,
  userEmailAttribute: optionalText,
  groupNameAttribute: optionalText,
  memberAttribute: optionalText,
  useEmailPrefixSuffix: z.boolean().default(false),
  emailPrefixAttribute: optionalText,
  emailSuffix: optionalText,
  creationDateAttribute: optionalText,
  revisionDateAttribute: optionalText,
});

export type LdapDirectorySettings = z.infer<typeof LdapDirectorySettingsSchema>;
export type LdapSyncSettings = z.infer<typeof LdapSyncSettingsSchema>;

/**
 * Upstream's `adjustConfigForSave` for Active Directory: AD's own classes and attributes,
 * whatever was set before, and `CN=Users` as the default path.
 */
export function applyActiveDirectoryPresets<Sync extends LdapSyncSettings>(
  directory: LdapDirectorySettings,
  sync: Sync,
): { directory: LdapDirectorySettings; sync: Sync } {
  if (!directory.ad) {
    return { directory, sync };
  }
  return {
    directory: { ...directory, pagedSearch: true },
    sync: {
      ...sync,
      creationDateAttribute: 'whenCreated',
      revisionDateAttribute: 'whenChanged',
      emailPrefixAttribute: 'sAMAccountName',
      memberAttribute: 'member',
      userObjectClass: 'person',
      groupObjectClass: 'group',
      userEmailAttribute: 'mail',
      groupNameAttribute: 'name',
      userPath: sync.userPath ?? 'CN=Users',
      groupPath: sync.groupPath ?? 'CN=Users',
    },
  };
}
