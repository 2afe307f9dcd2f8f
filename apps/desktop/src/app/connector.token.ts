import { InjectionToken } from '@angular/core';

import type { ConnectorBridge } from '../shared/connector-bridge';

declare global {
  interface Window {
    /** Exposed by the preload with `contextBridge`; absent in a plain browser. */
    readonly connector?: ConnectorBridge;
  }
}

/** The Connector as the renderer reaches it: `window.connector` in the app, a fake in tests. */
export const CONNECTOR = new InjectionToken<ConnectorBridge>('CONNECTOR', {
  providedIn: 'root',
  factory: connectorFromWindow,
});

function connectorFromWindow(): ConnectorBridge {
  const connector = window.connector;
  if (connector === undefined) {
    throw new Error('window.connector is missing: the renderer runs only behind the preload.');
  }
  return connector;
}
