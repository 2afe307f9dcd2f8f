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
  const details = [...droppedLines(report), ...noticeLines(report.notices)];
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
      ...details,
    ].join('\n'),
  );
}

function droppedLines(report: SyncReport): string[] {
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
