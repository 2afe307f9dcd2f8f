import { EmptyDirectoryReadError, type RunPhases, type RunRecord } from '@bwdc/core';
import { register as globalRegistry } from 'prom-client';

import { failedAt, guardTrip, succeededAt } from './serve-test-data';
import { ServiceMetrics } from './service-metrics';

/** A service sync's run record with these phases. */
function recordOf(phases: RunPhases): RunRecord {
  return {
    id: 'run-1',
    kind: 'sync',
    source: 'service',
    trigger: 'schedule',
    startedAt: '2026-11-26T10:00:00.000Z',
    finishedAt: '2026-11-26T10:00:05.000Z',
    durationMs: 5000,
    outcome: 'sent',
    mode: 'delta',
    counts: null,
    batches: 56,
    phases,
    plannedRemovals: null,
    guard: null,
    error: null,
  };
}

/** The `bwdc_*` samples of the text format, by name with labels. */
async function samples(metrics: ServiceMetrics): Promise<Record<string, number>> {
  const text = await metrics.render();
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.startsWith('bwdc_'))
      .map((line) => {
        const cut = line.lastIndexOf(' ');
        return [line.slice(0, cut), Number(line.slice(cut + 1))];
      }),
  );
}

describe('ServiceMetrics', () => {
  it('starts with every run outcome and guard reason at 0, up and healthy', async () => {
    const metrics = new ServiceMetrics('1.2.3', { processMetrics: false });

    expect(await samples(metrics)).toEqual({
      'bwdc_info{version="1.2.3"}': 1,
      bwdc_up: 1,
      bwdc_healthy: 1,
      bwdc_last_success_timestamp_seconds: 0,
      bwdc_last_run_timestamp_seconds: 0,
      bwdc_last_run_duration_seconds: 0,
      bwdc_users_read: 0,
      bwdc_members_sent: 0,
      bwdc_groups_sent: 0,
      'bwdc_last_run_phase_seconds{phase="read"}': 0,
      'bwdc_last_run_phase_seconds{phase="plan"}': 0,
      'bwdc_last_run_phase_seconds{phase="organization"}': 0,
      'bwdc_last_run_phase_seconds{phase="import"}': 0,
      'bwdc_runs_total{outcome="sent"}': 0,
      'bwdc_runs_total{outcome="unchanged"}': 0,
      'bwdc_runs_total{outcome="empty"}': 0,
      'bwdc_runs_total{outcome="refused"}': 0,
      'bwdc_runs_total{outcome="failed"}': 0,
      'bwdc_guard_trips_total{reason="too-many-removals"}': 0,
      'bwdc_guard_trips_total{reason="empty-read"}': 0,
    });
  });

  it('shows where the last run spent its time, 0 for a phase it did not reach', async () => {
    const metrics = new ServiceMetrics('1.2.3', { processMetrics: false });

    metrics.runRecorded(
      recordOf({ readMs: 1750, planMs: 380, organizationMs: null, importMs: 2510 }),
    );

    expect(await samples(metrics)).toMatchObject({
      'bwdc_last_run_phase_seconds{phase="read"}': 1.75,
      'bwdc_last_run_phase_seconds{phase="plan"}': 0.38,
      'bwdc_last_run_phase_seconds{phase="organization"}': 0,
      'bwdc_last_run_phase_seconds{phase="import"}': 2.51,
    });
  });

  it('counts runs by outcome, failures by code and guard trips by reason', async () => {
    const metrics = new ServiceMetrics('1.2.3', { processMetrics: false });

    metrics.runFinished(succeededAt(0));
    metrics.runFinished(failedAt(10));
    metrics.runFinished(failedAt(20));
    metrics.runFinished(failedAt(30, guardTrip()));
    metrics.runFinished(failedAt(40, new EmptyDirectoryReadError(20)));
    metrics.runFinished(succeededAt(50, 'unchanged'));
    metrics.setHealthy(false);

    expect(await samples(metrics)).toMatchObject({
      'bwdc_runs_total{outcome="sent"}': 1,
      'bwdc_runs_total{outcome="unchanged"}': 1,
      'bwdc_runs_total{outcome="failed"}': 2,
      'bwdc_runs_total{outcome="refused"}': 2,
      'bwdc_failures_total{kind="SERVER_ERROR"}': 2,
      'bwdc_failures_total{kind="DELETION_GUARD_TRIPPED"}': 1,
      'bwdc_failures_total{kind="EMPTY_DIRECTORY_READ"}': 1,
      'bwdc_guard_trips_total{reason="too-many-removals"}': 1,
      'bwdc_guard_trips_total{reason="empty-read"}': 1,
      bwdc_last_success_timestamp_seconds: Date.UTC(2026, 2, 2, 10, 0, 51) / 1000,
      bwdc_last_run_timestamp_seconds: Date.UTC(2026, 2, 2, 10, 0, 51) / 1000,
      bwdc_last_run_duration_seconds: 1,
      bwdc_healthy: 0,
    });
  });

  it('keeps the last successful run’s counts: members and groups sent only when sent', async () => {
    const sent = new ServiceMetrics('1.2.3', { processMetrics: false });
    const unchanged = new ServiceMetrics('1.2.3', { processMetrics: false });

    sent.runFinished(succeededAt(0, 'send'));
    sent.runFinished(failedAt(10));
    unchanged.runFinished(succeededAt(0, 'unchanged'));

    expect(await samples(sent)).toMatchObject({
      bwdc_users_read: 20,
      bwdc_members_sent: 20,
      bwdc_groups_sent: 5,
    });
    expect(await samples(unchanged)).toMatchObject({
      bwdc_users_read: 20,
      bwdc_members_sent: 0,
      bwdc_groups_sent: 0,
    });
  });

  it('uses a registry of its own, with the process metrics when asked', async () => {
    const metrics = new ServiceMetrics('1.2.3');

    expect(await metrics.render()).toContain('process_cpu_user_seconds_total');
    expect(await globalRegistry.metrics()).not.toContain('bwdc_');
    expect(metrics.contentType).toContain('text/plain');
  });
});
