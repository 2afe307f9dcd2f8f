import type { DirectoryGroup } from '../model/directory-group';
import type { DirectoryNotice } from '../model/directory-notice';
import type { DirectoryType } from '../model/directory-type';
import type { DirectoryUser } from '../model/directory-user';

/**
 * Where the previous successful read left off. Providers that read incrementally keep their
 * position here (a revision time, a delta link); the connector persists it only after a sync
 * succeeds, so a failed run is retried from the same place.
 */
export interface DirectoryCursor {
  readonly usersReadAt: string | null;
  readonly groupsReadAt: string | null;
  readonly userDeltaToken: string | null;
  readonly groupDeltaToken: string | null;
}

export interface DirectoryReadRequest {
  /** `full` reads everything; `delta` reads what changed since `cursor`. */
  readonly mode: 'full' | 'delta';
  /** A test run: read, but change no state the provider keeps outside the returned cursor. */
  readonly dryRun: boolean;
  readonly cursor: DirectoryCursor | null;
  /** The time the read started, stored as the next cursor so consecutive runs overlap, not gap. */
  readonly startedAt: Date;
  readonly signal?: AbortSignal;
  /** Told the running counts as a long read goes on (for a progress line); never required. */
  readonly onProgress?: (progress: ReadProgress) => void;
}

/** How much of the directory a read has taken in so far. */
export interface ReadProgress {
  readonly users: number;
  readonly groups: number;
}

/** What one read of the directory yielded: always the whole answer, or the read throws. */
export interface DirectorySnapshot {
  readonly users: readonly DirectoryUser[];
  readonly groups: readonly DirectoryGroup[];
  readonly cursor: DirectoryCursor;
  /** What the read left out and why (members out of scope...), for the run report. */
  readonly notices?: readonly DirectoryNotice[];
}

/** A source of users and groups: one implementation per directory type in `libs/providers`. */
export interface DirectoryProvider {
  readonly type: DirectoryType;
  read(request: DirectoryReadRequest): Promise<DirectorySnapshot>;
}
