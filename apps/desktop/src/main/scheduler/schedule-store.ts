import type { ScheduleState } from './schedule-state';

/** Where the schedule is kept between runs of the app. */
export interface ScheduleStore {
  read(): Promise<ScheduleState>;
  /** One read-modify-write; resolves with the state as stored. */
  update(change: (current: ScheduleState) => ScheduleState): Promise<ScheduleState>;
}
