import { ConfigSettingError } from './config-setting.error';
import type { SettingValueSource } from './config-input';

export interface ValueSourceEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly readTextFile: (path: string) => Promise<string>;
}

/**
 * The text of a value: the argument, the named environment variable, or the first line of the
 * file (upstream's `--secretenv` and `--secretfile`). Errors never include the value.
 */
export async function readValueSource(
  source: SettingValueSource,
  environment: ValueSourceEnvironment,
): Promise<string> {
  switch (source.from) {
    case 'argument':
      return source.text;
    case 'environment': {
      const value = environment.env[source.variable];
      if (value === undefined || value === '') {
        throw new ConfigSettingError(
          'SETTING_VALUE_SOURCE',
          `The environment variable ${source.variable} named by --secretenv is not set.`,
          'Export it before running bwdc config, or give the value another way.',
        );
      }
      return value;
    }
    case 'file': {
      const content = await readSecretFile(source.path, environment);
      const firstLine = content.split(/\r?\n/, 1)[0] ?? '';
      if (firstLine === '') {
        throw new ConfigSettingError(
          'SETTING_VALUE_SOURCE',
          `The first line of the --secretfile ${source.path} is empty.`,
          'Put the value on the first line of the file.',
        );
      }
      return firstLine;
    }
  }
}

/** The whole `--secretfile`; an unreadable one is named with what to check, never its content. */
export async function readSecretFile(
  path: string,
  environment: ValueSourceEnvironment,
): Promise<string> {
  try {
    return await environment.readTextFile(path);
  } catch (error) {
    throw new ConfigSettingError(
      'SETTING_VALUE_SOURCE',
      `Cannot read the --secretfile ${path}: ${(error as Error).message}`,
      'Check the path and that this user may read the file.',
    );
  }
}
