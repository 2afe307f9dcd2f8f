import type { DirectorySnapshot } from '../ports/directory-provider';
import { aUser } from '../testing/builders';
import type { ConnectorSyncOptions, ConnectorSyncState } from './connector-store';
import { EMPTY_SYNC_STATE } from './connector-store';
import { emptyReadAfter, isWholeRead } from './deletion-check';

const SYNC: ConnectorSyncOptions = {
  users: true,
  groups: true,
  removeDisabled: false,
  overwriteExisting: false,
  largeImport: false,
  inviteUsersAfterProvisioning: false,
  maxRemovals: 10,
  maxRemovalsPercent: 10,
};
const AFTER_A_SYNC: ConnectorSyncState = {
  ...EMPTY_SYNC_STATE,
  lastUserSync: '2026-11-25T10:00:00.000Z',
  lastSyncUserCount: 120,
};

function snapshot(users: number, usersReadAt: string | null): DirectorySnapshot {
  return {
    users: Array.from({ length: users }, (_, index) => aUser(`user${index}`)),
    groups: [],
    cursor: { usersReadAt, groupsReadAt: null, userDeltaToken: null, groupDeltaToken: null },
  };
}

describe('the empty-read check', () => {
  const at = '2026-11-26T10:00:00.000Z';

  it('counts a full read, a read with no position, and a provider that keeps none as whole', () => {
    expect(isWholeRead('full', AFTER_A_SYNC, snapshot(0, at))).toBe(true);
    expect(isWholeRead('delta', EMPTY_SYNC_STATE, snapshot(0, at))).toBe(true);
    expect(isWholeRead('delta', AFTER_A_SYNC, snapshot(0, null))).toBe(true);
    expect(isWholeRead('delta', AFTER_A_SYNC, snapshot(0, at))).toBe(false);
  });

  it('flags a whole read with no users after a sync that had some', () => {
    expect(emptyReadAfter(SYNC, AFTER_A_SYNC, true, snapshot(0, null))).toBe(120);
  });

  it('lets through a delta with nothing new, a read with users, a first sync and a groups-only sync', () => {
    expect(emptyReadAfter(SYNC, AFTER_A_SYNC, false, snapshot(0, at))).toBeNull();
    expect(emptyReadAfter(SYNC, AFTER_A_SYNC, true, snapshot(1, null))).toBeNull();
    expect(emptyReadAfter(SYNC, EMPTY_SYNC_STATE, true, snapshot(0, null))).toBeNull();
    expect(
      emptyReadAfter({ ...SYNC, users: false }, AFTER_A_SYNC, true, snapshot(0, null)),
    ).toBeNull();
  });
});
