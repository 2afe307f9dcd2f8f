import { InjectionToken } from '@angular/core';

import type { ConnectorBridge } from '../shared/connector-bridge';
import { connectorClient, type Invoke } from '../shared/connector-client';
import { testHostConnector } from './test-host-connector';

declare global {
  interface Window {
    /**
     * Exposed by the preload with `contextBridge`: the channel-checked IPC invoke, answering with
     * result envelopes. Absent in a plain browser.
     */
    readonly connector?: { readonly invoke: Invoke };
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
  const exposed = window.connector;
  const connector =
    exposed === undefined
      ? testHostConnector(window.location, window.sessionStorage)
      : connectorClient(exposed.invoke);
  if (connector === null) {
    throw new Error(
      'window.connector is missing: the renderer runs behind the preload, or on the test host.',
    );
  }
  return connector;
}
