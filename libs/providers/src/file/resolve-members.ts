import type { DirectoryGroup, MemberOutOfScopeNotice } from '@bwdc/core';

import type { GroupDeclaration, MemberLookup, MemberReference } from './parsed-directory';

export interface ResolvedGroups {
  readonly groups: readonly DirectoryGroup[];
  readonly notices: readonly MemberOutOfScopeNotice[];
}

/**
 * Turns each group's member references into user external ids and nested group reference ids.
 * A reference that names nothing in the file is reported, not dropped silently: an export that
 * lists a group member without the person is usually a filter on the export an admin should see.
 */
export function resolveMembers(
  declarations: readonly GroupDeclaration[],
  lookup: MemberLookup,
): ResolvedGroups {
  const notices: MemberOutOfScopeNotice[] = [];
  const groups = declarations.map((declaration): DirectoryGroup => {
    const users = new Set<string>();
    const nested = new Set<string>();
    for (const member of declaration.members) {
      const found = find(member, lookup);
      if (found?.kind === 'user') {
        users.add(found.id);
      } else if (found?.kind === 'group') {
        nested.add(found.id);
      } else {
        notices.push({
          kind: 'member-out-of-scope',
          group: declaration.name,
          member: member.value,
          reason: member.reasonIfUnknown,
        });
      }
    }
    return {
      externalId: declaration.externalId,
      referenceId: declaration.referenceId,
      name: declaration.name,
      userMemberExternalIds: [...users],
      groupMemberReferenceIds: [...nested],
    };
  });
  return { groups, notices };
}

function find(
  member: MemberReference,
  lookup: MemberLookup,
): { kind: 'user' | 'group'; id: string } | undefined {
  if (member.names !== 'group') {
    const user = lookup.user(member.value);
    if (user) {
      return { kind: 'user', id: user.externalId };
    }
  }
  if (member.names !== 'user') {
    const group = lookup.group(member.value);
    if (group) {
      return { kind: 'group', id: group.referenceId };
    }
  }
  return undefined;
}
