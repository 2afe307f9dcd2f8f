/** A batch of events after the cursor the renderer passed; pass `cursor` on the next call. */
export interface BridgeEvents {
  readonly cursor: number;
  readonly events: readonly BridgeEvent[];
}

export type BridgeEvent =
  /** Something the dashboard shows changed (the data file, the schedule, a run): read `status`. */
  | { readonly type: 'status-changed' }
  /** The data file's settings changed (another process, such as `bwdc config`, wrote them). */
  | { readonly type: 'settings-changed' }
  /** How far the directory read of a test, preview or sync has got. */
  | {
      readonly type: 'progress';
      readonly operation: BridgeOperation;
      readonly users: number;
      readonly groups: number;
    }
  /** The test, preview or sync is over (whatever its outcome); the progress display ends. */
  | { readonly type: 'operation-finished'; readonly operation: BridgeOperation };

/** What reads the directory: Test now, Preview changes, a sync. */
export type BridgeOperation = 'test' | 'plan' | 'sync';
