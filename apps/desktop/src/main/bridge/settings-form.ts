import {
  DIRECTORY_TYPES,
  EMPTY_SYNC_STATE,
  type DirectoryType,
  type SecretStore,
} from '@bwdc/core';
import {
  PROVIDER_SETTINGS,
  defaultOf,
  describeField,
  objectFields,
  providerSettingsOf,
  type SettingField,
} from '@bwdc/providers';
import {
  DATA_KEYS,
  SyncOptionsSchema,
  UPSTREAM_DIRECTORY_SECRETS,
  profileNames,
  secretIsSet,
  type DataFile,
  type SyncOptions,
} from '@bwdc/storage';
import type { z } from 'zod';

import type {
  DirectoryForm,
  FieldKind,
  FieldView,
  SettingsChange,
  SettingsProblem,
  SettingsView,
} from '../../shared/settings-view';

/** Fields that name a file on this machine: the form offers a file picker for them. */
const FILE_FIELDS: Readonly<Partial<Record<DirectoryType, readonly string[]>>> = {
  ldap: ['sslCaPath', 'tlsCaPath', 'sslCertPath', 'sslKeyPath'],
  entra: ['caPath'],
  file: ['path'],
};

/** The active profile's settings, each form field present, and whether each secret is set. */
export async function settingsViewOf(file: DataFile, secrets: SecretStore): Promise<SettingsView> {
  const stored = DATA_KEYS.directories.read(file);
  const sync = DATA_KEYS.syncOptions.read(file);
  const directories: Record<string, Record<string, unknown>> = {};
  const forms: DirectoryForm[] = [];
  let syncValues: Record<string, unknown> = withDefaults(sync, SyncOptionsSchema);
  for (const type of DIRECTORY_TYPES) {
    const row = providerSettingsOf(type);
    const secret = UPSTREAM_DIRECTORY_SECRETS[type];
    forms.push({
      type,
      available: row !== null,
      fields: row ? fieldsOf(row.directory, FILE_FIELDS[type] ?? []) : [],
      syncFields: row?.sync ? fieldsOf(row.sync, []) : [],
      secret: secret ? { name: secret.field, isSet: await secretIsSet(secrets, file, type) } : null,
    });
    if (row) {
      directories[type] = withDefaults(stored[type] ?? {}, row.directory);
      if (row.sync) {
        syncValues = { ...withDefaults(sync, row.sync), ...syncValues };
      }
    }
  }
  return {
    profile: file.activeProfile,
    profiles: profileNames(file),
    directoryType: DATA_KEYS.directoryType.read(file),
    directories,
    sync: syncValues,
    forms: { directories: forms, sync: fieldsOf(SyncOptionsSchema, []) },
  };
}

export type AppliedSettings =
  | { readonly ok: true; readonly next: DataFile }
  | { readonly ok: false; readonly problems: readonly SettingsProblem[] };

/**
 * The data file with Save's settings in the active profile, validated as the providers read
 * them. Stored fields the form does not show (upstream's `id`...) are kept; an empty field that
 * cannot hold null is left out so its default applies. Nothing is applied when anything is wrong.
 */
export function applySettings(file: DataFile, change: SettingsChange): AppliedSettings {
  const type = change.directoryType;
  const problems: SettingsProblem[] = [];
  let next = file;
  if (type !== null) {
    const row = providerSettingsOf(type);
    if (row === null) {
      return {
        ok: false,
        problems: [
          {
            section: 'directoryType',
            field: null,
            message: `The ${type} directory is not available in this version yet.`,
          },
        ],
      };
    }
    const directories = DATA_KEYS.directories.read(file);
    const directory = merged(directories[type] ?? {}, change.directory, row.directory);
    problems.push(...problemsOf('directory', [row.directory], directory));
    next = DATA_KEYS.directories.write(next, { ...directories, [type]: directory });
  }
  const syncSchemas = [
    SyncOptionsSchema,
    ...PROVIDER_SETTINGS.flatMap((row) => (row.type === type && row.sync ? [row.sync] : [])),
  ];
  const sync = syncSchemas.reduce<Record<string, unknown>>(
    (values, schema) => merged(values, change.sync, schema),
    { ...DATA_KEYS.syncOptions.read(file) },
  );
  problems.push(...problemsOf('sync', syncSchemas, sync));
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  next = DATA_KEYS.syncOptions.write(next, sync as SyncOptions);
  if (type !== DATA_KEYS.directoryType.read(file)) {
    // Another directory's sync state means nothing for this one (upstream clears it too).
    next = DATA_KEYS.directoryType.write(next, type);
    next = DATA_KEYS.syncState.write(next, { ...EMPTY_SYNC_STATE });
  }
  return { ok: true, next };
}

function fieldsOf(schema: z.ZodType, fileFields: readonly string[]): FieldView[] {
  return Object.entries(objectFields(schema)).map(([name, fieldSchema]) => {
    const field = describeField(fieldSchema);
    return {
      name,
      kind: fileFields.includes(name) ? 'file' : kindOf(field),
      options: field.kind.type === 'choice' ? field.kind.options : [],
      nullable: field.nullable,
      defaultValue: defaultOf(field),
    };
  });
}

function kindOf(field: SettingField): FieldKind {
  return field.kind.type === 'choice' ? 'choice' : field.kind.type;
}

/** The stored values of a schema's fields, with the default where none is stored. */
function withDefaults(
  stored: Readonly<Record<string, unknown>>,
  schema: z.ZodType,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(objectFields(schema)).map(([name, fieldSchema]) => [
      name,
      stored[name] === undefined ? defaultOf(describeField(fieldSchema)) : stored[name],
    ]),
  );
}

/** `stored` with the schema's fields taken from `sent`; a null that cannot be stored is left out. */
function merged(
  stored: Readonly<Record<string, unknown>>,
  sent: Readonly<Record<string, unknown>>,
  schema: z.ZodType,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...stored };
  for (const [name, fieldSchema] of Object.entries(objectFields(schema))) {
    if (!(name in sent)) {
      continue;
    }
    const value = sent[name];
    const field = describeField(fieldSchema);
    if (value === null && !field.nullable && field.omittable) {
      delete result[name];
    } else {
      result[name] = value;
    }
  }
  return result;
}

function problemsOf(
  section: SettingsProblem['section'],
  schemas: readonly z.ZodType[],
  values: Readonly<Record<string, unknown>>,
): SettingsProblem[] {
  return schemas.flatMap((schema) => {
    const parsed = schema.safeParse(values);
    return parsed.success
      ? []
      : parsed.error.issues.map((issue) => {
          const field = typeof issue.path[0] === 'string' ? issue.path[0] : null;
          return { section, field, message: messageOf(issue, field, values) };
        });
  });
}

/**
 * zod's own "Invalid input: expected string, received null" for an emptied field says less than
 * "required"; a schema's own message (the file path's) is kept.
 */
function messageOf(
  issue: z.core.$ZodIssue,
  field: string | null,
  values: Readonly<Record<string, unknown>>,
): string {
  const empty = field !== null && (values[field] === null || values[field] === undefined);
  const zodDefault = issue.message.startsWith('Invalid input');
  return issue.code === 'invalid_type' && empty && zodDefault
    ? 'This setting is required.'
    : issue.message;
}
