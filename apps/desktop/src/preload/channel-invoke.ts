import { CONNECTOR_CHANNELS } from '../shared/connector-channels';
import type { Invoke } from '../shared/connector-client';

const KNOWN_CHANNELS: ReadonlySet<unknown> = new Set(Object.values(CONNECTOR_CHANNELS));

/**
 * The `invoke` the preload exposes as `window.connector.invoke`: a channel of the map goes to
 * `ipcRenderer.invoke` and its result envelope comes back as it is (contextBridge would strip a
 * thrown error's code, side and remedy; `connectorClient` in the renderer turns a failure
 * envelope into its error). Any other channel is refused here, before IPC: the page cannot use
 * the preload to reach other channels of main.
 */
export function channelInvoke(ipcInvoke: Invoke): Invoke {
  return (channel, ...args) => {
    if (!KNOWN_CHANNELS.has(channel)) {
      // Only a string is named: the page's own object would run its toString here.
      const named = typeof channel === 'string' ? channel : `A ${typeof channel}`;
      return Promise.reject(new Error(`${named} is not a connector channel.`));
    }
    return ipcInvoke(channel, ...args);
  };
}
