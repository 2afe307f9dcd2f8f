import { textLogLine } from './text-log-line';

describe('textLogLine', () => {
  it('puts time, level and message first, then the fields as key=value', () => {
    const line = JSON.stringify({
      level: 'warn',
      time: '2026-03-02T10:00:00.000Z',
      pid: 42,
      hostname: 'sync-01',
      code: 'SERVER_ERROR',
      retryAt: '2026-03-02T10:00:30.000Z',
      note: 'two words',
      counts: { users: 20 },
      msg: 'Sync failed; retrying.',
    });

    expect(textLogLine(`${line}\n`)).toBe(
      '2026-03-02T10:00:00.000Z WARN  Sync failed; retrying. code=SERVER_ERROR ' +
        'retryAt=2026-03-02T10:00:30.000Z note="two words" counts={"users":20}\n',
    );
  });

  it('passes a line that is not JSON through as it is', () => {
    expect(textLogLine('not json')).toBe('not json\n');
  });
});
