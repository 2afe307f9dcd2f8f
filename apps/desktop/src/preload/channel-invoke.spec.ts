import { CONNECTOR_CHANNELS } from '../shared/connector-channels';
import { connectorClient, ConnectorCallError } from '../shared/connector-client';
import { channelInvoke } from './channel-invoke';

/** ipcRenderer.invoke that records the calls and answers with an envelope. */
function recordingIpc(answer: unknown = { ok: true, value: 'answer' }) {
  const calls: unknown[][] = [];
  const invoke = async (channel: string, ...args: unknown[]) => {
    calls.push([channel, ...args]);
    return answer;
  };
  return { invoke, calls };
}

describe('the preload’s invoke', () => {
  it.each(Object.values(CONNECTOR_CHANNELS))(
    'passes %s with its arguments to IPC and returns the envelope as it came',
    async (channel) => {
      const ipc = recordingIpc();

      await expect(channelInvoke(ipc.invoke)(channel, 'a', { b: 1 })).resolves.toEqual({
        ok: true,
        value: 'answer',
      });
      expect(ipc.calls).toEqual([[channel, 'a', { b: 1 }]]);
    },
  );

  it.each(['connector:read-file', 'ELECTRON_BROWSER_REQUIRE', '', 'connector:', 'login'])(
    'refuses %p without touching IPC',
    async (channel) => {
      const ipc = recordingIpc();

      await expect(channelInvoke(ipc.invoke)(channel)).rejects.toThrow(
        'is not a connector channel',
      );
      expect(ipc.calls).toEqual([]);
    },
  );

  it('refuses a channel that is not a string at all (the page may pass anything)', async () => {
    const ipc = recordingIpc();
    const invoke = channelInvoke(ipc.invoke) as (channel: unknown) => Promise<unknown>;

    await expect(invoke({ toString: () => CONNECTOR_CHANNELS.logout })).rejects.toThrow(
      'is not a connector channel',
    );
    expect(ipc.calls).toEqual([]);
  });

  it('lets connectorClient turn a failure envelope into the error with its code and remedy', async () => {
    const ipc = recordingIpc({
      ok: false,
      error: {
        message: 'You are not logged in.',
        code: 'NOT_LOGGED_IN',
        side: 'configuration',
        remedy: 'Log in first.',
      },
    });

    const failure = connectorClient(channelInvoke(ipc.invoke)).status();

    await expect(failure).rejects.toBeInstanceOf(ConnectorCallError);
    await expect(failure).rejects.toMatchObject({ code: 'NOT_LOGGED_IN', remedy: 'Log in first.' });
    expect(ipc.calls).toEqual([[CONNECTOR_CHANNELS.status]]);
  });
});
