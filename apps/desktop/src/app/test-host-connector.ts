import type { ConnectorBridge } from '../shared/connector-bridge';
import { connectorClient } from '../shared/connector-client';
import { httpInvoke } from '../shared/http-invoke';

const TOKEN_PARAMETER = 'bridge-token';

/**
 * In a browser opened on the desktop test host (`http://127.0.0.1:<port>/#bridge-token=<token>`):
 * the bridge over the host's HTTP channels, the same `connectorClient` the preload builds over
 * IPC. The token leaves the address bar at once and stays in this tab's session storage, so a
 * reload keeps working. In the app's window (app://) there is no token and this gives null.
 */
export function testHostConnector(location: Location, storage: Storage): ConnectorBridge | null {
  if (location.protocol !== 'http:') {
    return null;
  }
  const fromHash = new URLSearchParams(location.hash.slice(1)).get(TOKEN_PARAMETER);
  if (fromHash !== null) {
    storage.setItem(TOKEN_PARAMETER, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = fromHash ?? storage.getItem(TOKEN_PARAMETER);
  return token === null ? null : connectorClient(httpInvoke(location.origin, token));
}
