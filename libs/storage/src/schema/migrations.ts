import { DATA_FILE_VERSION } from './data-file.schema';

/** Turns a document of version n into one of version n + 1. Keep each small and tested. */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/** Indexed by the version a migration starts from. Version 1 is the first; none exist yet. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrationResult =
  | { readonly ok: true; readonly document: Record<string, unknown>; readonly migrated: boolean }
  | { readonly ok: false; readonly reason: string };

/** Brings a document of ours up to `target`, one version at a time. */
export function migrateToCurrent(
  document: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target = DATA_FILE_VERSION,
): MigrationResult {
  let version = document['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      reason: `its version ${JSON.stringify(version)} is not one this connector wrote`,
    };
  }
  if (version > target) {
    return {
      ok: false,
      reason: `it was written by a newer connector (data file version ${version}; this one reads up to ${target})`,
    };
  }
  let current = document;
  while (version < target) {
    const migration = migrations[version];
    if (!migration) {
      return { ok: false, reason: `no migration from data file version ${version}` };
    }
    current = migration(current);
    version += 1;
  }
  return { ok: true, document: current, migrated: version !== document['version'] };
}
