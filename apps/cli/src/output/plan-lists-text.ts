import type {
  ExistingMember,
  OrganizationPlan,
  PlannedGroupChange,
  PlannedGroupMember,
} from '@bwdc/core';

import { cappedLines } from './capped-lines';

/**
 * The people and groups behind the counts of `bwdc plan`: who is removed, skipped, linked and
 * added, then each group change with its members, `+` joining and `-` leaving.
 */
export function planListLines({ members, groups }: OrganizationPlan): string[] {
  const groupChanges = [...groups.created, ...groups.updated];
  return [
    ...section(
      `Removed (${members.removed.length})`,
      members.removed,
      (member) => `${member.email}  ${member.externalId ?? '-'}  (${member.reason})`,
    ),
    ...section(
      `Skipped (${members.skipped.length}): the email already belongs to a member under another ` +
        'externalId, so the server ignores the entry and its group memberships. Fix: give the ' +
        "existing member the directory's externalId, or remove that member.",
      members.skipped,
      (skip) =>
        `${skip.email}  ${skip.externalId}  (the member has externalId ` +
        `${skip.existing.externalId ?? 'none'})`,
    ),
    ...section(
      `Linked by email (${members.linked.length})`,
      members.linked,
      (link) => `${link.email}  -> ${link.linkedExternalId}`,
    ),
    ...section(
      `Added (${members.added.length}, ${members.addedAs.replace(/-/g, ' ')})`,
      members.added,
      (member) => `${member.email}  ${member.externalId}`,
    ),
    ...(groupChanges.length === 0
      ? []
      : [
          '',
          `Group changes (${groupChanges.length})`,
          ...cappedLines(groupChanges, groupLines).flatMap((text) => text.split('\n')),
        ]),
  ];
}

/** The server's expected refusal, and overwrite's removals the plan cannot vouch for. */
export function planWarningLines(plan: OrganizationPlan): string[] {
  const lines: string[] = [];
  if (plan.refusal !== null) {
    lines.push(
      `The server is expected to refuse this sync (${plan.refusal.code}): ${plan.refusal.message}`,
      ...cappedLines(plan.refusal.members, memberLine),
    );
  }
  if (plan.overwriteUnknowns.length > 0) {
    lines.push(
      `Warning: overwrite would remove ${plan.overwriteUnknowns.length} accepted or confirmed ` +
        'member(s). If one of them has no master password (SSO, trusted devices, key connector), ' +
        'which the Public API does not show, the server refuses the whole removal step.',
      ...cappedLines(plan.overwriteUnknowns, memberLine),
    );
  }
  return lines;
}

function section<T>(title: string, entries: readonly T[], line: (entry: T) => string): string[] {
  return entries.length === 0 ? [] : ['', title, ...cappedLines(entries, line)];
}

/** One group change over several lines: its title, then each member added or removed. */
function groupLines(group: PlannedGroupChange): string {
  const what =
    group.groupId === null
      ? 'new'
      : group.renamedFrom === null
        ? 'members change'
        : `renamed from "${group.renamedFrom}"`;
  const member = (sign: string) => (entry: PlannedGroupMember) =>
    `${sign} ${entry.email || entry.externalId || '(unknown)'}`;
  return [
    `${group.name} (${what})`,
    ...cappedLines(group.membersAdded, member('+'), { indent: '    ' }),
    ...cappedLines(group.membersRemoved, member('-'), { indent: '    ' }),
  ].join('\n');
}

function memberLine(member: ExistingMember): string {
  return `${member.email}  ${member.externalId ?? '-'}  (${member.type}, ${member.status})`;
}
