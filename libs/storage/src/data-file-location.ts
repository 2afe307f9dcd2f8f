import * as path from 'node:path';

/** The folder name upstream's desktop app (Electron `userData`) and CLI share. */
export const APP_DATA_FOLDER_NAME = 'Bitwarden Directory Connector';
export const DATA_FILE_NAME = 'data.json';

export interface DataFileEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly homeDir: string;
  readonly cwd: string;
}

/**
 * The folder holding `data.json`, resolved exactly as the upstream connector does so both can
 * share one file: `BITWARDENCLI_CONNECTOR_APPDATA_DIR`, then `BITWARDEN_CONNECTOR_APPDATA_DIR`,
 * then the per-OS application data folder.
 */
export function resolveDataDirectory(environment: DataFileEnvironment): string {
  const { env, platform, homeDir, cwd } = environment;
  const override =
    nonEmpty(env['BITWARDENCLI_CONNECTOR_APPDATA_DIR']) ??
    nonEmpty(env['BITWARDEN_CONNECTOR_APPDATA_DIR']);
  if (override !== undefined) {
    return path.resolve(cwd, override);
  }
  switch (platform) {
    case 'darwin':
      return path.join(homeDir, 'Library', 'Application Support', APP_DATA_FOLDER_NAME);
    case 'win32':
      return path.win32.join(
        env['APPDATA'] ?? path.win32.join(homeDir, 'AppData', 'Roaming'),
        APP_DATA_FOLDER_NAME,
      );
    default:
      return path.join(
        nonEmpty(env['XDG_CONFIG_HOME']) ?? path.join(homeDir, '.config'),
        APP_DATA_FOLDER_NAME,
      );
  }
}

export function resolveDataFilePath(environment: DataFileEnvironment): string {
  return path.join(resolveDataDirectory(environment), DATA_FILE_NAME);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
