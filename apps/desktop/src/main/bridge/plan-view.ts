import type { PlanReport, PlannedGroupChange, PlannedGroupMember } from '@bwdc/core';

import type { PlanGroupView, PlanView } from '../../shared/plan-view';

/**
 * A preview as the dashboard lists it: the organization plan's members and groups by email, the
 * guard's verdict and what the server may refuse; member ids, types and statuses stay in main.
 */
export function planViewOf(report: PlanReport): PlanView {
  const { members, groups, seats, refusal, overwriteUnknowns } = report.organization;
  return {
    mode: report.mode,
    outcome: report.outcome,
    members: {
      addedAs: members.addedAs,
      added: members.added.map(({ email, externalId }) => ({ email, externalId })),
      linked: members.linked.map(({ email, linkedExternalId }) => ({
        email,
        externalId: linkedExternalId,
      })),
      removed: members.removed.map(({ email, externalId, reason }) => ({
        email,
        externalId,
        reason,
      })),
      skipped: members.skipped.map(({ email, externalId, existing }) => ({
        email,
        externalId,
        existingExternalId: existing.externalId,
      })),
      unchanged: members.unchanged,
    },
    groups: {
      created: groups.created.map(groupViewOf),
      updated: groups.updated.map(groupViewOf),
      unchanged: groups.unchanged,
    },
    seats: { members: seats.members, newlyOccupied: seats.newlyOccupied },
    guard: { ...report.guard },
    refusal:
      refusal === null
        ? null
        : { message: refusal.message, members: refusal.members.map((member) => member.email) },
    overwriteUnknowns: overwriteUnknowns.map((member) => member.email),
  };
}

function groupViewOf(group: PlannedGroupChange): PlanGroupView {
  return {
    externalId: group.externalId,
    name: group.name,
    renamedFrom: group.renamedFrom,
    membersAdded: group.membersAdded.map(memberName),
    membersRemoved: group.membersRemoved.map(memberName),
  };
}

function memberName(member: PlannedGroupMember): string {
  return member.email || member.externalId || '(unknown member)';
}
