/**
 * How the connector presents itself to the server, as upstream does: the desktop device types
 * (6 Windows, 7 macOS, 8 Linux), a device id made once per installation, and the client name
 * `connector`.
 */
export interface ClientDevice {
  readonly type: number;
  readonly name: 'windows' | 'macos' | 'linux';
  readonly identifier: string;
  readonly clientVersion: string;
}

export function clientDeviceFor(
  platform: NodeJS.Platform,
  identifier: string,
  clientVersion: string,
): ClientDevice {
  if (platform === 'win32') {
    return { type: 6, name: 'windows', identifier, clientVersion };
  }
  if (platform === 'darwin') {
    return { type: 7, name: 'macos', identifier, clientVersion };
  }
  return { type: 8, name: 'linux', identifier, clientVersion };
}

export function clientHeaders(device: ClientDevice): Record<string, string> {
  return {
    'Bitwarden-Client-Name': 'connector',
    'Bitwarden-Client-Version': device.clientVersion,
    'Device-Type': String(device.type),
    'User-Agent': `Bitwarden_DC/${device.clientVersion} (${device.name.toUpperCase()})`,
  };
}
