/**
 * What the form calls each field, in upstream's words where upstream had the field. Keyed by the
 * data file's name, across directories and sync options; a field missing here (a provider that
 * lands later) still shows, under its name made readable.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  // LDAP / Active Directory
  hostname: 'Server hostname',
  port: 'Port',
  rootPath: 'Root path',
  domain: 'Domain',
  ad: 'This is an Active Directory server',
  ssl: 'Use SSL (LDAPS)',
  startTls: 'Use StartTLS',
  sslAllowUnauthorized: 'Do not verify server certificates',
  sslCaPath: 'CA certificate file',
  tlsCaPath: 'CA certificate file (StartTLS)',
  sslCertPath: 'Client certificate file',
  sslKeyPath: 'Client key file',
  username: 'Username',
  currentUser: 'Authenticate as the current system user',
  pagedSearch: 'This server pages search results',
  pageSize: 'Page size',
  includeSystemAccounts: 'Include the built-in system accounts (Administrator, Guest, krbtgt)',
  primaryGroupMembers: "Count each user's primary group (Domain Users) as a membership",
  // Microsoft Entra ID
  identityAuthority: 'Identity authority (login.microsoftonline.com, .us or a URL)',
  tenant: 'Tenant (directory) ID',
  applicationId: 'Application (client) ID',
  graphUrl: 'Microsoft Graph URL (custom authority only)',
  concurrency: 'Requests in flight at once',
  caPath: 'Extra CA certificate file (TLS-inspecting proxy)',
  // Google Workspace
  adminUser: 'Admin user (the service account acts as)',
  customer: 'Customer ID',
  clientEmail: 'Service account client email',
  // Okta
  orgUrl: 'Organization URL',
  // OneLogin
  clientId: 'Client ID',
  region: 'Region',
  // File
  path: 'Export file',
  format: 'Format',
  delimiter: 'CSV delimiter',
  emailColumn: 'Email column',
  externalIdColumn: 'External id column',
  disabledColumn: 'Disabled column',
  deletedColumn: 'Deleted column',
  groupsColumn: 'Groups column',
  groupSeparator: 'Separator between groups in a cell',
  groupPathSeparator: 'Separator between the levels of a group path',
  // Sync options every directory shares
  users: 'Sync users',
  groups: 'Sync groups',
  interval: 'Interval (minutes)',
  userFilter: 'User filter',
  groupFilter: 'Group filter',
  removeDisabled: 'Remove disabled users',
  overwriteExisting: 'Remove users not in the directory (overwrite)',
  largeImport: 'More than 2000 users or groups are expected to sync',
  inviteUsersAfterProvisioning: 'Invite users after provisioning',
  maxRemovals: 'Most members one sync may remove',
  maxRemovalsPercent: 'Most members one sync may remove, as % of the organization',
  schedule: 'Schedule for bwdc serve (cron)',
  // LDAP's sync options
  userObjectClass: 'User object class',
  groupObjectClass: 'Group object class',
  userPath: 'User path',
  groupPath: 'Group path',
  userEmailAttribute: 'User email attribute',
  groupNameAttribute: 'Group name attribute',
  memberAttribute: 'Member attribute',
  useEmailPrefixSuffix:
    'If a user has no email address, combine a username prefix with a suffix to form one',
  emailPrefixAttribute: 'Email prefix attribute',
  emailSuffix: 'Email suffix',
  creationDateAttribute: 'Creation date attribute',
  revisionDateAttribute: 'Revision date attribute',
};

export function fieldLabel(name: string): string {
  return FIELD_LABELS[name] ?? humanised(name);
}

/** `inviteUsersAfterProvisioning` → "Invite users after provisioning"; acronyms stay upper case. */
export function humanised(name: string): string {
  const words = name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((word) => word !== '')
    .map((word) => (/^[A-Z\d]{2,}$/.test(word) ? word : word.toLowerCase()));
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
