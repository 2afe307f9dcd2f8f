import { resolveDataDirectory, resolveDataFilePath } from './data-file-location';

const linux = { env: {}, platform: 'linux' as const, homeDir: '/home/ada', cwd: '/srv' };

describe('resolveDataDirectory', () => {
  it('prefers BITWARDENCLI_CONNECTOR_APPDATA_DIR, resolved against the working folder', () => {
    const env = {
      BITWARDENCLI_CONNECTOR_APPDATA_DIR: 'bwdc-data',
      BITWARDEN_CONNECTOR_APPDATA_DIR: '/other',
    };

    expect(resolveDataDirectory({ ...linux, env })).toBe('/srv/bwdc-data');
  });

  it('falls back to BITWARDEN_CONNECTOR_APPDATA_DIR', () => {
    const env = {
      BITWARDENCLI_CONNECTOR_APPDATA_DIR: '',
      BITWARDEN_CONNECTOR_APPDATA_DIR: '/data',
    };

    expect(resolveDataDirectory({ ...linux, env })).toBe('/data');
  });

  it.each([
    [{}, '/home/ada/.config/Bitwarden Directory Connector'],
    [{ XDG_CONFIG_HOME: '/xdg' }, '/xdg/Bitwarden Directory Connector'],
  ])('uses the XDG config folder on Linux (%j)', (env, expected) => {
    expect(resolveDataDirectory({ ...linux, env })).toBe(expected);
  });

  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    expect(resolveDataDirectory({ ...linux, platform: 'darwin', homeDir: '/Users/ada' })).toBe(
      '/Users/ada/Library/Application Support/Bitwarden Directory Connector',
    );
    expect(
      resolveDataDirectory({
        ...linux,
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' },
      }),
    ).toBe('C:\\Users\\ada\\AppData\\Roaming\\Bitwarden Directory Connector');
  });

  it('names the file data.json inside that folder', () => {
    expect(resolveDataFilePath({ ...linux, env: { BITWARDEN_CONNECTOR_APPDATA_DIR: '/d' } })).toBe(
      '/d/data.json',
    );
  });
});
