import type { LogLevel, LogFields } from '@bwdc/core';

import { LogBuffer } from './log-buffer';

describe('LogBuffer', () => {
  const clock = { now: () => new Date('2026-11-26T10:00:00.000Z') };

  it('passes every line on and keeps it for the log view, without its fields', () => {
    const passed: [LogLevel, string, LogFields | undefined][] = [];
    const logs = new LogBuffer(
      { log: (level, message, fields) => passed.push([level, message, fields]) },
      clock,
    );

    logs.log('info', 'Sync finished.', { users: 20 });
    logs.log('error', 'The LDAP server refused the bind.');

    expect(passed).toEqual([
      ['info', 'Sync finished.', { users: 20 }],
      ['error', 'The LDAP server refused the bind.', undefined],
    ]);
    expect(logs.lines()).toEqual([
      { at: '2026-11-26T10:00:00.000Z', level: 'info', message: 'Sync finished.' },
      {
        at: '2026-11-26T10:00:00.000Z',
        level: 'error',
        message: 'The LDAP server refused the bind.',
      },
    ]);
  });

  it('keeps the latest thousand lines', () => {
    const logs = new LogBuffer({ log: () => undefined }, clock);
    for (let line = 1; line <= 1_005; line += 1) {
      logs.log('debug', `line ${line}`);
    }

    const kept = logs.lines();
    expect(kept).toHaveLength(1_000);
    expect(kept[0]?.message).toBe('line 6');
    expect(kept.at(-1)?.message).toBe('line 1005');
  });
});
