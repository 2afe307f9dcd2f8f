import {
  BitwardenError,
  ConfigurationError,
  EmptyDirectoryReadError,
  ImportBatchError,
  SyncInProgressError,
} from '@bwdc/core';

import { runFailure, runSucceeded } from './run-result';
import { aSyncReport, guardTrip, serverError } from './serve-test-data';

describe('runFailure', () => {
  it('treats network trouble, Bitwarden 5xx/429 and a busy lock as transient', () => {
    const transient = [
      serverError(),
      new BitwardenError('RATE_LIMITED', 'Throttled (429).', 'Wait.', { status: 429 }),
      new BitwardenError('UNREACHABLE', 'Cannot reach the server.', 'Check the network.'),
      new SyncInProgressError('/data/data.json.sync.lock'),
      new ImportBatchError(2, 3, serverError()),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:389'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('The data file stayed locked.'), { code: 'DATA_FILE_BUSY' }),
      Object.assign(new Error('Cannot reach the LDAP server.'), { code: 'LDAP_UNREACHABLE' }),
      Object.assign(new Error('Okta is throttling.'), { code: 'OKTA_THROTTLED' }),
    ];

    expect(transient.map((error) => runFailure(error).kind)).toEqual(
      transient.map(() => 'transient'),
    );
  });

  it('never retries a guard refusal: a human has to look', () => {
    const tooMany = runFailure(guardTrip());
    const empty = runFailure(new EmptyDirectoryReadError(20));

    expect(tooMany).toMatchObject({
      kind: 'guard',
      code: 'DELETION_GUARD_TRIPPED',
      side: 'directory',
      guardReason: 'too-many-removals',
    });
    expect(empty).toMatchObject({ kind: 'guard', guardReason: 'empty-read' });
  });

  it('waits for the next run on configuration and credential problems', () => {
    const notLoggedIn = new ConfigurationError(
      'NOT_LOGGED_IN',
      'You are not logged in.',
      'Log in.',
    );
    const rejected = new BitwardenError('API_KEY_REJECTED', 'The key was rejected.', 'Check it.', {
      status: 400,
    });

    expect(runFailure(notLoggedIn)).toEqual({
      kind: 'needs-attention',
      code: 'NOT_LOGGED_IN',
      side: 'configuration',
      message: 'You are not logged in. Log in.',
      guardReason: null,
    });
    expect(runFailure(rejected).kind).toBe('needs-attention');
    expect(runFailure(new TypeError('x is not a function'))).toMatchObject({
      kind: 'needs-attention',
      code: null,
      side: null,
      message: 'x is not a function',
    });
  });

  it('keeps the message on one line', () => {
    const failure = runFailure(new Error('first line\n  second line'));

    expect(failure.message).toBe('first line second line');
  });
});

describe('runSucceeded', () => {
  it('names the outcome as the run history does', () => {
    const startedAt = new Date('2026-03-02T10:00:00.000Z');

    expect(runSucceeded(startedAt, startedAt, aSyncReport('send')).outcome).toBe('sent');
    expect(runSucceeded(startedAt, startedAt, aSyncReport('unchanged')).outcome).toBe('unchanged');
  });
});
