import type { SyncReport } from '@bwdc/core';

import { syncReportResponse } from './sync-report-message';

const REPORT: SyncReport = {
  outcome: 'send',
  mode: 'full',
  requestsSent: 1,
  counts: {
    users: 3,
    enabledUsers: 3,
    disabledUsers: 0,
    deletedUsers: 0,
    sentAsDeleted: 0,
    groups: 1,
    memberships: 3,
    droppedUsers: 0,
    requests: 1,
  },
  dropped: [],
  notices: [],
  organization: null,
  guard: null,
};

describe('syncReportResponse', () => {
  it('names every notice of the read under the counts, skipped guests included', () => {
    const response = syncReportResponse({
      ...REPORT,
      notices: [
        {
          kind: 'member-out-of-scope',
          group: 'Staff',
          member: 'CN=Printer',
          reason: 'excluded-by-filter',
        },
        { kind: 'deleted-users-unavailable', detail: 'Insufficient access rights.' },
        { kind: 'users-skipped', reason: 'guest', count: 12 },
        { kind: 'users-skipped', reason: 'no-email', count: 2 },
      ],
    });

    expect(response.data).toMatchObject({
      title: 'Syncing complete.',
      message: [
        'Synced 1 group(s) and 3 user(s).',
        'Group "Staff": member CN=Printer not synced (excluded-by-filter).',
        'Deleted users could not be read: Insufficient access rights.',
        '12 guest user(s) skipped.',
        '2 user(s) without an email skipped.',
      ].join('\n'),
    });
  });
});

describe('syncReportResponse with the deletion guard’s measure', () => {
  const guard = {
    removals: 30,
    limit: 10,
    organizationMembers: 101,
    tooManyRemovals: true,
    emptyReadAfter: null,
  };

  it('says how many members the sync removed, and that it went past the limit when forced', () => {
    const forced = syncReportResponse({ ...REPORT, guard });
    const within = syncReportResponse({
      ...REPORT,
      guard: { ...guard, removals: 5, tooManyRemovals: false },
    });

    expect(forced.data).toMatchObject({
      message: expect.stringContaining(
        "Removed 30 of 101 member(s) (past the deletion guard's limit of 10, as forced).",
      ),
    });
    expect(within.data).toMatchObject({
      message: expect.stringContaining(
        "Removed 5 of 101 member(s) (within the deletion guard's limit of 10).",
      ),
    });
  });

  it('adds nothing when the sync removed no one', () => {
    const response = syncReportResponse({ ...REPORT, guard: { ...guard, removals: 0 } });

    expect(response.data).toMatchObject({ message: 'Synced 1 group(s) and 3 user(s).' });
  });
});
