import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { DirectorySnapshot } from '@bwdc/core';

import { FileDirectoryProvider } from '../file-directory-provider';
import { FileDirectorySettingsSchema } from '../file-settings';

export const FIXTURES = __dirname;

const folders: string[] = [];

// Registered when a spec file imports this module: its temporary folders go when it ends.
afterAll(async () => {
  await Promise.all(
    folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })),
  );
});

/** Writes the content to a fresh temporary folder as `name` and returns its path. */
export async function writeExport(name: string, content: string | Buffer): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'bwdc-file-provider-'));
  folders.push(folder);
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

/** Reads the file with users and groups on, as a sync of both would. */
export function readExport(path: string, settings: object = {}): Promise<DirectorySnapshot> {
  const sut = new FileDirectoryProvider({
    directory: FileDirectorySettingsSchema.parse({ path, ...settings }),
    sync: { users: true, groups: true },
  });
  return sut.read({ mode: 'full', dryRun: true, cursor: null, startedAt: new Date() });
}

/** Group name to its members, sorted, for compact expectations. */
export function membersByGroup(
  snapshot: DirectorySnapshot,
): Record<string, { users: string[]; groups: string[] }> {
  return Object.fromEntries(
    snapshot.groups.map((group) => [
      group.name,
      {
        users: [...group.userMemberExternalIds].sort(),
        groups: [...group.groupMemberReferenceIds].sort(),
      },
    ]),
  );
}
