import type { GuardVerdict, PlanReport, RemovalReason } from '@bwdc/core';

const REMOVAL_REASONS: readonly RemovalReason[] = ['deleted', 'disabled', 'unlisted'];

/** The first lines of `bwdc plan`: what the sync would send, then the counts as a table. */
export function planSummaryLines(report: PlanReport): string[] {
  const { members, groups, seats } = report.organization;
  const byReason = REMOVAL_REASONS.map(
    (reason) => `${reason} ${members.removed.filter((member) => member.reason === reason).length}`,
  ).join(', ');
  const renamed = groups.updated.filter((group) => group.renamedFrom !== null).length;
  const membershipChanges = [...groups.created, ...groups.updated].filter(
    (group) => group.membersAdded.length > 0 || group.membersRemoved.length > 0,
  ).length;
  return [
    'Plan: what bwdc sync would do now. Nothing was sent.',
    sendLine(report),
    '',
    'Members',
    row(`to add (${members.addedAs.replace(/-/g, ' ')})`, members.added.length),
    row('linked by email', members.linked.length),
    row('removed', members.removed.length, byReason),
    row('skipped', members.skipped.length, 'email already known under another externalId'),
    row('unchanged', members.unchanged),
    row('new seats occupied', seats.newlyOccupied, `the organization has ${seats.members} members`),
    'Groups',
    row('created', groups.created.length),
    row('renamed', renamed),
    row('membership changes', membershipChanges),
    row('unchanged', groups.unchanged),
  ];
}

/** The guard's verdict, in the words `bwdc sync` would act on. */
export function guardVerdictLines(guard: GuardVerdict): string[] {
  const lines: string[] = [];
  if (guard.emptyReadAfter !== null) {
    lines.push(
      `Empty-read guard: the directory returned no users, where the last sync had ` +
        `${guard.emptyReadAfter}: the sync would be REFUSED; run bwdc sync --force to apply.`,
    );
  }
  const removals = `${guard.removals} removal(s)`;
  if (guard.limit === null) {
    lines.push(
      `Deletion guard: off (sync.maxRemovals and sync.maxRemovalsPercent are null); ${removals}.`,
    );
  } else if (guard.tooManyRemovals) {
    lines.push(
      `Deletion guard: ${removals}, more than the limit of ${guard.limit} for ` +
        `${guard.organizationMembers} members: the sync would be REFUSED by the deletion guard; ` +
        'run bwdc sync --force to apply.',
    );
  } else {
    lines.push(
      `Deletion guard: ${removals}, within the limit of ${guard.limit} for ` +
        `${guard.organizationMembers} members.`,
    );
  }
  return lines;
}

function sendLine(report: PlanReport): string {
  const read = report.mode === 'full' ? 'the whole directory' : 'what changed since the last sync';
  switch (report.outcome) {
    case 'send':
      return (
        `The sync would read ${read} and send ${report.counts.users} user(s) and ` +
        `${report.counts.groups} group(s)` +
        (report.counts.requests > 1 ? ` in ${report.counts.requests} requests.` : '.')
      );
    case 'unchanged':
      return `The sync would read ${read}: unchanged since the last sync, it would send nothing.`;
    case 'empty':
      return `The sync would read ${read}: no users or groups, it would send nothing.`;
  }
}

const LABEL_WIDTH = 30;
const COUNT_WIDTH = 7;

function row(label: string, count: number, detail?: string): string {
  const line = `  ${label.padEnd(LABEL_WIDTH)}${String(count).padStart(COUNT_WIDTH)}`;
  return detail === undefined || count === 0 ? line : `${line}   (${detail})`;
}
