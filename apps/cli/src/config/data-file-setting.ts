import { EMPTY_SYNC_STATE, normaliseServerUrl } from '@bwdc/core';
import { DATA_KEYS, type DataFile, type ServerSettings, type SyncOptions } from '@bwdc/storage';
import { defaultOf, type SettingField } from '@bwdc/providers';
import type { z } from 'zod';

import { ConfigSettingError } from './config-setting.error';
import { parseDirectoryType } from './directory-type-value';
import { invalidValue, parseSettingValue, type FieldChange } from './parse-setting-value';
import type { SettingTarget } from './setting-catalogue';

/** The settings kept in the data file itself (secrets are not). */
export type DataFileTarget = Exclude<SettingTarget, { kind: 'secret' }>;

/** A setting's current value in the data file; an unset field shows its default. */
export function readSetting(file: DataFile, target: DataFileTarget): unknown {
  switch (target.kind) {
    case 'server':
      return DATA_KEYS.server.read(file)[target.field];
    case 'directoryType':
      return DATA_KEYS.directoryType.read(file);
    case 'directory':
      return storedOrDefault(DATA_KEYS.directories.read(file)[target.type] ?? {}, target);
    case 'sync':
      return storedOrDefault(DATA_KEYS.syncOptions.read(file), target);
  }
}

/** A stored null stays null (a separator turned off); only a missing field takes the default. */
function storedOrDefault(
  settings: Readonly<Record<string, unknown>>,
  target: { readonly field: string; readonly shape: SettingField },
): unknown {
  const stored = settings[target.field];
  return stored === undefined ? defaultOf(target.shape) : stored;
}

/**
 * The data file with the setting changed to the value the text gives, validated by the schema
 * that owns it. Throws a ConfigSettingError naming the setting and the values it takes.
 */
export function writeSetting(
  file: DataFile,
  name: string,
  target: DataFileTarget,
  text: string,
): DataFile {
  switch (target.kind) {
    case 'server':
      return DATA_KEYS.server.write(file, serverSettings(file, name, target.field, text));
    case 'directoryType': {
      const type = parseDirectoryType(text);
      const next = DATA_KEYS.directoryType.write(file, type);
      // Another directory's sync state means nothing for this one (upstream clears it too).
      return type === DATA_KEYS.directoryType.read(file)
        ? next
        : DATA_KEYS.syncState.write(next, { ...EMPTY_SYNC_STATE });
    }
    case 'directory': {
      const directories = DATA_KEYS.directories.read(file);
      const settings = changed(
        directories[target.type] ?? {},
        target.field,
        target.shape,
        name,
        text,
      );
      assertValid(name, target.shape, target.field, [target.schema], settings);
      return DATA_KEYS.directories.write(file, { ...directories, [target.type]: settings });
    }
    case 'sync': {
      const sync = changed(
        DATA_KEYS.syncOptions.read(file),
        target.field,
        target.shape,
        name,
        text,
      );
      assertValid(name, target.shape, target.field, target.schemas, sync);
      return DATA_KEYS.syncOptions.write(file, sync as SyncOptions);
    }
  }
}

function changed(
  settings: Readonly<Record<string, unknown>>,
  field: string,
  shape: SettingField,
  name: string,
  text: string,
): Record<string, unknown> {
  const change: FieldChange = parseSettingValue(name, shape, text);
  const others = Object.fromEntries(Object.entries(settings).filter(([key]) => key !== field));
  return change.action === 'store' ? { ...others, [field]: change.value } : others;
}

/** Parses the whole object and reports the problems of this one field (others may be unset yet). */
function assertValid(
  name: string,
  shape: SettingField,
  field: string,
  schemas: readonly z.ZodType[],
  settings: Readonly<Record<string, unknown>>,
): void {
  const problems = schemas.flatMap((schema) => {
    const parsed = schema.safeParse(settings);
    return parsed.success
      ? []
      : parsed.error.issues
          .filter((issue) => issue.path[0] === field)
          .map((issue) => issue.message);
  });
  if (problems.length > 0) {
    throw invalidValue(name, shape, `${[...new Set(problems)].join('; ')}.`);
  }
}

/** Values that mean the Bitwarden cloud, as upstream. */
const CLOUD_VALUES = new Set(['null', 'bitwarden.com', 'https://bitwarden.com']);

/**
 * Upstream's `server`: the cloud, or a base URL with the others reset; `server.api` and the like
 * set one URL. URLs are stored normalised (no trailing slash, `https://` added).
 */
function serverSettings(
  file: DataFile,
  name: string,
  field: keyof ServerSettings,
  text: string,
): ServerSettings {
  const cloud: ServerSettings = { base: null, api: null, identity: null, webVault: null };
  const typed = text.trim().toLowerCase().replace(/\/+$/, '');
  if (field === 'base') {
    return CLOUD_VALUES.has(typed) ? cloud : { ...cloud, base: serverUrl(name, text) };
  }
  const value = typed === 'null' ? null : serverUrl(name, text);
  return { ...DATA_KEYS.server.read(file), [field]: value };
}

function serverUrl(name: string, text: string): string | null {
  const url = normaliseServerUrl(text);
  if (url === null || URL.canParse(url)) {
    return url;
  }
  throw new ConfigSettingError(
    'SETTING_VALUE_INVALID',
    `Invalid value for ${name}: not a URL.`,
    `${name} takes a URL such as https://bitwarden.example.com, or null${name === 'server' ? ' for the Bitwarden cloud' : ' to clear it'}.`,
  );
}
