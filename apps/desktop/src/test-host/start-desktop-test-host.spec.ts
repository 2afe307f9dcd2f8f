import { request } from 'node:http';

import { connectorClient } from '../shared/connector-client';
import { httpInvoke } from '../shared/http-invoke';
import { startDesktopTestHost } from './start-desktop-test-host';
import { recordingBridge } from '../main/ipc/testing/recording-bridge';

describe('startDesktopTestHost', () => {
  it.each(['0.0.0.0', '::', 'localhost', '192.168.1.10', '::1'])(
    'refuses to listen on %s',
    async (address) => {
      const started = startDesktopTestHost({
        bridge: recordingBridge().bridge,
        host: address as '127.0.0.1',
      });

      await expect(started).rejects.toThrow(/listens on 127\.0\.0\.1 only/);
    },
  );

  it('refuses a static folder that does not exist, before listening', async () => {
    await expect(
      startDesktopTestHost({
        bridge: recordingBridge().bridge,
        staticDir: '/nonexistent/renderer',
      }),
    ).rejects.toThrow(/ENOENT/);
  });

  it('listens on a free loopback port with a fresh random token each start', async () => {
    const first = await startDesktopTestHost({ bridge: recordingBridge().bridge });
    const second = await startDesktopTestHost({ bridge: recordingBridge().bridge });
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(second.url).not.toBe(first.url);
      expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(second.token).not.toBe(first.token);
      // One start's token opens no other start's bridge.
      await expect(
        connectorClient(httpInvoke(second.url, first.token)).isLoggedIn(),
      ).rejects.toMatchObject({
        status: 401,
      });
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });

  it('stop() closes the server and open keep-alive connections, once', async () => {
    const host = await startDesktopTestHost({ bridge: recordingBridge().bridge });
    const client = connectorClient(httpInvoke(host.url, host.token));
    await expect(client.isLoggedIn()).resolves.toBe(true);
    // A connection a browser keeps open between calls.
    const socketClosed = new Promise<void>((resolve) => {
      const kept = request(`${host.url}/`, { agent: false, headers: { Connection: 'keep-alive' } });
      kept.on('response', (response) => {
        response.resume();
        response.socket.once('close', () => resolve());
      });
      kept.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));

    await Promise.all([host.stop(), host.stop()]);

    await socketClosed;
    await expect(client.isLoggedIn()).rejects.toThrow();
    await expect(fetch(`${host.url}/`)).rejects.toThrow();
  });
});
