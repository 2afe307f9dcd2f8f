import type {
  DirectoryCursor,
  DirectoryProvider,
  DirectoryReadRequest,
  DirectorySnapshot,
} from '@bwdc/core';

import { parseCsvExport } from './csv-export';
import type { FileDirectorySettings } from './file-settings';
import { parseJsonExport } from './json-export';
import { parseLdifExport } from './ldif-export';
import type { ParsedDirectory } from './parsed-directory';
import { readExportFile } from './read-export-file';
import { resolveMembers } from './resolve-members';

export interface FileProviderOptions {
  readonly directory: FileDirectorySettings;
  /** Upstream's sync switches: what to yield of what the file holds. */
  readonly sync: { readonly users: boolean; readonly groups: boolean };
}

/** An export has no history to read a delta from: every read is full, so the cursor is empty. */
const NO_CURSOR: DirectoryCursor = {
  usersReadAt: null,
  groupsReadAt: null,
  userDeltaToken: null,
  groupDeltaToken: null,
};

/**
 * Users and groups from a CSV, JSON or LDIF export (README.md documents each format). The file is
 * read anew on every run, so the connector follows the export as HR replaces it, and a file that
 * fails to parse fails the read whole.
 */
export class FileDirectoryProvider implements DirectoryProvider {
  readonly type = 'file';

  constructor(private readonly options: FileProviderOptions) {}

  async read(request: DirectoryReadRequest): Promise<DirectorySnapshot> {
    request.signal?.throwIfAborted();
    const { directory, sync } = this.options;
    const text = await readExportFile(directory.path);
    request.signal?.throwIfAborted();
    const parsed = this.parse(text);
    const resolved = sync.groups ? resolveMembers(parsed.groups, parsed.lookup) : undefined;
    return {
      users: sync.users ? parsed.users : [],
      groups: resolved?.groups ?? [],
      cursor: NO_CURSOR,
      notices: resolved?.notices ?? [],
    };
  }

  private parse(text: string): ParsedDirectory {
    const { directory } = this.options;
    switch (directory.format) {
      case 'csv':
        return parseCsvExport(text, directory);
      case 'json':
        return parseJsonExport(text, directory.path);
      case 'ldif':
        return parseLdifExport(text, directory.path);
    }
  }
}
