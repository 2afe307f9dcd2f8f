import type { DirectoryNotice, DropReason, SyncReport, UsersSkippedNotice } from '@bwdc/core';

import { messageResponse, type SuccessResponse } from './response';

const DROP_REASONS: Readonly<Record<DropReason, string>> = {
  'missing-email': 'no email',
  'email-too-long': 'email longer than 256 characters',
  'identical-duplicate': 'an exact copy of another entry',
  'deleted-duplicate-of-active': 'a deleted entry whose email an active user has',
};

/**
 * The run report of a sync. A sync that sent nothing says so and why, never "Synced 0 user(s)"
 * as upstream did; dropped users and members left out are listed with their reasons.
 */
export function syncReportResponse(report: SyncReport): SuccessResponse {
  const details = readDetailLines(report);
  if (report.outcome === 'unchanged') {
    return messageResponse(
      'Nothing to sync.',
      ['Unchanged since the last sync: nothing sent.', ...details].join('\n'),
    );
  }
  if (report.outcome === 'empty') {
    return messageResponse(
      'Nothing to sync.',
      [
        report.mode === 'delta'
          ? 'Nothing changed in the directory since the last sync: nothing sent.'
          : 'The directory returned no users or groups: nothing sent.',
        ...details,
      ].join('\n'),
    );
  }
  const { counts } = report;
  return messageResponse(
    'Syncing complete.',
    [
      `Synced ${counts.groups} group(s) and ${counts.users} user(s)` +
        (report.requestsSent > 1 ? ` in ${report.requestsSent} requests.` : '.'),
      ...(counts.sentAsDeleted > 0 ? [`${counts.sentAsDeleted} user(s) sent as deleted.`] : []),
      ...guardLines(report),
      ...details,
    ].join('\n'),
  );
}

/** Who the read left out and why, and what it noticed: for a sync report and a plan alike. */
export function readDetailLines(report: Pick<SyncReport, 'dropped' | 'notices'>): string[] {
  return [...droppedLines(report), ...noticeLines(report.notices)];
}

/** What the deletion guard measured, when the sync could remove members. */
function guardLines({ guard }: SyncReport): string[] {
  if (guard === null || guard.removals === 0) {
    return [];
  }
  const limit =
    guard.limit === null
      ? 'the deletion guard is off'
      : guard.tooManyRemovals
        ? `past the deletion guard's limit of ${guard.limit}, as forced`
        : `within the deletion guard's limit of ${guard.limit}`;
  return [`Removed ${guard.removals} of ${guard.organizationMembers} member(s) (${limit}).`];
}

function droppedLines(report: Pick<SyncReport, 'dropped'>): string[] {
  if (report.dropped.length === 0) {
    return [];
  }
  return [
    `Left out ${report.dropped.length} user(s):`,
    ...report.dropped.map(
      (user) => `  ${user.email ?? user.referenceId}: ${DROP_REASONS[user.reason]}`,
    ),
  ];
}

function noticeLines(notices: readonly DirectoryNotice[]): string[] {
  return notices.map((notice) => {
    switch (notice.kind) {
      case 'member-out-of-scope':
        return `Group "${notice.group}": member ${notice.member} not synced (${notice.reason}).`;
      case 'deleted-users-unavailable':
        return `Deleted users could not be read: ${notice.detail}`;
      case 'users-skipped':
        return `${notice.count} ${SKIPPED_USERS[notice.reason]} skipped.`;
    }
  });
}

const SKIPPED_USERS: Readonly<Record<UsersSkippedNotice['reason'], string>> = {
  guest: 'guest user(s)',
  'no-email': 'user(s) without an email',
};
