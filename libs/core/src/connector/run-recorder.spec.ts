import { ConfigurationError } from '../errors/configuration.error';
import { planSync } from '../sync/plan-sync';
import { aUser, importOptions } from '../testing/builders';
import { RunRecorder, runCountsOf } from './run-recorder';

const STARTED = new Date('2026-11-26T10:00:00.000Z');
const FINISHED = new Date('2026-11-26T10:00:02.500Z');

function aPlan() {
  return planSync({
    users: [aUser('alice'), aUser('bob'), aUser('nomail', { email: null })],
    groups: [],
    notices: [],
    options: importOptions(),
    destination: { apiUrl: 'https://api.example', organizationId: 'org' },
    previousFingerprint: null,
  });
}

describe('RunRecorder', () => {
  it('records what the run learnt, its outcome and its duration', () => {
    const recorder = new RunRecorder({
      kind: 'sync',
      source: 'service',
      trigger: 'schedule',
      startedAt: STARTED,
    });
    recorder.note({ mode: 'delta', batches: 2 });

    const run = recorder.finish(FINISHED, 'sent', null);

    expect(run).toMatchObject({
      kind: 'sync',
      source: 'service',
      trigger: 'schedule',
      startedAt: STARTED.toISOString(),
      finishedAt: FINISHED.toISOString(),
      durationMs: 2500,
      outcome: 'sent',
      mode: 'delta',
      batches: 2,
      counts: null,
      error: null,
    });
    expect(run.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a failure’s code, side, message and remedy', () => {
    const recorder = new RunRecorder({
      kind: 'test',
      source: 'cli',
      trigger: 'manual',
      startedAt: STARTED,
    });
    const error = new ConfigurationError('DIRECTORY_NOT_SET', 'No directory.', 'Choose one.');

    expect(recorder.finish(FINISHED, 'failed', error).error).toEqual({
      code: 'DIRECTORY_NOT_SET',
      side: 'configuration',
      message: 'No directory.',
      remedy: 'Choose one.',
    });
    expect(recorder.finish(FINISHED, 'failed', new Error('boom')).error).toEqual({
      code: null,
      side: null,
      message: 'boom',
      remedy: null,
    });
  });
});

describe('runCountsOf', () => {
  it('counts what was read, dropped by reason, and sent only once sent', () => {
    const plan = aPlan();
    const snapshot = { users: [aUser('a'), aUser('b'), aUser('c')], groups: [] };
    const read = {
      ...snapshot,
      cursor: {
        usersReadAt: null,
        groupsReadAt: null,
        userDeltaToken: null,
        groupDeltaToken: null,
      },
    };

    expect(runCountsOf(read, plan, 'not-sent')).toEqual({
      usersRead: 3,
      groupsRead: 0,
      dropped: 1,
      droppedByReason: { 'missing-email': 1 },
      membersSent: 0,
      groupsSent: 0,
      membersUnchanged: 0,
      groupsUnchanged: 0,
    });
    expect(runCountsOf(read, plan, 'sent')).toMatchObject({ membersSent: 2, groupsSent: 0 });
  });
});
