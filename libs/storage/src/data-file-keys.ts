import type { DataFile, Profile } from './schema/data-file.schema';

/**
 * A typed place in the data file. Code reads and writes settings through these definitions
 * instead of one get/set method per setting; keys of the active profile follow profile switches.
 */
export interface DataKey<T> {
  readonly name: string;
  read(file: DataFile): T;
  write(file: DataFile, value: T): DataFile;
}

function fileKey<K extends keyof DataFile>(field: K): DataKey<DataFile[K]> {
  return {
    name: field,
    read: (file) => file[field],
    write: (file, value) => ({ ...file, [field]: value }),
  };
}

function activeProfileKey<K extends keyof Profile>(field: K): DataKey<Profile[K]> {
  return {
    name: `profile.${field}`,
    read: (file) => activeProfileOf(file)[field],
    write: (file, value) => ({
      ...file,
      profiles: {
        ...file.profiles,
        [file.activeProfile]: { ...activeProfileOf(file), [field]: value },
      },
    }),
  };
}

export function activeProfileOf(file: DataFile): Profile {
  const profile = file.profiles[file.activeProfile];
  if (!profile) {
    // The schema refuses such a file, so this only happens to a document built by hand.
    throw new Error(`The active profile '${file.activeProfile}' does not exist.`);
  }
  return profile;
}

export const DATA_KEYS = {
  server: fileKey('server'),
  organizationId: fileKey('organizationId'),
  appId: fileKey('appId'),
  app: fileKey('app'),
  runs: fileKey('runs'),
  directoryType: activeProfileKey('directoryType'),
  directories: activeProfileKey('directories'),
  syncOptions: activeProfileKey('sync'),
  syncState: activeProfileKey('state'),
} as const;
