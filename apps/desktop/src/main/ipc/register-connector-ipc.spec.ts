import type { ConnectorBridge } from '../../shared/connector-bridge';
import { CONNECTOR_CHANNELS } from '../../shared/connector-channels';
import { ConnectorCallError, connectorClient } from '../../shared/connector-client';
import {
  registerConnectorIpc,
  type IpcInvokeEvent,
  type IpcMainPort,
} from './register-connector-ipc';
import { recordingBridge } from './testing/recording-bridge';

const APP_URL = 'app://bwdc/index.html';

/** ipcMain and ipcRenderer.invoke as Electron behaves: an unregistered channel is refused. */
class FakeIpc implements IpcMainPort {
  readonly handlers = new Map<
    string,
    (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>
  >();

  handle(
    channel: string,
    listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ) {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }

  invoke(url: string, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) {
      return Promise.reject(new Error(`No handler registered for '${channel}'`));
    }
    // Electron passes arguments through the structured clone algorithm.
    return handler({ senderFrame: { url } }, ...structuredClone(args));
  }
}

describe('registerConnectorIpc', () => {
  let ipc: FakeIpc;
  let calls: [string, unknown[]][];
  let client: ConnectorBridge;

  beforeEach(() => {
    ipc = new FakeIpc();
    const recording = recordingBridge();
    calls = recording.calls;
    registerConnectorIpc(ipc, recording.bridge, (url) => url.startsWith('app://bwdc/'));
    client = connectorClient((channel, ...args) => ipc.invoke(APP_URL, channel, ...args));
  });

  it('registers exactly the channels of the map', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.values(CONNECTOR_CHANNELS).sort());
  });

  it('carries calls and results through the channels', async () => {
    await expect(client.login({ clientId: 'organization.x', clientSecret: 's' })).resolves.toEqual({
      organizationId: 'org-1',
    });
    await expect(client.lastSync('users')).resolves.toBe('2026-11-26T10:00:00.000Z');
    await client.syncNow({ force: true });
    expect(calls).toEqual([
      ['login', [{ clientId: 'organization.x', clientSecret: 's' }]],
      ['lastSync', ['users']],
      ['syncNow', [{ force: true }]],
    ]);
  });

  it('rejects a channel that is not in the map', async () => {
    await expect(ipc.invoke(APP_URL, 'connector:read-file', '/etc/passwd')).rejects.toThrow(
      "No handler registered for 'connector:read-file'",
    );
  });

  it.each<[string, unknown[]]>([
    [CONNECTOR_CHANNELS.login, [{ clientId: 'organization.x' }]],
    [CONNECTOR_CHANNELS.login, [{ clientId: 'a', clientSecret: 'b', extra: 1 }]],
    [CONNECTOR_CHANNELS.lastSync, ['computers']],
    [CONNECTOR_CHANNELS.syncNow, []],
    [CONNECTOR_CHANNELS.syncNow, [{ force: 'yes' }]],
    [CONNECTOR_CHANNELS.syncNow, [{ force: true, trigger: 'schedule' }]],
    [CONNECTOR_CHANNELS.planSync, [{ force: true }]],
    [CONNECTOR_CHANNELS.events, [-1]],
    [CONNECTOR_CHANNELS.setServer, [{ base: 'https://a.example', api: 'https://b.example' }]],
    [
      CONNECTOR_CHANNELS.saveSettings,
      [{ directoryType: 'ldap', directory: { hostname: { nested: 1 } }, sync: {} }],
    ],
    [CONNECTOR_CHANNELS.saveSettings, [{ directoryType: 'exchange', directory: {}, sync: {} }]],
    [CONNECTOR_CHANNELS.pickFile, [{ title: 'CA', filters: ['*'] }]],
    [CONNECTOR_CHANNELS.logout, ['unexpected']],
  ])('refuses %s with arguments it does not take, calling nothing', async (channel, args) => {
    const result = await ipc.invoke(APP_URL, channel, ...args);

    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGUMENTS' } });
    expect(calls).toEqual([]);
  });

  it('refuses a call from a page that is not the connector’s', async () => {
    const result = await ipc.invoke('https://evil.example/', CONNECTOR_CHANNELS.logout);

    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_UNTRUSTED_SENDER' } });
    expect(calls).toEqual([]);
  });

  it('hands a typed failure to the renderer with its code, side and remedy', async () => {
    const failure = client.test({ sinceLast: false });

    await expect(failure).rejects.toBeInstanceOf(ConnectorCallError);
    await expect(failure).rejects.toMatchObject({
      message: 'You are not logged in.',
      code: 'NOT_LOGGED_IN',
      side: 'configuration',
      remedy: 'Log in first.',
    });
  });

  it('removes every handler it registered', () => {
    const unregister = registerConnectorIpc(new FakeIpc(), recordingBridge().bridge, () => true);
    const other = new FakeIpc();
    const remove = registerConnectorIpc(other, recordingBridge().bridge, () => true);

    remove();

    expect(other.handlers.size).toBe(0);
    unregister();
  });
});
