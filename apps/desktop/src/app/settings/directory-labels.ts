import type { DirectoryType } from '@bwdc/core';

export const DIRECTORY_LABELS: Readonly<Record<DirectoryType, string>> = {
  ldap: 'LDAP / Active Directory',
  entra: 'Microsoft Entra ID',
  gsuite: 'Google Workspace',
  okta: 'Okta',
  onelogin: 'OneLogin',
  file: 'File (CSV, JSON, LDIF)',
};

/** What each directory's secret is, in upstream's words (the data file names it `secret.name`). */
const SECRET_LABELS: Readonly<Partial<Record<DirectoryType, string>>> = {
  ldap: 'Password',
  entra: 'Secret key',
  gsuite: 'Private key',
  okta: 'Token',
  onelogin: 'Client secret',
};

export function secretLabel(type: DirectoryType): string {
  return SECRET_LABELS[type] ?? 'Secret';
}
