import type { FileDirectorySettings } from './file-settings';

/** Where each known column sits in a row; undefined for an optional column the file lacks. */
export interface CsvColumns {
  readonly email: number;
  readonly externalId: number | undefined;
  readonly disabled: number | undefined;
  readonly deleted: number | undefined;
  readonly groups: number | undefined;
}

export type CsvColumnsResult =
  | { readonly ok: true; readonly columns: CsvColumns; readonly names: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Finds the configured columns in the header row. Names match case-insensitively and without
 * surrounding blanks, since HR systems disagree on `Email` versus `email`.
 */
export function findCsvColumns(
  header: readonly string[],
  settings: FileDirectorySettings,
): CsvColumnsResult {
  const names = header.map((name) => name.trim());
  const positions = new Map<string, number>();
  const problems: string[] = [];
  names.forEach((name, position) => {
    const key = name.toLowerCase();
    if (positions.has(key)) {
      problems.push(`the header names the column "${name}" twice`);
    }
    positions.set(key, position);
  });
  const find = (configured: string | undefined, conventional: string, required: boolean) => {
    const position = positions.get((configured ?? conventional).toLowerCase());
    if (position === undefined && (configured !== undefined || required)) {
      problems.push(
        `the header has no column "${configured ?? conventional}" (it has: ${names.join(', ')})`,
      );
    }
    return position;
  };
  const email = find(settings.emailColumn, 'email', true);
  const columns = {
    externalId: find(settings.externalIdColumn, 'externalId', false),
    disabled: find(settings.disabledColumn, 'disabled', false),
    deleted: find(settings.deletedColumn, 'deleted', false),
    groups: find(settings.groupsColumn, 'groups', false),
  };
  if (email === undefined || problems.length > 0) {
    return { ok: false, problems };
  }
  return { ok: true, columns: { email, ...columns }, names };
}
