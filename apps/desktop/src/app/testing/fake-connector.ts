import type { ConnectorBridge } from '../../shared/connector-bridge';

export const ORGANIZATION_ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
export const CLIENT_ID = `organization.${ORGANIZATION_ID}`;

type LoginAnswer = ReturnType<ConnectorBridge['login']>;

/**
 * A ConnectorBridge for component tests: records the logins it is given and answers with
 * `loginAnswer` (the organization by default). Every other call fails the test.
 */
export class FakeConnector implements ConnectorBridge {
  readonly logins: Parameters<ConnectorBridge['login']>[0][] = [];
  loginAnswer: () => LoginAnswer = () => Promise.resolve({ organizationId: ORGANIZATION_ID });

  login(apiKey: Parameters<ConnectorBridge['login']>[0]): LoginAnswer {
    this.logins.push(apiKey);
    return this.loginAnswer();
  }

  logout = unexpected('logout');
  isLoggedIn = unexpected('isLoggedIn');
  setServer = unexpected('setServer');
  status = unexpected('status');
  test = unexpected('test');
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
  events = unexpected('events');
  logs = unexpected('logs');
  showDataFile = unexpected('showDataFile');
  pickFile = unexpected('pickFile');
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
