import {
  ConfigurationError,
  DeletionGuardError,
  EmptyDirectoryReadError,
  type PlannedRemoval,
} from '@bwdc/core';

import { aSyncReport } from '../scheduler/testing/sync-reports';
import { syncNowViewOf } from './sync-now-view';

const removal = (name: string, reason: PlannedRemoval['reason']): PlannedRemoval => ({
  memberId: `member-${name}`,
  email: `${name}@example.com`,
  externalId: `uid=${name}`,
  type: 'user',
  status: 'confirmed',
  reason,
});

describe('syncNowViewOf', () => {
  it('answers a sync with its outcome and counts', () => {
    expect(syncNowViewOf({ ok: true, trigger: 'manual', report: aSyncReport(20, 5) })).toEqual({
      kind: 'synced',
      outcome: 'send',
      mode: 'delta',
      requestsSent: 1,
      counts: aSyncReport(20, 5).counts,
    });
  });

  it('answers a deletion guard refusal with every removal, the limit and the organization size', () => {
    const error = new DeletionGuardError(
      [removal('dave', 'deleted'), removal('erin', 'unlisted'), removal('fay', 'disabled')],
      2,
      21,
    );

    const view = syncNowViewOf({ ok: false, trigger: 'manual', error });

    expect(view).toEqual({
      kind: 'guard-refused',
      refusal: {
        reason: 'too-many-removals',
        message: error.message,
        remedy: error.remedy,
        removals: [
          { email: 'dave@example.com', externalId: 'uid=dave', reason: 'deleted' },
          { email: 'erin@example.com', externalId: 'uid=erin', reason: 'unlisted' },
          { email: 'fay@example.com', externalId: 'uid=fay', reason: 'disabled' },
        ],
        limit: 2,
        organizationMembers: 21,
      },
    });
    expect(JSON.stringify(view)).not.toContain('member-');
  });

  it('answers an empty read after a sync that had users as a refusal to confirm', () => {
    const error = new EmptyDirectoryReadError(20);

    expect(syncNowViewOf({ ok: false, trigger: 'manual', error })).toEqual({
      kind: 'guard-refused',
      refusal: {
        reason: 'empty-read',
        message: error.message,
        remedy: error.remedy,
        lastSyncUsers: 20,
      },
    });
  });

  it('throws any other failure again, for the renderer to show with its code and remedy', () => {
    const error = new ConfigurationError('NOT_LOGGED_IN', 'You are not logged in.', 'Log in.');

    expect(() => syncNowViewOf({ ok: false, trigger: 'manual', error })).toThrow(error);
  });
});
