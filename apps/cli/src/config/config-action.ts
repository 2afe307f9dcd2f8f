import type { SecretStore } from '@bwdc/core';
import { saveSecret, secretIsSet, type DataFile, type DataFileStore } from '@bwdc/storage';

import { listResponse, messageResponse, stringResponse, type CliResponse } from '../output';
import type { ConfigInput } from './config-input';
import { ConfigSettingError } from './config-setting.error';
import { importGoogleKeyFile } from './google-key-file';
import { readSetting, writeSetting } from './data-file-setting';
import { MASKED_SECRET } from './secret-setting';
import { SETTINGS, findSetting, type Setting } from './setting-catalogue';
import { readValueSource, type ValueSourceEnvironment } from './setting-value-source';
import { unknownSetting } from './unknown-setting';

export interface ConfigActionContext extends ValueSourceEnvironment {
  readonly store: DataFileStore;
  readonly secrets: SecretStore;
}

/** One row of `bwdc config --list`. */
export interface SettingRow {
  readonly setting: string;
  readonly value: unknown;
}

/** `bwdc config`: sets a setting, prints one, or lists them all; secrets are never printed. */
export async function runConfig(
  input: ConfigInput,
  context: ConfigActionContext,
): Promise<CliResponse> {
  switch (input.action) {
    case 'list':
      return listSettings(input.prefix, context);
    case 'get': {
      const setting = settingNamed(input.setting);
      return stringResponse(
        display(await currentValue(setting, await context.store.read(), context)),
      );
    }
    case 'set': {
      const setting = settingNamed(input.setting);
      if (isGoogleKey(setting) && input.value.from === 'file') {
        const imported = await importGoogleKeyFile(input.value.path, context);
        if (imported !== null) {
          return messageResponse(imported);
        }
      }
      const text = await readValueSource(input.value, context);
      await saveSetting(setting, text, input.value.from === 'argument', context);
      return messageResponse(`Saved setting \`${setting.name}\`.`);
    }
  }
}

function isGoogleKey(setting: Setting): boolean {
  return setting.target.kind === 'secret' && setting.target.type === 'gsuite';
}

function settingNamed(name: string): Setting {
  const setting = findSetting(name);
  if (!setting) {
    throw unknownSetting(name);
  }
  return setting;
}

async function saveSetting(
  setting: Setting,
  text: string,
  typed: boolean,
  context: ConfigActionContext,
): Promise<void> {
  const { name, target } = setting;
  if (target.kind !== 'secret') {
    await context.store.update((file) => ({
      next: writeSetting(file, name, target, text),
      result: undefined,
    }));
    return;
  }
  // Only a typed `null` deletes: a secret read from a file or variable is taken as it is.
  const value = typed && text.trim().toLowerCase() === 'null' ? null : text;
  if (value === '') {
    throw new ConfigSettingError(
      'SETTING_VALUE_INVALID',
      `Invalid value for ${name}: a secret cannot be empty.`,
      `Give ${name} its value, or null to delete it.`,
    );
  }
  await saveSecret(context.secrets, await context.store.read(), target.type, value);
}

async function currentValue(
  setting: Setting,
  file: DataFile,
  context: ConfigActionContext,
): Promise<unknown> {
  const { target } = setting;
  if (target.kind === 'secret') {
    return (await secretIsSet(context.secrets, file, target.type)) ? MASKED_SECRET : null;
  }
  return readSetting(file, target);
}

async function listSettings(
  prefix: string | null,
  context: ConfigActionContext,
): Promise<CliResponse> {
  const wanted = prefix?.trim().toLowerCase() ?? '';
  const settings = SETTINGS.filter((setting) => setting.name.toLowerCase().startsWith(wanted));
  if (settings.length === 0) {
    throw unknownSetting(prefix ?? '');
  }
  const file = await context.store.read();
  const rows: SettingRow[] = [];
  for (const setting of settings) {
    rows.push({ setting: setting.name, value: await currentValue(setting, file, context) });
  }
  return listResponse(rows);
}

/** A value as `bwdc config <setting>` prints it: text as it is, others as JSON, null as nothing. */
function display(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
