import type { DirectoryUser } from '@bwdc/core';
import type { Entry } from 'ldapts';

import {
  AD_DELETED_PEOPLE,
  AD_NOT_SYSTEM_ACCOUNT,
  AD_PEOPLE,
  SHOW_DELETED_CONTROL_OID,
  isAccountDisabled,
  objectGuidToString,
} from './active-directory';
import { firstBuffer, firstText, unique } from './entry-values';
import { objectClassIs, objectFilter, type RevisionCondition } from './ldap-filters';
import { searchBase, type LdapProviderOptions } from './ldap-provider-options';
import type { LdapSearch } from './ldap-search';
import type { ReadProgressCounter } from './read-progress';
import { UserIndex } from './user-index';

/**
 * The users under the user path: every one (the member lookup needs them all) or, on an
 * incremental read, those changed since. With Active Directory, people only, and no built-in
 * system accounts unless the settings include them.
 */
export async function readUsers(
  search: LdapSearch,
  options: LdapProviderOptions,
  changedSince?: RevisionCondition,
  progress?: ReadProgressCounter,
): Promise<UserIndex> {
  const { directory, sync } = options;
  const index = new UserIndex();
  const selector = directory.ad
    ? [...AD_PEOPLE, ...(directory.includeSystemAccounts ? [] : [AD_NOT_SYSTEM_ACCOUNT])]
    : [objectClassIs(sync.userObjectClass ?? 'person')];
  const primaryGroups = directory.ad && directory.primaryGroupMembers;
  const uids = groupsMayNameUid(options);
  const attributes = unique([
    ...userAttributes(options),
    ...(uids ? ['uid'] : []),
    ...(primaryGroups ? ['primaryGroupID'] : []),
  ]);
  for await (const entry of search.entries({
    base: searchBase(directory, sync.userPath),
    filter: objectFilter(selector, sync.userFilter, changedSince),
    attributes,
  })) {
    progress?.user();
    const primaryGroupId = primaryGroups ? Number(firstText(entry['primaryGroupID'])) : NaN;
    index.add(toDirectoryUser(entry, options, false), {
      ...(uids ? { uid: firstText(entry['uid']) } : {}),
      ...(Number.isInteger(primaryGroupId) ? { primaryGroupId } : {}),
    });
  }
  return index;
}

/** Member attributes of DN syntax: the server keeps their values as DNs, never as uids. */
const DN_MEMBER_ATTRIBUTES: ReadonlySet<string> = new Set(['member', 'uniquemember']);

/**
 * Whether a group may name a user by uid (`memberUid`), so the user lookup needs every uid. Not
 * with Active Directory, not without groups, and not when members are `member` or `uniqueMember`:
 * a tenth less to ask for and take in.
 */
function groupsMayNameUid({ directory, sync }: LdapProviderOptions): boolean {
  const memberAttribute = (sync.memberAttribute ?? 'member').toLowerCase();
  return !directory.ad && sync.groups && !DN_MEMBER_ATTRIBUTES.has(memberAttribute);
}

/**
 * AD's deleted user accounts (tombstones in Deleted Objects), changed since the last read or all
 * of them. A tombstone keeps its objectGUID, so Bitwarden removes the member by external id; it
 * has usually lost `mail`, which the server does not need for a deleted member.
 */
export async function readDeletedUsers(
  search: LdapSearch,
  options: LdapProviderOptions,
  namingContext: string,
  changedSince?: RevisionCondition,
): Promise<DirectoryUser[]> {
  const users: DirectoryUser[] = [];
  for await (const entry of search.entries({
    base: `CN=Deleted Objects,${namingContext}`,
    filter: objectFilter(AD_DELETED_PEOPLE, null, changedSince),
    attributes: userAttributes(options),
    controlOids: [SHOW_DELETED_CONTROL_OID],
  })) {
    users.push(toDirectoryUser(entry, options, true));
  }
  return users;
}

function userAttributes({ directory, sync }: LdapProviderOptions): string[] {
  const prefixAttribute = sync.useEmailPrefixSuffix ? sync.emailPrefixAttribute : null;
  return unique([
    sync.userEmailAttribute ?? 'mail',
    ...(prefixAttribute ? [prefixAttribute] : []),
    ...(directory.ad ? ['objectGUID', 'userAccountControl'] : []),
  ]);
}

function toDirectoryUser(
  entry: Entry,
  { directory, sync }: LdapProviderOptions,
  deleted: boolean,
): DirectoryUser {
  const prefixAttribute = sync.useEmailPrefixSuffix ? sync.emailPrefixAttribute : null;
  const prefix = prefixAttribute ? firstText(entry[prefixAttribute]) : undefined;
  const email =
    firstText(entry[sync.userEmailAttribute ?? 'mail']) ??
    (prefix !== undefined && sync.emailSuffix ? `${prefix}${sync.emailSuffix}` : null);
  const guid = directory.ad ? firstBuffer(entry['objectGUID']) : undefined;
  return {
    externalId: guid?.length === 16 ? objectGuidToString(guid) : entry.dn,
    referenceId: entry.dn,
    email,
    disabled: directory.ad ? isAccountDisabled(firstText(entry['userAccountControl'])) : false,
    deleted,
  };
}
