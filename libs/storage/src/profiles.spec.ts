import { emptyDataFile, type DataFile } from './schema/data-file.schema';
import { addProfile, profileNames, removeProfile, renameProfile, switchProfile } from './profiles';

function withState(file: DataFile, hash: string): DataFile {
  const profile = file.profiles[file.activeProfile];
  if (!profile) {
    throw new Error('no active profile');
  }
  return {
    ...file,
    profiles: {
      ...file.profiles,
      [file.activeProfile]: {
        ...profile,
        directoryType: 'ldap',
        state: { ...profile.state, lastSyncHash: hash },
      },
    },
  };
}

describe('profiles', () => {
  it('keeps each profile’s sync state apart across add, switch and remove', () => {
    let file = withState(emptyDataFile(), 'hash-default');
    file = switchProfile(addProfile(file, 'eu-office'), 'eu-office');
    expect(file.profiles['eu-office']?.state.lastSyncHash).toBeNull();

    file = withState(file, 'hash-eu');
    file = switchProfile(file, 'default');

    expect(file.profiles['default']?.state.lastSyncHash).toBe('hash-default');
    expect(file.profiles['eu-office']?.state.lastSyncHash).toBe('hash-eu');
    file = removeProfile(file, 'eu-office');
    expect(profileNames(file)).toEqual(['default']);
    expect(file.profiles['default']?.state.lastSyncHash).toBe('hash-default');
  });

  it('copies settings but never sync state when adding from another profile', () => {
    const file = addProfile(withState(emptyDataFile(), 'hash-default'), 'copy', 'default');

    expect(file.profiles['copy']?.directoryType).toBe('ldap');
    expect(file.profiles['copy']?.state.lastSyncHash).toBeNull();
  });

  it('renames a profile, following it when it is the active one', () => {
    const file = renameProfile(withState(emptyDataFile(), 'h'), 'default', 'headquarters');

    expect(file.activeProfile).toBe('headquarters');
    expect(file.profiles['headquarters']?.state.lastSyncHash).toBe('h');
    expect(profileNames(file)).toEqual(['headquarters']);
  });

  it.each<[string, (file: DataFile) => DataFile, string]>([
    ['adding an existing name', (file) => addProfile(file, 'default'), 'PROFILE_EXISTS'],
    ['adding a bad name', (file) => addProfile(file, '../x'), 'PROFILE_NAME_INVALID'],
    ['switching to a missing profile', (file) => switchProfile(file, 'nope'), 'PROFILE_NOT_FOUND'],
    ['removing the active profile', (file) => removeProfile(file, 'default'), 'PROFILE_ACTIVE'],
    [
      'renaming onto another profile',
      (file) => renameProfile(addProfile(file, 'b'), 'b', 'default'),
      'PROFILE_EXISTS',
    ],
  ])('refuses %s with a clear error', (_case, change, code) => {
    expect(() => change(emptyDataFile())).toThrow(
      expect.objectContaining({ code, side: 'configuration' }),
    );
  });
});
