import type { BridgeError, BridgeResult, ConnectorMethod } from './connector-channels';
import { CONNECTOR_CHANNELS, CONNECTOR_METHODS } from './connector-channels';
import type { ConnectorBridge } from './connector-bridge';

/** How a client reaches main: `ipcRenderer.invoke` in the preload, HTTP in the test host. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/** A failure main reported, with its code, side and remedy as the renderer shows them. */
export class ConnectorCallError extends Error {
  override readonly name = 'ConnectorCallError';
  readonly code: string | null;
  readonly side: string | null;
  readonly remedy: string | null;

  constructor(error: BridgeError) {
    super(error.message);
    this.code = error.code;
    this.side = error.side;
    this.remedy = error.remedy;
  }
}

/** The bridge over any transport: one function per channel of the map, and nothing else. */
export function connectorClient(invoke: Invoke): ConnectorBridge {
  const call =
    (method: ConnectorMethod) =>
    async (...args: unknown[]): Promise<unknown> => {
      const result = (await invoke(CONNECTOR_CHANNELS[method], ...args)) as BridgeResult<unknown>;
      if (!result.ok) {
        throw new ConnectorCallError(result.error);
      }
      return result.value;
    };
  return Object.fromEntries(
    CONNECTOR_METHODS.map((method) => [method, call(method)]),
  ) as unknown as ConnectorBridge;
}
