import type { DirectoryUser } from '@bwdc/core';

import { isAccountDisabled, objectGuidToString } from '../ldap/active-directory';
import { looksLikeDn, normaliseDn } from '../ldap/distinguished-name';
import { duplicateKeys } from './duplicates';
import { FileDirectoryError, listProblems } from './file-error';
import { type LdifEntry, LdifSyntaxError, parseLdif } from './ldif-parser';
import type { GroupDeclaration, MemberReference, ParsedDirectory } from './parsed-directory';

const GROUP_CLASSES = new Set(['groupofnames', 'groupofuniquenames', 'group', 'posixgroup']);
const USER_CLASSES = new Set([
  'person',
  'organizationalperson',
  'inetorgperson',
  'user',
  'posixaccount',
]);
/** Active Directory's computers are users by class, but take no seat. */
const NOT_PEOPLE_CLASSES = new Set(['computer']);

/**
 * An LDAP export: people (inetOrgPerson, AD users) and groups (groupOfNames, groupOfUniqueNames,
 * posixGroup, AD groups) with members by DN, nested groups by DN and `memberUid` by uid. Other
 * entries (organizational units, the domain) are skipped. Ids are those the LDAP provider gives,
 * so moving between an export and a live directory keeps members linked.
 */
export function parseLdifExport(text: string, file: string): ParsedDirectory {
  const entries = entriesOf(text, file);
  const duplicates = duplicateKeys(
    entries,
    (entry) => normaliseDn(entry.dn),
    (entry) => `line ${entry.line}`,
  );
  if (duplicates.length > 0) {
    throw new FileDirectoryError(
      'FILE_DUPLICATE_ENTRY',
      file,
      `The LDIF directory export ${file} has these DNs more than once: ${listProblems(duplicates)}.`,
      'Export the directory again; an export lists each entry once.',
    );
  }
  const users: DirectoryUser[] = [];
  const usersByUid = new Map<string, DirectoryUser>();
  const groups: GroupDeclaration[] = [];
  for (const entry of entries) {
    const classes = new Set(texts(entry, 'objectclass').map((name) => name.toLowerCase()));
    if ([...classes].some((name) => GROUP_CLASSES.has(name))) {
      groups.push(groupOf(entry));
    } else if (
      [...classes].some((name) => USER_CLASSES.has(name)) &&
      ![...classes].some((name) => NOT_PEOPLE_CLASSES.has(name))
    ) {
      const user = userOf(entry);
      users.push(user);
      texts(entry, 'uid').forEach((uid) => usersByUid.set(uid, user));
    }
  }
  const usersByDn = new Map(users.map((user) => [user.referenceId, user]));
  const groupsByDn = new Map(groups.map((group) => [group.referenceId, group]));
  return {
    users,
    groups,
    lookup: {
      user: (reference) =>
        looksLikeDn(reference)
          ? usersByDn.get(normaliseDn(reference))
          : usersByUid.get(reference.trim()),
      group: (reference) =>
        looksLikeDn(reference) ? groupsByDn.get(normaliseDn(reference)) : undefined,
    },
  };
}

function entriesOf(text: string, file: string): LdifEntry[] {
  try {
    return parseLdif(text);
  } catch (error) {
    if (error instanceof LdifSyntaxError) {
      throw new FileDirectoryError(
        'FILE_LDIF_INVALID',
        file,
        `The LDIF directory export ${file} is not valid: ${error.message}.`,
        'Fix the named line, or export the directory again (slapcat, ldapsearch -LLL or ldifde write valid LDIF).',
        { cause: error },
      );
    }
    throw error;
  }
}

function userOf(entry: LdifEntry): DirectoryUser {
  return {
    externalId: externalIdOf(entry),
    referenceId: normaliseDn(entry.dn),
    email: texts(entry, 'mail')[0] ?? null,
    disabled: isAccountDisabled(texts(entry, 'useraccountcontrol')[0]),
    deleted: false,
  };
}

function groupOf(entry: LdifEntry): GroupDeclaration {
  const byDn = (value: string): MemberReference => ({
    value,
    names: 'user-or-group',
    reasonIfUnknown: 'unknown-member',
  });
  return {
    externalId: externalIdOf(entry),
    referenceId: normaliseDn(entry.dn),
    name: texts(entry, 'cn')[0] ?? entry.dn,
    members: [
      ...texts(entry, 'member').map(byDn),
      // groupOfUniqueNames may append the member's unique identifier: `...,dc=com#'0110'B`.
      ...texts(entry, 'uniquemember').map((value) => byDn(value.replace(/#'[01]*'B$/, ''))),
      ...texts(entry, 'memberuid').map((value): MemberReference => ({
        value,
        names: 'user',
        reasonIfUnknown: 'unknown-uid',
      })),
    ],
  };
}

/** Active Directory's objectGUID in the LDAP provider's form; elsewhere the DN, as it does. */
function externalIdOf(entry: LdifEntry): string {
  const guid = entry.attributes.get('objectguid')?.[0];
  return guid?.length === 16 ? objectGuidToString(guid) : entry.dn;
}

function texts(entry: LdifEntry, type: string): string[] {
  return (entry.attributes.get(type) ?? []).map((value) => value.toString('utf8'));
}
