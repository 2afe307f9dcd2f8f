import type { IpcInvokeEvent, IpcMainPort } from '../main/ipc/register-connector-ipc';
import { HttpRefusal } from './http-refusal';

type IpcHandler = (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/**
 * `ipcMain` as the test host offers it: `registerConnectorIpc` registers its handlers here exactly
 * as in Electron, and each HTTP bridge call is dispatched to the handler of its channel, so the
 * argument checks, the sender check and the result envelope are main's own.
 */
export class HttpIpcMain implements IpcMainPort {
  private readonly handlers = new Map<string, IpcHandler>();

  handle(channel: string, listener: IpcHandler): void {
    // Electron refuses a second handler too; a silent replacement would hide a wiring mistake.
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /**
   * The channel's handler, to be called as Electron calls it with the sender's URL standing in
   * for the frame's.
   *
   * @throws HttpRefusal (404) for a channel nothing registered, where Electron rejects the invoke.
   */
  handlerFor(channel: string): (senderUrl: string, args: readonly unknown[]) => Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) {
      throw new HttpRefusal(
        404,
        'TEST_HOST_UNKNOWN_CHANNEL',
        `No handler registered for '${channel}'.`,
      );
    }
    return (senderUrl, args) => handler({ senderFrame: { url: senderUrl } }, ...args);
  }
}
