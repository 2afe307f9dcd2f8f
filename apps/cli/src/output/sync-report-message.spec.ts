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
