import { describeSchedule, nextScheduledRun, scheduleFrom } from './schedule';

const startedAt = new Date('2026-03-02T10:00:30.000Z');

describe('scheduleFrom', () => {
  it('takes the cron expression over the interval, with 5 or 6 fields', () => {
    // Quarter hours: the same instants in every time zone (cron reads the local time).
    const five = scheduleFrom({ schedule: '*/15 * * * *', interval: 10 }, null);
    const six = scheduleFrom({ schedule: '*/20 * * * * *', interval: 10 }, null);

    expect(five.kind).toBe('cron');
    expect(six.kind).toBe('cron');
    expect(
      nextScheduledRun(five, { serviceStartedAt: startedAt, lastRunFinishedAt: null }),
    ).toEqual(new Date('2026-03-02T10:15:00.000Z'));
    expect(nextScheduledRun(six, { serviceStartedAt: startedAt, lastRunFinishedAt: null })).toEqual(
      new Date('2026-03-02T10:00:40.000Z'),
    );
  });

  it('counts a cron schedule from the end of the previous run, skipping missed matches', () => {
    const quarterly = scheduleFrom({ schedule: '*/15 * * * *', interval: null }, null);

    const next = nextScheduledRun(quarterly, {
      serviceStartedAt: startedAt,
      lastRunFinishedAt: new Date('2026-03-02T13:20:00.000Z'),
    });

    expect(next).toEqual(new Date('2026-03-02T13:30:00.000Z'));
  });

  it('reports an invalid cron expression instead of throwing', () => {
    const schedule = scheduleFrom({ schedule: '61 * * *', interval: 10 }, null);

    expect(schedule.kind).toBe('invalid');
    expect(describeSchedule(schedule)).toContain('"61 * * *"');
    expect(
      nextScheduledRun(schedule, { serviceStartedAt: startedAt, lastRunFinishedAt: null }),
    ).toBeNull();
  });

  it('uses the interval in minutes with upstream’s floor of 5', () => {
    expect(scheduleFrom({ schedule: null, interval: 10 }, null)).toEqual({
      kind: 'interval',
      everyMs: 600_000,
    });
    expect(scheduleFrom({ schedule: '  ', interval: 2 }, null)).toEqual({
      kind: 'interval',
      everyMs: 300_000,
    });
  });

  it('is off when the interval is null, zero or negative and no cron is set', () => {
    for (const interval of [null, 0, -5]) {
      expect(scheduleFrom({ schedule: null, interval }, null)).toEqual({ kind: 'off' });
    }
  });

  it('lets --interval-seconds replace both settings', () => {
    const schedule = scheduleFrom({ schedule: '0 * * * *', interval: 10 }, 2);

    expect(schedule).toEqual({ kind: 'interval', everyMs: 2000 });
    expect(describeSchedule(schedule)).toBe('every 2 seconds');
  });
});

describe('nextScheduledRun with an interval', () => {
  const everyTenMinutes = scheduleFrom({ schedule: null, interval: 10 }, null);

  it('runs right away at start', () => {
    expect(
      nextScheduledRun(everyTenMinutes, { serviceStartedAt: startedAt, lastRunFinishedAt: null }),
    ).toEqual(startedAt);
  });

  it('runs one interval after the previous run ended', () => {
    expect(
      nextScheduledRun(everyTenMinutes, {
        serviceStartedAt: startedAt,
        lastRunFinishedAt: new Date('2026-03-02T10:03:00.000Z'),
      }),
    ).toEqual(new Date('2026-03-02T10:13:00.000Z'));
  });

  it('never runs when off', () => {
    expect(
      nextScheduledRun(scheduleFrom({ schedule: null, interval: null }, null), {
        serviceStartedAt: startedAt,
        lastRunFinishedAt: null,
      }),
    ).toBeNull();
  });
});
