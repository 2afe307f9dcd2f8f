import { CONNECTOR_CHANNELS } from '../../shared/connector-channels';
import {
  registerConnectorIpc,
  type IpcInvokeEvent,
  type IpcMainPort,
} from '../ipc/register-connector-ipc';
import { recordingBridge } from '../ipc/testing/recording-bridge';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, isAppUrl } from './app-origin';

type Handler = (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>;

describe('the app’s origin', () => {
  it.each([APP_INDEX_URL, 'app://bwdc/', 'app://bwdc/assets/logo.svg?x=1#top'])(
    'counts %s as the app’s page',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it.each([
    'app://bwdc.evil.example/',
    'app://evil/index.html',
    'app://user@bwdc/',
    'https://bwdc/',
    'file:///opt/connector/resources/app.asar/renderer/index.html',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('does not count %p', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('is registered standard and secure, with fetch, and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('is what main’s IPC handlers trust: other pages’ calls reach nothing', async () => {
    const handlers = new Map<string, Handler>();
    const ipc: IpcMainPort = {
      handle: (channel, listener) => handlers.set(channel, listener),
      removeHandler: (channel) => handlers.delete(channel),
    };
    const { bridge, calls } = recordingBridge();
    registerConnectorIpc(ipc, bridge, isAppUrl);
    const logout = handlers.get(CONNECTOR_CHANNELS.logout);
    const from = (url: string) => logout?.({ senderFrame: { url } });

    await expect(from('app://evil/index.html')).resolves.toMatchObject({
      ok: false,
      error: { code: 'IPC_UNTRUSTED_SENDER' },
    });
    expect(calls).toEqual([]);
    await expect(from(APP_INDEX_URL)).resolves.toEqual({ ok: true, value: undefined });
    expect(calls).toEqual([['logout', []]]);
  });
});
