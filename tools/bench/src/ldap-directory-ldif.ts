import { closeSync, openSync, writeSync } from 'node:fs';

import { generateDirectory, type DirectoryShape } from '@bwdc/fixtures';

export interface DirectoryLdif {
  readonly users: number;
  readonly groups: number;
  /** `member` values naming a user, and naming a group (nesting), as a reader should resolve them. */
  readonly userMemberValues: number;
  readonly groupMemberValues: number;
  readonly bytes: number;
}

const DEPARTMENTS = ['Engineering', 'Sales', 'Finance', 'Support', 'Marketing', 'Operations'];
const TITLES = ['Engineer', 'Manager', 'Analyst', 'Specialist', 'Director', 'Consultant'];

/**
 * Writes the directory of `generateDirectory` (the engine benchmark's shape) as LDIF for slapadd,
 * below `suffix`: `ou=People` with one `inetOrgPerson` per user (uid, mail and the attributes a
 * real entry carries), `ou=Groups` with one `groupOfNames` per group, whose `member` values are
 * user DNs and, for nesting, group DNs. Parents come before children, and every member carries
 * the `memberOf` values the memberof overlay would have written (slapadd bypasses overlays), so
 * the file can be loaded as it is. The text is written in chunks, never built as one string.
 */
export function writeDirectoryLdif(
  file: string,
  suffix: string,
  shape: Partial<DirectoryShape>,
): DirectoryLdif {
  const directory = generateDirectory({ ...shape, disabledRatio: 0, deletedRatio: 0 });
  const peopleDn = `ou=People,${suffix}`;
  const groupsDn = `ou=Groups,${suffix}`;
  const uidOf = (index: number): string => `user${String(index).padStart(6, '0')}`;
  const userDn = (index: number): string => `uid=${uidOf(index)},${peopleDn}`;
  // generateDirectory names groups `cn=group-lX-Y,ou=Groups,dc=example,dc=com`: keep the RDN.
  const groupDn = (referenceId: string): string => `${referenceId.split(',')[0] ?? ''},${groupsDn}`;

  const userIndex = new Map(directory.users.map((user, index) => [user.externalId, index]));
  // The generator may draw the same leaf or parent twice; LDAP values are a set.
  const userGroups = directory.users.map(() => new Set<string>());
  const groupParents = new Map<string, Set<string>>();
  for (const group of directory.groups) {
    const dn = groupDn(group.referenceId);
    for (const member of group.userMemberExternalIds) {
      userGroups[userIndex.get(member) ?? -1]?.add(dn);
    }
    for (const child of group.groupMemberReferenceIds) {
      const childDn = groupDn(child);
      groupParents.set(childDn, (groupParents.get(childDn) ?? new Set()).add(dn));
    }
  }

  const fd = openSync(file, 'w');
  let buffered: string[] = [];
  let bufferedLength = 0;
  let bytes = 0;
  const flush = (): void => {
    const chunk = Buffer.from(buffered.join(''), 'utf8');
    for (let offset = 0; offset < chunk.length;) {
      offset += writeSync(fd, chunk, offset);
    }
    bytes += chunk.length;
    buffered = [];
    bufferedLength = 0;
  };
  const record = (lines: string[]): void => {
    const text = `${lines.join('\n')}\n\n`;
    buffered.push(text);
    bufferedLength += text.length;
    if (bufferedLength > 1 << 20) {
      flush();
    }
  };

  let userMemberValues = 0;
  let groupMemberValues = 0;
  try {
    for (const [dn, ou] of [
      [peopleDn, 'People'],
      [groupsDn, 'Groups'],
    ] as const) {
      record([`dn: ${dn}`, 'objectClass: top', 'objectClass: organizationalUnit', `ou: ${ou}`]);
    }
    directory.users.forEach((user, index) => {
      record([
        `dn: ${userDn(index)}`,
        'objectClass: top',
        'objectClass: person',
        'objectClass: organizationalPerson',
        'objectClass: inetOrgPerson',
        `uid: ${uidOf(index)}`,
        `cn: User ${index}`,
        `sn: ${index}`,
        'givenName: User',
        `displayName: User ${index}`,
        `mail: ${user.email ?? `${uidOf(index)}@example.com`}`,
        `title: ${TITLES[index % TITLES.length] ?? ''}`,
        `ou: ${DEPARTMENTS[index % DEPARTMENTS.length] ?? ''}`,
        `employeeNumber: ${100_000 + index}`,
        `telephoneNumber: +1 555 ${String(index).padStart(7, '0')}`,
        `description: Benchmark user ${index}, id ${user.externalId}`,
        ...[...(userGroups[index] ?? [])].map((dn) => `memberOf: ${dn}`),
      ]);
    });
    for (const group of directory.groups) {
      const dn = groupDn(group.referenceId);
      const userMembers = new Set(
        group.userMemberExternalIds.map((member) => userDn(userIndex.get(member) ?? -1)),
      );
      const groupMembers = new Set(group.groupMemberReferenceIds.map(groupDn));
      const members = [...userMembers, ...groupMembers];
      userMemberValues += userMembers.size;
      groupMemberValues += groupMembers.size;
      record([
        `dn: ${dn}`,
        'objectClass: top',
        'objectClass: groupOfNames',
        `cn: ${dn.slice(3, dn.indexOf(','))}`,
        `description: ${group.name}`,
        // groupOfNames needs a member; a group left without one gets the empty DN.
        ...(members.length > 0 ? members.map((member) => `member: ${member}`) : ['member:']),
        ...[...(groupParents.get(dn) ?? [])].map((parent) => `memberOf: ${parent}`),
      ]);
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return {
    users: directory.users.length,
    groups: directory.groups.length,
    userMemberValues,
    groupMemberValues,
    bytes,
  };
}
