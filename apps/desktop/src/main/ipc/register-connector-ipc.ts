import { SyncError } from '@bwdc/core';

import type { ConnectorBridge } from '../../shared/connector-bridge';
import {
  CONNECTOR_CHANNELS,
  CONNECTOR_METHODS,
  type BridgeError,
  type BridgeResult,
} from '../../shared/connector-channels';
import { BRIDGE_ARGUMENTS } from './bridge-arguments';

/** The part of Electron's `ipcMain` used here, so main's wiring is tested in Node. */
export interface IpcMainPort {
  handle(
    channel: string,
    listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

export interface IpcInvokeEvent {
  /** The frame that sent the call; its URL tells our renderer from anything else. */
  readonly senderFrame: { readonly url: string } | null;
}

/**
 * Registers one handler per channel of the map and no other, so a renderer can reach nothing
 * else in main (Electron rejects an invoke of an unregistered channel). Each handler checks the
 * sender and the arguments before calling the Connector, and answers errors as data.
 *
 * @returns a function that removes the handlers again.
 */
export function registerConnectorIpc(
  ipc: IpcMainPort,
  bridge: ConnectorBridge,
  isTrustedSender: (url: string) => boolean,
): () => void {
  for (const method of CONNECTOR_METHODS) {
    ipc.handle(
      CONNECTOR_CHANNELS[method],
      async (event, ...args): Promise<BridgeResult<unknown>> => {
        const url = event.senderFrame?.url ?? '';
        if (!isTrustedSender(url)) {
          return failure({
            message: `A page that is not the connector's (${url || 'unknown'}) called ${method}.`,
            remedy: null,
            code: 'IPC_UNTRUSTED_SENDER',
            side: 'configuration',
          });
        }
        const parsed = BRIDGE_ARGUMENTS[method].safeParse(args);
        if (!parsed.success) {
          return failure({
            message: `${method} was called with arguments it does not take: ${parsed.error.issues
              .map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`)
              .join('; ')}.`,
            remedy: null,
            code: 'IPC_INVALID_ARGUMENTS',
            side: 'configuration',
          });
        }
        try {
          const call = bridge[method] as (...values: unknown[]) => Promise<unknown>;
          return { ok: true, value: await call(...parsed.data) };
        } catch (error) {
          return failure(bridgeError(error));
        }
      },
    );
  }
  return () => {
    for (const method of CONNECTOR_METHODS) {
      ipc.removeHandler(CONNECTOR_CHANNELS[method]);
    }
  };
}

function failure(error: BridgeError): BridgeResult<never> {
  return { ok: false, error };
}

function bridgeError(error: unknown): BridgeError {
  if (error instanceof SyncError) {
    return { message: error.message, remedy: error.remedy, code: error.code, side: error.side };
  }
  return {
    message: error instanceof Error ? error.message : String(error),
    remedy: null,
    code: null,
    side: null,
  };
}
