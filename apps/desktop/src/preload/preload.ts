/**
 * The window's preload, sandboxed (it may require `electron` and nothing else; the build checks
 * the bundle). It exposes `window.connector.invoke` to the page and nothing more.
 */
import { contextBridge, ipcRenderer } from 'electron';

import type { Invoke } from '../shared/connector-client';
import { channelInvoke } from './channel-invoke';

const exposed: { readonly invoke: Invoke } = {
  invoke: channelInvoke((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
};

contextBridge.exposeInMainWorld('connector', exposed);
