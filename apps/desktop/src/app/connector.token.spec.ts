import { TestBed } from '@angular/core/testing';

import { CONNECTOR_CHANNELS } from '../shared/connector-channels';
import { ConnectorCallError } from '../shared/connector-client';
import { CONNECTOR } from './connector.token';

describe('CONNECTOR in the app’s window', () => {
  let calls: unknown[][];

  beforeEach(() => {
    calls = [];
    // What the preload exposes: the channel-checked invoke, answering with envelopes.
    Object.defineProperty(window, 'connector', {
      configurable: true,
      value: {
        invoke: async (channel: string, ...args: unknown[]) => {
          calls.push([channel, ...args]);
          return channel === CONNECTOR_CHANNELS.lastSync
            ? { ok: true, value: '2026-11-26T10:00:00.000Z' }
            : {
                ok: false,
                error: {
                  message: 'No.',
                  code: 'NOT_LOGGED_IN',
                  side: 'configuration',
                  remedy: 'Log in.',
                },
              };
        },
      },
    });
  });

  afterEach(() => {
    Reflect.deleteProperty(window, 'connector');
  });

  it('is the bridge over window.connector.invoke', async () => {
    const connector = TestBed.inject(CONNECTOR);

    await expect(connector.lastSync('users')).resolves.toBe('2026-11-26T10:00:00.000Z');
    expect(calls).toEqual([[CONNECTOR_CHANNELS.lastSync, 'users']]);
  });

  it('turns a failure envelope into the error with its code and remedy', async () => {
    const failure = TestBed.inject(CONNECTOR).logout();

    await expect(failure).rejects.toBeInstanceOf(ConnectorCallError);
    await expect(failure).rejects.toMatchObject({ code: 'NOT_LOGGED_IN', remedy: 'Log in.' });
  });
});
