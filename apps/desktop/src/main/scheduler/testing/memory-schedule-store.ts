import { emptyScheduleState, type ScheduleState } from '../schedule-state';
import type { ScheduleStore } from '../schedule-store';

/** The schedule kept in memory; `state` is what a restart would find. */
export class MemoryScheduleStore implements ScheduleStore {
  state: ScheduleState = emptyScheduleState();

  async read(): Promise<ScheduleState> {
    return this.state;
  }

  async update(change: (current: ScheduleState) => ScheduleState): Promise<ScheduleState> {
    this.state = change(this.state);
    return this.state;
  }
}
