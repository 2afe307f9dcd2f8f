import type { BridgeEvents } from '../../shared/bridge-events';
import type { ConnectorBridge, ServerSettings } from '../../shared/connector-bridge';
import type { StatusView } from '../../shared/status-view';
import { ORGANIZATION_ID } from './organization';
import { statusView } from './status-view';

export { CLIENT_ID, ORGANIZATION_ID } from './organization';

type LoginAnswer = ReturnType<ConnectorBridge['login']>;

/**
 * A ConnectorBridge for component tests: records the logins and server settings it is given,
 * answers `login` with `loginAnswer` (the organization by default) and `status` with `statusAnswer`
 * (logged out until a login). `events` waits until `emit` is called. Every other call fails the
 * test unless the test assigns it.
 */
export class FakeConnector implements ConnectorBridge {
  readonly logins: Parameters<ConnectorBridge['login']>[0][] = [];
  readonly servers: (ServerSettings | null)[] = [];
  loginAnswer: () => LoginAnswer = () => Promise.resolve({ organizationId: ORGANIZATION_ID });
  statusAnswer: StatusView = statusView();
  private cursor = 0;
  private pendingEvents: ((events: BridgeEvents) => void)[] = [];

  login(apiKey: Parameters<ConnectorBridge['login']>[0]): LoginAnswer {
    this.logins.push(apiKey);
    return this.loginAnswer().then((answer) => {
      this.statusAnswer = {
        ...this.statusAnswer,
        loggedIn: true,
        organizationId: answer.organizationId,
      };
      return answer;
    });
  }

  status = (): Promise<StatusView> => Promise.resolve(this.statusAnswer);

  setServer = (server: ServerSettings | null): Promise<void> => {
    this.servers.push(server);
    this.statusAnswer = { ...this.statusAnswer, server };
    return Promise.resolve();
  };

  events = (): Promise<BridgeEvents> =>
    new Promise((resolve) => {
      this.pendingEvents.push(resolve);
    });

  /** Answers the waiting `events` poll with these events, as main announces them. */
  emit(...events: BridgeEvents['events']): void {
    this.cursor += 1;
    const waiting = this.pendingEvents;
    this.pendingEvents = [];
    for (const resolve of waiting) {
      resolve({ cursor: this.cursor, events });
    }
  }

  logout = unexpected('logout');
  isLoggedIn = unexpected('isLoggedIn');
  test = unexpected('test');
  planSync = unexpected('planSync');
  syncNow = unexpected('syncNow');
  lastSync = unexpected('lastSync');
  clearCache = unexpected('clearCache');
  startSchedule = unexpected('startSchedule');
  stopSchedule = unexpected('stopSchedule');
  settings = unexpected('settings');
  saveSettings = unexpected('saveSettings');
  switchProfile = unexpected('switchProfile');
  addProfile = unexpected('addProfile');
  removeProfile = unexpected('removeProfile');
  logs = unexpected('logs');
  showDataFile = unexpected('showDataFile');
  pickFile = unexpected('pickFile');
  readServiceAccountKey = unexpected('readServiceAccountKey');
}

function unexpected(method: string): () => Promise<never> {
  return () => Promise.reject(new Error(`FakeConnector.${method} was not expected here.`));
}

/** A promise to settle from the test, for watching a screen while a call is in flight. */
export function deferred<T>(): {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
