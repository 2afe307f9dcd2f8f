import { InjectionToken } from '@angular/core';

import type { ConnectorBridge } from '../shared/connector-bridge';
import { testHostConnector } from './test-host-connector';

declare global {
  interface Window {
    /** Exposed by the preload with `contextBridge`; absent in a plain browser. */
    readonly connector?: ConnectorBridge;
  }
}

/**
 * The Connector as the renderer reaches it: `window.connector` in the app, the test host's HTTP
 * bridge in a browser opened on it, a fake in component tests.
 */
export const CONNECTOR = new InjectionToken<ConnectorBridge>('CONNECTOR', {
  providedIn: 'root',
  factory: connectorFromWindow,
});

function connectorFromWindow(): ConnectorBridge {
  const connector = window.connector ?? testHostConnector(window.location, window.sessionStorage);
  if (connector === null) {
    throw new Error(
      'window.connector is missing: the renderer runs behind the preload, or on the test host.',
    );
  }
  return connector;
}
