import { HealthTracker, healthHttpStatus } from './health';
import { scheduleFrom } from './schedule';
import { failedAt, guardTrip, succeededAt } from './serve-test-data';

const everyMinute = scheduleFrom({ schedule: null, interval: null }, 60);
const nextRunAt = new Date('2026-03-02T10:05:00.000Z');

describe('HealthTracker', () => {
  it('starts as starting, with nothing run', () => {
    const health = new HealthTracker('1.2.3');
    health.scheduleChanged(everyMinute, nextRunAt);

    expect(health.report()).toEqual({
      status: 'starting',
      lastSuccessAt: null,
      lastRunAt: null,
      lastOutcome: null,
      consecutiveFailures: 0,
      nextRunAt: '2026-03-02T10:05:00.000Z',
      lastError: null,
      schedule: 'every 1 minute',
      version: '1.2.3',
    });
    expect(healthHttpStatus(health.status())).toBe(200);
  });

  it('goes ok → degraded → ok, counting failures in a row and keeping the last success', () => {
    const health = new HealthTracker('1.2.3');
    health.scheduleChanged(everyMinute, nextRunAt);

    health.runFinished(succeededAt(0));
    const ok = health.report();
    health.runFinished(failedAt(10));
    health.runFinished(failedAt(20));
    const degraded = health.report();
    health.runFinished(succeededAt(30, 'unchanged'));
    const recovered = health.report();

    expect(ok).toMatchObject({ status: 'ok', lastSuccessAt: '2026-03-02T10:00:01.000Z' });
    expect(degraded).toMatchObject({
      status: 'degraded',
      lastSuccessAt: '2026-03-02T10:00:01.000Z',
      lastRunAt: '2026-03-02T10:00:21.000Z',
      lastOutcome: 'failed',
      consecutiveFailures: 2,
      lastError: { code: 'SERVER_ERROR', message: expect.stringContaining('(500)') },
    });
    expect(healthHttpStatus(degraded.status)).toBe(503);
    expect(recovered).toMatchObject({
      status: 'ok',
      lastSuccessAt: '2026-03-02T10:00:31.000Z',
      lastOutcome: 'unchanged',
      consecutiveFailures: 0,
      lastError: null,
    });
  });

  it('is degraded when a guard refused the last run', () => {
    const health = new HealthTracker('1.2.3');
    health.scheduleChanged(everyMinute, nextRunAt);

    health.runFinished(failedAt(0, guardTrip()));

    expect(health.report()).toMatchObject({
      status: 'degraded',
      lastOutcome: 'refused',
      lastError: { code: 'DELETION_GUARD_TRIPPED' },
    });
  });

  it('is idle when no schedule is set, and degraded when the cron expression is invalid', () => {
    const idle = new HealthTracker('1.2.3');
    idle.scheduleChanged(scheduleFrom({ schedule: null, interval: 0 }, null), null);
    const invalid = new HealthTracker('1.2.3');
    invalid.scheduleChanged(scheduleFrom({ schedule: 'every day', interval: 5 }, null), null);

    expect(idle.report()).toMatchObject({ status: 'idle', nextRunAt: null, lastError: null });
    expect(healthHttpStatus(idle.status())).toBe(200);
    expect(invalid.report()).toMatchObject({
      status: 'degraded',
      lastError: { code: 'SCHEDULE_INVALID' },
    });
  });
});
