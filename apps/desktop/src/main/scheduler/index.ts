export { DataFileScheduleStore, SCHEDULER_APP_KEY } from './data-file-schedule-store';
export { RunRecordSchema, type RunRecord, type RunTrigger } from './run-record';
export {
  DEFAULT_HISTORY_LIMIT,
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
  type SyncSchedulerDependencies,
} from './sync-scheduler';
export { MAX_TIMER_DELAY_MS, systemTimer, type Timer, type TimerHandle } from './timer';
