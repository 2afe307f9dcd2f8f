export { DataFileScheduleStore, SCHEDULER_APP_KEY } from './data-file-schedule-store';
export { GUARD_REFUSAL_CODES, errorCodeOf, type ScheduledRun } from './scheduled-run';
export {
  ScheduleStateSchema,
  emptyScheduleState,
  type ScheduleState,
  type StopReason,
} from './schedule-state';
export type { ScheduleStore } from './schedule-store';
export {
  MINIMUM_SYNC_INTERVAL_MINUTES,
  clampSyncInterval,
  intervalFromDataFile,
  type IntervalSource,
} from './sync-interval';
export { SyncIntervalOffError } from './sync-interval-off.error';
export {
  DEFAULT_RESUME_DELAY_MS,
  DEFAULT_RETRY_DELAY_MS,
  SyncScheduler,
  type SchedulerListener,
  type SchedulerStatus,
  type SchedulerSync,
  type SyncSchedulerDependencies,
} from './sync-scheduler';
export { MAX_TIMER_DELAY_MS, systemTimer, type Timer, type TimerHandle } from './timer';
