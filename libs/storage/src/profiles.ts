import { SyncError } from '@bwdc/core';

import { emptyProfile, type DataFile, type Profile } from './schema/data-file.schema';

export type ProfileErrorCode =
  'PROFILE_NOT_FOUND' | 'PROFILE_EXISTS' | 'PROFILE_ACTIVE' | 'PROFILE_NAME_INVALID';

export class ProfileError extends SyncError {
  readonly side = 'configuration';

  constructor(
    readonly code: ProfileErrorCode,
    message: string,
    remedy: string,
  ) {
    super(message, remedy);
  }
}

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Profile names as they may appear in a command line: letters, digits, dot, dash, underscore. */
export function assertProfileName(name: string): void {
  if (!PROFILE_NAME.test(name)) {
    throw new ProfileError(
      'PROFILE_NAME_INVALID',
      `'${name}' is not a valid profile name.`,
      'Use up to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
    );
  }
}

export function profileNames(file: DataFile): string[] {
  return Object.keys(file.profiles);
}

/** A new profile, empty or a copy of another's settings (never of its sync state). */
export function addProfile(file: DataFile, name: string, copyFrom?: string): DataFile {
  assertProfileName(name);
  if (name in file.profiles) {
    throw new ProfileError(
      'PROFILE_EXISTS',
      `A profile named '${name}' already exists.`,
      'Choose another name.',
    );
  }
  const profile: Profile =
    copyFrom === undefined
      ? emptyProfile()
      : { ...existing(file, copyFrom), state: emptyProfile().state };
  return { ...file, profiles: { ...file.profiles, [name]: structuredClone(profile) } };
}

export function renameProfile(file: DataFile, from: string, to: string): DataFile {
  assertProfileName(to);
  const profile = existing(file, from);
  if (to in file.profiles) {
    throw new ProfileError(
      'PROFILE_EXISTS',
      `A profile named '${to}' already exists.`,
      'Choose another name.',
    );
  }
  const profiles = Object.fromEntries(
    Object.entries(file.profiles).map(([name, value]) => [name === from ? to : name, value]),
  );
  return {
    ...file,
    profiles: { ...profiles, [to]: profile },
    activeProfile: file.activeProfile === from ? to : file.activeProfile,
  };
}

export function switchProfile(file: DataFile, name: string): DataFile {
  existing(file, name);
  return { ...file, activeProfile: name };
}

export function removeProfile(file: DataFile, name: string): DataFile {
  existing(file, name);
  if (file.activeProfile === name) {
    throw new ProfileError(
      'PROFILE_ACTIVE',
      `'${name}' is the active profile and cannot be removed.`,
      'Switch to another profile first (bwdc profile use <name>).',
    );
  }
  const profiles = Object.fromEntries(
    Object.entries(file.profiles).filter(([profileName]) => profileName !== name),
  );
  return { ...file, profiles };
}

function existing(file: DataFile, name: string): Profile {
  const profile = file.profiles[name];
  if (!profile) {
    throw new ProfileError(
      'PROFILE_NOT_FOUND',
      `There is no profile named '${name}'.`,
      `Use one of: ${Object.keys(file.profiles).join(', ')}.`,
    );
  }
  return profile;
}
