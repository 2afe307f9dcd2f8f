import { extname } from 'node:path';

import { z } from 'zod';

export const FILE_FORMATS = ['csv', 'json', 'ldif'] as const;

export type FileFormat = (typeof FILE_FORMATS)[number];

/** `.ldf` is what Active Directory's `ldifde` writes by default. */
const FORMAT_BY_EXTENSION: Readonly<Record<string, FileFormat>> = {
  '.csv': 'csv',
  '.json': 'json',
  '.ldif': 'ldif',
  '.ldf': 'ldif',
};

/** The format a file name implies, or null for an extension we do not know. */
export function formatFromPath(path: string): FileFormat | null {
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()] ?? null;
}

/**
 * A CSV column the admin may rename. Left unset, the conventional name is used when the header
 * has it; set, the header must have it, so a typo fails the read instead of silently dropping
 * every group or every disabled flag.
 */
const columnName = z.string().trim().min(1, 'a column name cannot be empty').optional();

/**
 * The file directory: an HR or LDAP export on disk. The CSV settings are ignored for JSON and
 * LDIF, whose field names are fixed (see README.md).
 */
export const FileDirectorySettingsSchema = z
  .object({
    /** The export to read; a relative path is resolved against the working directory. */
    path: z
      .string({ error: 'the path of the export file is required' })
      .trim()
      .min(1, 'the path of the export file is required'),
    /** `csv`, `json` or `ldif`; unset, it follows the extension (.csv, .json, .ldif, .ldf). */
    format: z.enum(FILE_FORMATS).nullable().default(null),
    /** CSV: the field separator; `;` for the exports of spreadsheet programs in many locales. */
    delimiter: z.string().length(1, 'the delimiter must be one character').default(','),
    /** CSV: the user's email (default `email`); the only column that must exist. */
    emailColumn: columnName,
    /** CSV: the id Bitwarden keeps for the member (default `externalId`); unset, the email. */
    externalIdColumn: columnName,
    /** CSV: true/false, yes/no or 1/0 (default `disabled`); empty or absent means enabled. */
    disabledColumn: columnName,
    /** CSV: like `disabled` (default `deleted`): the member is removed from the organization. */
    deletedColumn: columnName,
    /** CSV: the user's groups in one cell (default `groups`). */
    groupsColumn: columnName,
    /** CSV: between the group names of one cell. */
    groupSeparator: z.string().min(1, 'the group separator cannot be empty').default(';'),
    /**
     * CSV: between the levels of a group path, so `Engineering > Platform` puts the user in
     * Platform and Platform in Engineering. Null when group names may contain `>`.
     */
    groupPathSeparator: z
      .string()
      .min(1, 'the group path separator cannot be empty')
      .nullable()
      .default('>'),
  })
  .transform((settings, context) => {
    const format = settings.format ?? formatFromPath(settings.path);
    if (format === null) {
      context.addIssue({
        code: 'custom',
        path: ['format'],
        message: `cannot tell the format of ${settings.path} from its extension; set it to csv, json or ldif`,
      });
      return z.NEVER;
    }
    return { ...settings, format };
  });

export type FileDirectorySettings = z.output<typeof FileDirectorySettingsSchema>;
