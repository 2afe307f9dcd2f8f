import type { DirectoryUser } from '@bwdc/core';
import { CsvError, parse } from 'csv-parse/sync';

import { parseCsvBoolean } from './csv-boolean';
import { type CsvColumns, findCsvColumns } from './csv-columns';
import { duplicateKeys } from './duplicates';
import { FileDirectoryError, listProblems } from './file-error';
import type { FileDirectorySettings } from './file-settings';
import type { GroupDeclaration, ParsedDirectory } from './parsed-directory';

interface CsvRow {
  readonly cells: readonly string[];
  /** The file line the row ends on (a quoted cell may span lines). */
  readonly line: number;
}

interface CsvUser extends DirectoryUser {
  readonly line: number;
}

/** A group's direct members, gathered from every row that names it. */
interface GroupMembers {
  readonly users: Set<string>;
  readonly groups: Set<string>;
}

/**
 * One row per user; the groups column lists the user's groups, and a group path
 * (`Engineering > Platform`) nests each level in the one before it.
 */
export function parseCsvExport(text: string, settings: FileDirectorySettings): ParsedDirectory {
  const fail = (problems: readonly string[]) =>
    new FileDirectoryError(
      'FILE_CSV_INVALID',
      settings.path,
      `The CSV directory export ${settings.path} is not valid: ${listProblems(problems)}.`,
      'Fix the named lines or columns (or the column names in the directory settings) and run again.',
    );
  const [header, ...rows] = parseRows(text, settings);
  if (!header) {
    throw fail(['it is empty; the first row must name the columns']);
  }
  const found = findCsvColumns(header.cells, settings);
  if (!found.ok) {
    throw fail(found.problems);
  }
  const problems: string[] = [];
  const users: CsvUser[] = [];
  const groups = new Map<string, GroupMembers>();
  for (const row of rows) {
    const user = userOf(row, found.columns, found.names, problems);
    if (user) {
      users.push(user);
      for (const path of groupPathsOf(row, found.columns, settings, problems)) {
        addToGroups(groups, path, user.externalId);
      }
    }
  }
  if (problems.length > 0) {
    throw fail(problems);
  }
  const duplicates = duplicateKeys(
    users,
    (user) => user.externalId,
    (user) => `line ${user.line}`,
  );
  if (duplicates.length > 0) {
    throw new FileDirectoryError(
      'FILE_DUPLICATE_ENTRY',
      settings.path,
      `The CSV directory export ${settings.path} lists these external ids more than once: ${listProblems(duplicates)}.`,
      'Give each row its own external id (or email, when there is no external id column).',
    );
  }
  return assemble(users, groups);
}

function parseRows(text: string, settings: FileDirectorySettings): CsvRow[] {
  try {
    // With `info`, csv-parse yields `{ record, info }` pairs; its typings know that only
    // together with `columns`, which would key the cells by a header we check ourselves.
    const records = parse(text, {
      delimiter: settings.delimiter,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ cells: record, line: info.lines }));
  } catch (error) {
    if (error instanceof CsvError) {
      throw new FileDirectoryError(
        'FILE_CSV_INVALID',
        settings.path,
        `The CSV directory export ${settings.path} cannot be parsed: ${error.message}.`,
        `Fix the file near the line named (every row needs as many cells as the header, and quotes must close), or set the delimiter if it is not '${settings.delimiter}'.`,
        { cause: error },
      );
    }
    throw error;
  }
}

function userOf(
  row: CsvRow,
  columns: CsvColumns,
  names: readonly string[],
  problems: string[],
): CsvUser | undefined {
  const cell = (position: number | undefined) =>
    position === undefined ? '' : (row.cells[position] ?? '').trim();
  const flag = (position: number | undefined) => {
    const value = parseCsvBoolean(cell(position));
    if (value === undefined) {
      problems.push(
        `line ${row.line}, column "${names[position ?? 0]}": "${cell(position)}" is not true/false, yes/no or 1/0`,
      );
    }
    return value ?? false;
  };
  const email = cell(columns.email) || null;
  const externalId = cell(columns.externalId) || email;
  const disabled = flag(columns.disabled);
  const deleted = flag(columns.deleted);
  if (externalId === null) {
    problems.push(`line ${row.line}: neither an email nor an external id`);
    return undefined;
  }
  return { externalId, referenceId: externalId, email, disabled, deleted, line: row.line };
}

/** The user's group paths, each from the outermost group to the user's own. */
function groupPathsOf(
  row: CsvRow,
  columns: CsvColumns,
  settings: FileDirectorySettings,
  problems: string[],
): string[][] {
  const cell = columns.groups === undefined ? '' : (row.cells[columns.groups] ?? '');
  const paths = cell
    .split(settings.groupSeparator)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return paths.flatMap((entry) => {
    const path = (
      settings.groupPathSeparator === null ? [entry] : entry.split(settings.groupPathSeparator)
    ).map((name) => name.trim());
    if (path.includes('')) {
      problems.push(`line ${row.line}: the group path "${entry}" has an empty level`);
      return [];
    }
    return [path];
  });
}

function addToGroups(groups: Map<string, GroupMembers>, path: string[], userId: string): void {
  path.forEach((name, level) => {
    const members = groups.get(name) ?? { users: new Set<string>(), groups: new Set<string>() };
    groups.set(name, members);
    const child = path[level + 1];
    if (child === undefined) {
      members.users.add(userId);
    } else {
      members.groups.add(child);
    }
  });
}

/** Groups are known by name only in a CSV, so the name is also their external id. */
function assemble(users: readonly CsvUser[], groups: Map<string, GroupMembers>): ParsedDirectory {
  const usersById = new Map(users.map((user) => [user.externalId, withoutLine(user)]));
  const declarations = new Map<string, GroupDeclaration>(
    [...groups].map(([name, members]) => [
      name,
      {
        externalId: name,
        referenceId: name,
        name,
        members: [
          ...[...members.users].map((value) => ({
            value,
            names: 'user' as const,
            reasonIfUnknown: 'unknown-member' as const,
          })),
          ...[...members.groups].map((value) => ({
            value,
            names: 'group' as const,
            reasonIfUnknown: 'unknown-member' as const,
          })),
        ],
      },
    ]),
  );
  return {
    users: [...usersById.values()],
    groups: [...declarations.values()],
    lookup: {
      user: (reference) => usersById.get(reference),
      group: (reference) => declarations.get(reference),
    },
  };
}

/** The user as the snapshot carries it: the line was only for error messages. */
function withoutLine(user: CsvUser): DirectoryUser {
  const { externalId, referenceId, email, disabled, deleted } = user;
  return { externalId, referenceId, email, disabled, deleted };
}
