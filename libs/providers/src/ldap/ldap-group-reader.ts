import type { DirectoryGroup, MemberOutOfScopeNotice } from '@bwdc/core';
import type { Entry } from 'ldapts';

import { objectGuidToString, sidRelativeId } from './active-directory';
import { normaliseDn } from './distinguished-name';
import { firstBuffer, firstText, texts, unique } from './entry-values';
import { objectClassIs, objectFilter, type RevisionCondition } from './ldap-filters';
import { searchBase, type LdapProviderOptions } from './ldap-provider-options';
import type { LdapSearch } from './ldap-search';
import type { ReadProgressCounter } from './read-progress';
import { allRangedValues, rangedChunk, type RangedChunk } from './range-retrieval';
import { UserIndex } from './user-index';

export interface GroupRead {
  readonly groups: DirectoryGroup[];
  readonly notices: MemberOutOfScopeNotice[];
}

/** A group being read: its user members so far, and the member DNs that named no user. */
interface GroupInProgress {
  readonly externalId: string;
  readonly referenceId: string;
  readonly name: string;
  readonly userMembers: string[];
  readonly hasPrimaryMembers: boolean;
  /** Normalised DN -> the DN as the group wrote it: a nested group, or out of scope. */
  readonly dnMembers: Map<string, string>;
}

/**
 * How many member values of groups read ahead of the users may wait for them. The group search
 * then runs beside the user search, on the server's spare time, and memory stays bounded however
 * many memberships the directory holds.
 */
export const MAX_MEMBER_VALUES_AHEAD = 250_000;

/**
 * Every group under the group path, with its members resolved against the users read: `member`
 * or `uniqueMember` DNs (compared normalised), `memberUid` values, nested groups by DN; with
 * Active Directory also ranged `member` values and primary-group members. A member that is
 * neither a synced user nor a synced group is reported as a notice, not dropped silently.
 *
 * `users` may still be being read, on another connection: entries that arrive first wait for
 * them, up to `MAX_MEMBER_VALUES_AHEAD` member values, and are then resolved in the order read.
 */
export async function readGroups(
  search: LdapSearch,
  options: LdapProviderOptions,
  users: UserIndex | Promise<UserIndex>,
  progress?: ReadProgressCounter,
): Promise<GroupRead> {
  const { directory, sync } = options;
  const nameAttribute = sync.groupNameAttribute ?? 'cn';
  const memberAttribute = sync.memberAttribute ?? 'member';
  const primaryGroups = directory.ad && directory.primaryGroupMembers;
  const attributes = unique([
    nameAttribute,
    'cn',
    memberAttribute,
    ...(directory.ad ? ['objectGUID'] : []),
    ...(primaryGroups ? ['objectSid'] : []),
  ]);
  const read: GroupInProgress[] = [];
  const notices: MemberOutOfScopeNotice[] = [];
  // Ranged groups are continued after the paged search, not in the middle of it.
  const ranged: { dn: string; first: RangedChunk; group: GroupInProgress }[] = [];
  const take = (entry: Entry, index: UserIndex): void => {
    const name = firstText(entry[nameAttribute]) ?? firstText(entry['cn']);
    if (name === undefined) {
      return;
    }
    const chunk = rangedChunk(entry, memberAttribute);
    const group = startGroup(entry, name, options, index);
    if (chunk.next === null) {
      addMembers(group, texts(chunk.values), index, notices);
    } else {
      ranged.push({ dn: entry.dn, first: chunk, group });
    }
    read.push(group);
  };

  let index = users instanceof UserIndex ? users : undefined;
  // A failed user read is reported by whoever awaits it, and below when awaited here.
  void Promise.resolve(users).then(
    (ready) => (index ??= ready),
    () => undefined,
  );
  const waiting: Entry[] = [];
  let valuesWaiting = 0;
  /** The users, once read, with the groups that waited for them taken in first. */
  const usersReady = async (): Promise<UserIndex> => {
    const ready = (index ??= await users);
    for (const early of waiting.splice(0)) {
      take(early, ready);
    }
    return ready;
  };
  for await (const entry of search.entries({ ...groupSearch(options), attributes })) {
    progress?.group();
    if (index === undefined && valuesWaiting < MAX_MEMBER_VALUES_AHEAD) {
      waiting.push(entry);
      valuesWaiting += valueCount(entry[memberAttribute]);
      continue;
    }
    take(entry, await usersReady());
  }
  index = await usersReady();
  for (const { dn, first, group } of ranged) {
    const values = await allRangedValues(first, memberAttribute, (next) =>
      search.entry(dn, [next]),
    );
    addMembers(group, texts(values), index, notices);
  }
  return finish(read, options, notices);
}

function valueCount(value: Entry[string] | undefined): number {
  return Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
}

/**
 * Whether any group changed since the last read: as upstream, one changed group means the whole
 * set is read again, so memberships stay complete.
 */
export async function anyGroupChanged(
  search: LdapSearch,
  options: LdapProviderOptions,
  changedSince: RevisionCondition,
): Promise<boolean> {
  for await (const _entry of search.entries({
    ...groupSearch(options, changedSince),
    attributes: ['cn'],
  })) {
    return true;
  }
  return false;
}

/** Where the groups are and which entries are groups (changed since, on an incremental read). */
function groupSearch(
  { directory, sync }: LdapProviderOptions,
  changedSince?: RevisionCondition,
): { readonly base: string; readonly filter: string } {
  return {
    base: searchBase(directory, sync.groupPath),
    filter: objectFilter(
      [objectClassIs(sync.groupObjectClass ?? 'groupOfNames')],
      sync.groupFilter,
      changedSince,
    ),
  };
}

function startGroup(
  entry: Entry,
  name: string,
  { directory }: LdapProviderOptions,
  users: UserIndex,
): GroupInProgress {
  const guid = directory.ad ? firstBuffer(entry['objectGUID']) : undefined;
  const sid = directory.primaryGroupMembers ? firstBuffer(entry['objectSid']) : undefined;
  const primaryMembers = sid ? users.primaryGroupMembers(sidRelativeId(sid)) : undefined;
  return {
    externalId: guid?.length === 16 ? objectGuidToString(guid) : entry.dn,
    referenceId: normaliseDn(entry.dn),
    name,
    userMembers: primaryMembers ? [...primaryMembers] : [],
    hasPrimaryMembers: (primaryMembers?.length ?? 0) > 0,
    dnMembers: new Map(),
  };
}

function addMembers(
  group: GroupInProgress,
  values: readonly string[],
  users: UserIndex,
  notices: MemberOutOfScopeNotice[],
): void {
  for (const value of values) {
    const member = users.resolve(value);
    if (member.kind === 'user') {
      group.userMembers.push(member.externalId);
    } else if (member.kind === 'dn') {
      group.dnMembers.set(member.normalisedDn, value);
    } else {
      notices.push({
        kind: 'member-out-of-scope',
        group: group.name,
        member: value,
        reason: 'unknown-uid',
      });
    }
  }
}

/**
 * Keeps the DN members that are groups read as nested groups and reports the others: inside the
 * user path they were excluded by the class or filter, elsewhere they lie outside the user path.
 */
function finish(
  read: readonly GroupInProgress[],
  { directory, sync }: LdapProviderOptions,
  notices: MemberOutOfScopeNotice[],
): GroupRead {
  const groupIds = new Set(read.map((group) => group.referenceId));
  const userBase = normaliseDn(searchBase(directory, sync.userPath));
  const groups = read.map((group): DirectoryGroup => {
    const nested: string[] = [];
    for (const [normalisedDn, written] of group.dnMembers) {
      if (groupIds.has(normalisedDn)) {
        nested.push(normalisedDn);
      } else {
        notices.push({
          kind: 'member-out-of-scope',
          group: group.name,
          member: written,
          reason: isWithin(normalisedDn, userBase) ? 'excluded-by-filter' : 'outside-user-path',
        });
      }
    }
    return {
      externalId: group.externalId,
      referenceId: group.referenceId,
      name: group.name,
      // A primary-group member may also be listed directly; Sets cost only when there can be one.
      userMemberExternalIds: group.hasPrimaryMembers
        ? unique(group.userMembers)
        : group.userMembers,
      groupMemberReferenceIds: nested,
    };
  });
  return { groups, notices };
}

function isWithin(normalisedDn: string, normalisedBase: string): boolean {
  return (
    normalisedBase === '' ||
    normalisedDn === normalisedBase ||
    normalisedDn.endsWith(`,${normalisedBase}`)
  );
}
