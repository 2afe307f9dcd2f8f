import type { RunResult } from './run-result';
import { describeSchedule, type Schedule } from './schedule';

/**
 * `starting`: no run has finished yet. `ok`: the last run succeeded. `idle`: no schedule is set,
 * so nothing runs. `degraded`: the last run failed or a guard refused it, or the schedule is
 * invalid; a human may have to look.
 */
export type HealthStatus = 'ok' | 'degraded' | 'starting' | 'idle';

export interface HealthReport {
  readonly status: HealthStatus;
  readonly lastSuccessAt: string | null;
  readonly lastRunAt: string | null;
  readonly lastOutcome: RunResult['outcome'] | null;
  readonly consecutiveFailures: number;
  readonly nextRunAt: string | null;
  readonly lastError: { readonly code: string | null; readonly message: string } | null;
  readonly schedule: string;
  readonly version: string;
}

/** What /health says, kept up to date by the service loop. */
export class HealthTracker {
  private lastResult: RunResult | null = null;
  private lastSuccess: Date | null = null;
  private failures = 0;
  private schedule: Schedule | null = null;
  private nextRun: Date | null = null;

  constructor(private readonly version: string) {}

  scheduleChanged(schedule: Schedule, nextRunAt: Date | null): void {
    this.schedule = schedule;
    this.nextRun = nextRunAt;
  }

  runFinished(result: RunResult): void {
    this.lastResult = result;
    if (result.failure === null) {
      this.lastSuccess = result.finishedAt;
      this.failures = 0;
    } else {
      this.failures += 1;
    }
  }

  report(): HealthReport {
    const last = this.lastResult;
    const scheduleError =
      this.schedule?.kind === 'invalid'
        ? { code: 'SCHEDULE_INVALID', message: describeSchedule(this.schedule) }
        : null;
    const failure = last?.failure ?? null;
    const runError = failure === null ? null : { code: failure.code, message: failure.message };
    return {
      status: this.status(),
      lastSuccessAt: this.lastSuccess?.toISOString() ?? null,
      lastRunAt: last?.finishedAt.toISOString() ?? null,
      lastOutcome: last?.outcome ?? null,
      consecutiveFailures: this.failures,
      nextRunAt: this.nextRun?.toISOString() ?? null,
      lastError: runError ?? scheduleError,
      schedule: this.schedule === null ? 'not read yet' : describeSchedule(this.schedule),
      version: this.version,
    };
  }

  status(): HealthStatus {
    if ((this.lastResult?.failure ?? null) !== null || this.schedule?.kind === 'invalid') {
      return 'degraded';
    }
    if (this.schedule?.kind === 'off') {
      return 'idle';
    }
    return this.lastResult === null ? 'starting' : 'ok';
  }
}

/** 503 tells a load balancer or monitor that a human should look; anything else is 200. */
export function healthHttpStatus(status: HealthStatus): number {
  return status === 'degraded' ? 503 : 200;
}
