import type { FieldView } from '../../shared/settings-view';

/** Upstream's "ex." hints, for fields whose empty value says nothing about what goes in. */
const EXAMPLES: Readonly<Record<string, string>> = {
  hostname: 'ad.company.com',
  rootPath: 'dc=company,dc=com',
  username: 'cn=admin,dc=company,dc=com',
  path: '/srv/exports/users.csv',
  userObjectClass: 'inetOrgPerson',
  groupObjectClass: 'groupOfUniqueNames',
  userPath: 'ou=users',
  groupPath: 'ou=groups',
  userEmailAttribute: 'mail',
  groupNameAttribute: 'name',
  memberAttribute: 'uniqueMember',
  emailPrefixAttribute: 'accountName',
  emailSuffix: '@company.com',
  creationDateAttribute: 'whenCreated',
  revisionDateAttribute: 'whenChanged',
};

/** Filters are long expressions: they get a wide, multi-line box. */
const MULTILINE = new Set(['userFilter', 'groupFilter']);

/**
 * What an empty field shows: an example, or the default an empty field falls back to. A nullable
 * field's default is not shown: emptied, it stores null, not the default.
 */
export function placeholderOf(field: FieldView): string {
  const example = EXAMPLES[field.name];
  if (example !== undefined) {
    return `ex. ${example}`;
  }
  const value = field.defaultValue;
  if (field.nullable || value === null || value === undefined) {
    return '';
  }
  return `Default: ${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

export function isMultiline(field: FieldView): boolean {
  return field.kind === 'json' || MULTILINE.has(field.name);
}
