import { RUN_PHASES, phaseMs, type RunRecord } from '@bwdc/core';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

import type { RunResult } from './run-result';

const OUTCOMES: readonly RunResult['outcome'][] = [
  'sent',
  'unchanged',
  'empty',
  'refused',
  'failed',
];
const GUARD_REASONS = ['too-many-removals', 'empty-read'] as const;

/**
 * The service's Prometheus metrics, in a registry of their own (never prom-client's global one,
 * so nothing else in the process adds to them). Every name starts with `bwdc_`; the process
 * metrics prom-client collects by default (`process_*`, `nodejs_*`) come along.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly up: Gauge;
  private readonly healthy: Gauge;
  private readonly lastSuccess: Gauge;
  private readonly lastRun: Gauge;
  private readonly lastDuration: Gauge;
  private readonly runs: Counter<'outcome'>;
  private readonly failures: Counter<'kind'>;
  private readonly guardTrips: Counter<'reason'>;
  private readonly usersRead: Gauge;
  private readonly membersSent: Gauge;
  private readonly groupsSent: Gauge;
  private readonly phaseSeconds: Gauge<'phase'>;

  constructor(version: string, options: { readonly processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    new Gauge({
      name: 'bwdc_info',
      help: 'Always 1; the version label says which bwdc runs.',
      labelNames: ['version'],
      registers,
    }).set({ version }, 1);
    this.up = new Gauge({ name: 'bwdc_up', help: '1 while bwdc serve runs.', registers });
    this.healthy = new Gauge({
      name: 'bwdc_healthy',
      help: '1 when /health answers 200 (ok, starting or idle), 0 when it is degraded.',
      registers,
    });
    this.lastSuccess = new Gauge({
      name: 'bwdc_last_success_timestamp_seconds',
      help: 'When the last successful sync ended (Unix time); 0 before the first one.',
      registers,
    });
    this.lastRun = new Gauge({
      name: 'bwdc_last_run_timestamp_seconds',
      help: 'When the last sync ended, successful or not (Unix time); 0 before the first one.',
      registers,
    });
    this.lastDuration = new Gauge({
      name: 'bwdc_last_run_duration_seconds',
      help: 'How long the last sync took, successful or not.',
      registers,
    });
    this.runs = new Counter({
      name: 'bwdc_runs_total',
      help: 'Syncs run by this service, by outcome: sent, unchanged, empty, refused, failed.',
      labelNames: ['outcome'],
      registers,
    });
    this.failures = new Counter({
      name: 'bwdc_failures_total',
      help: 'Failed or refused syncs, by kind: the error code, else the side, else unknown.',
      labelNames: ['kind'],
      registers,
    });
    this.guardTrips = new Counter({
      name: 'bwdc_guard_trips_total',
      help: 'Syncs a guard refused, by reason: too-many-removals, empty-read.',
      labelNames: ['reason'],
      registers,
    });
    this.usersRead = new Gauge({
      name: 'bwdc_users_read',
      help: 'Users the last successful sync read from the directory.',
      registers,
    });
    this.membersSent = new Gauge({
      name: 'bwdc_members_sent',
      help: 'Members the last successful sync sent to Bitwarden (0 when nothing changed).',
      registers,
    });
    this.groupsSent = new Gauge({
      name: 'bwdc_groups_sent',
      help: 'Groups the last successful sync sent to Bitwarden (0 when nothing changed).',
      registers,
    });
    this.phaseSeconds = new Gauge({
      name: 'bwdc_last_run_phase_seconds',
      help: 'Where the last sync of this service spent its time, from its run record: read (the directory), plan, organization (reading it from Bitwarden), import (posting to Bitwarden); 0 for a phase it did not reach.',
      labelNames: ['phase'],
      registers,
    });
    for (const phase of RUN_PHASES) {
      this.phaseSeconds.set({ phase }, 0);
    }
    for (const outcome of OUTCOMES) {
      this.runs.inc({ outcome }, 0);
    }
    for (const reason of GUARD_REASONS) {
      this.guardTrips.inc({ reason }, 0);
    }
    this.up.set(1);
    this.healthy.set(1);
    this.lastSuccess.set(0);
    this.lastRun.set(0);
    if (options.processMetrics !== false) {
      collectDefaultMetrics({ register: this.registry });
    }
  }

  runFinished(result: RunResult): void {
    const finished = result.finishedAt.getTime() / 1000;
    this.runs.inc({ outcome: result.outcome });
    this.lastRun.set(finished);
    this.lastDuration.set((result.finishedAt.getTime() - result.startedAt.getTime()) / 1000);
    const { failure, report } = result;
    if (failure !== null) {
      this.failures.inc({ kind: failure.code ?? failure.side ?? 'unknown' });
      if (failure.guardReason !== null) {
        this.guardTrips.inc({ reason: failure.guardReason });
      }
    }
    if (report !== null) {
      this.lastSuccess.set(finished);
      const sent = report.outcome === 'send';
      this.usersRead.set(report.counts.users + report.counts.droppedUsers);
      this.membersSent.set(sent ? report.counts.users : 0);
      this.groupsSent.set(sent ? report.counts.groups : 0);
    }
  }

  /** The run record of the sync that just finished, successful or not. */
  runRecorded(run: RunRecord): void {
    for (const phase of RUN_PHASES) {
      this.phaseSeconds.set({ phase }, (phaseMs(run.phases, phase) ?? 0) / 1000);
    }
  }

  setHealthy(healthy: boolean): void {
    this.healthy.set(healthy ? 1 : 0);
  }

  stopping(): void {
    this.up.set(0);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
