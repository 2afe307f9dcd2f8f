import type { DirectoryType } from '@bwdc/core';

import type { DirectoryForm, FieldView } from '../../shared/settings-view';

/** A titled box of fields on the form. */
export interface FieldGroup {
  readonly title: string;
  readonly fields: readonly FieldView[];
  /** The directory's secret shows at the end of this group. */
  readonly withSecret: boolean;
}

interface GroupLayout {
  readonly title: string;
  readonly fields: readonly string[];
  readonly withSecret?: true;
}

const DIRECTORY_LAYOUTS: Readonly<Partial<Record<DirectoryType, readonly GroupLayout[]>>> = {
  ldap: [
    { title: 'Connection', fields: ['hostname', 'port', 'rootPath', 'ad', 'domain'] },
    {
      title: 'TLS',
      fields: [
        'ssl',
        'startTls',
        'sslAllowUnauthorized',
        'sslCaPath',
        'tlsCaPath',
        'sslCertPath',
        'sslKeyPath',
      ],
    },
    { title: 'Account', fields: ['username', 'currentUser'], withSecret: true },
    {
      title: 'Reading the directory',
      fields: ['pagedSearch', 'pageSize', 'includeSystemAccounts', 'primaryGroupMembers'],
    },
  ],
  entra: [
    {
      title: 'Tenant',
      fields: ['identityAuthority', 'tenant', 'applicationId'],
      withSecret: true,
    },
    { title: 'Connection', fields: ['graphUrl', 'concurrency', 'caPath'] },
  ],
  gsuite: [
    { title: 'Workspace', fields: ['domain', 'customer', 'adminUser'] },
    { title: 'Service account', fields: ['clientEmail'], withSecret: true },
    { title: 'Reading the directory', fields: ['concurrency'] },
  ],
  okta: [
    { title: 'Organization', fields: ['orgUrl'], withSecret: true },
    { title: 'Reading the directory', fields: ['concurrency'] },
  ],
  onelogin: [
    { title: 'API credentials', fields: ['region', 'clientId'], withSecret: true },
    { title: 'Reading the directory', fields: ['concurrency'] },
  ],
  file: [
    { title: 'File', fields: ['path', 'format'] },
    {
      title: 'CSV',
      fields: [
        'delimiter',
        'emailColumn',
        'externalIdColumn',
        'disabledColumn',
        'deletedColumn',
        'groupsColumn',
        'groupSeparator',
        'groupPathSeparator',
      ],
    },
  ],
};

const SHARED_SYNC_LAYOUT: readonly GroupLayout[] = [
  { title: 'What to sync', fields: ['users', 'groups'] },
  { title: 'Schedule', fields: ['interval', 'schedule'] },
  { title: 'Filters', fields: ['userFilter', 'groupFilter'] },
  {
    title: 'Options',
    fields: ['removeDisabled', 'overwriteExisting', 'largeImport', 'inviteUsersAfterProvisioning'],
  },
  { title: 'Deletion guard', fields: ['maxRemovals', 'maxRemovalsPercent'] },
];

const PROVIDER_SYNC_LAYOUTS: Readonly<Partial<Record<DirectoryType, readonly GroupLayout[]>>> = {
  ldap: [
    {
      title: 'Directory paths & attributes',
      fields: [
        'userObjectClass',
        'userPath',
        'userEmailAttribute',
        'groupObjectClass',
        'groupPath',
        'groupNameAttribute',
        'memberAttribute',
        'useEmailPrefixSuffix',
        'emailPrefixAttribute',
        'emailSuffix',
        'creationDateAttribute',
        'revisionDateAttribute',
      ],
    },
  ],
};

export function directoryGroups(form: DirectoryForm): FieldGroup[] {
  const layout = DIRECTORY_LAYOUTS[form.type];
  return arranged(form.fields, layout ?? [], layout ? 'Other settings' : 'Connection', {
    withSecret: form.secret !== null,
  });
}

export function sharedSyncGroups(fields: readonly FieldView[]): FieldGroup[] {
  return arranged(fields, SHARED_SYNC_LAYOUT, 'Other options');
}

export function providerSyncGroups(form: DirectoryForm): FieldGroup[] {
  const layout = PROVIDER_SYNC_LAYOUTS[form.type];
  return arranged(
    form.syncFields,
    layout ?? [],
    layout ? 'More directory options' : 'Directory paths & attributes',
  );
}

/**
 * The fields in the layout's groups, in the layout's order; the fields it does not name (a field
 * a later version adds) in a last group, so every field main describes shows. Empty groups go.
 */
function arranged(
  fields: readonly FieldView[],
  layout: readonly GroupLayout[],
  restTitle: string,
  { withSecret = false } = {},
): FieldGroup[] {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const placed = new Set<string>();
  const groups: FieldGroup[] = layout.map((group) => ({
    title: group.title,
    fields: group.fields.flatMap((name) => {
      const field = byName.get(name);
      if (field === undefined) {
        return [];
      }
      placed.add(name);
      return [field];
    }),
    withSecret: withSecret && group.withSecret === true,
  }));
  groups.push({
    title: restTitle,
    fields: fields.filter((field) => !placed.has(field.name)),
    withSecret: withSecret && !groups.some((group) => group.withSecret),
  });
  return groups.filter((group) => group.fields.length > 0 || group.withSecret);
}
