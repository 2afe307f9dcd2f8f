import type { FailureSide } from '../errors/sync-error';

/** What was run: a directory view (`test`), a preview against the organization, or a sync. */
export type RunKind = 'test' | 'plan' | 'sync';
/** Which front end ran it. */
export type RunSource = 'cli' | 'desktop' | 'service';
/** `schedule`: a timer started it (desktop schedule, `bwdc serve`); `manual`: someone asked. */
export type RunTrigger = 'manual' | 'schedule';

/**
 * How a run ended. A sync `sent` the import, or sent nothing because it was `unchanged` since the
 * last sync or the read was `empty`; a test `read` the directory; a plan was `planned`; a guard
 * `refused` the sync; or the run `failed`.
 */
export type RunOutcome = 'sent' | 'unchanged' | 'empty' | 'read' | 'planned' | 'refused' | 'failed';

export interface RunCounts {
  /** As the directory returned them, before anything was dropped. */
  readonly usersRead: number;
  readonly groupsRead: number;
  /** Directory users left out of the import, in all and by reason (`missing-email`...). */
  readonly dropped: number;
  readonly droppedByReason: Readonly<Record<string, number>>;
  /** Members and groups posted to Bitwarden: 0 unless the outcome is `sent`. */
  readonly membersSent: number;
  readonly groupsSent: number;
  /** Members and groups not posted because nothing changed since the last sync. */
  readonly membersUnchanged: number;
  readonly groupsUnchanged: number;
}

/** Why a guard stopped a sync, or what it measured when it let one through. */
export interface RunGuard {
  readonly reason: 'too-many-removals' | 'empty-read';
  /** Members the sync would remove, and the most the guard allows. */
  readonly removals: number;
  readonly limit: number;
  /** `true` when the run went ahead anyway (`--force`, or confirmed in the desktop app). */
  readonly overridden: boolean;
}

/**
 * Where a run's time went, in milliseconds, so that an admin can tell a slow directory from a
 * slow Bitwarden server. A phase the run did not reach is null; the rest of `durationMs` is
 * loading the settings and logging in.
 */
export interface RunPhases {
  /** Reading the directory. */
  readonly readMs: number | null;
  /** Normalising, flattening and batching the import, and fingerprinting it when compared. */
  readonly planMs: number | null;
  /** Reading the organization from Bitwarden: a plan, or a sync that could remove members. */
  readonly organizationMs: number | null;
  /** Posting the import, the server's work included. */
  readonly importMs: number | null;
}

export type RunPhase = 'read' | 'plan' | 'organization' | 'import';

/** The phases in the order a run goes through them. */
export const RUN_PHASES: readonly RunPhase[] = ['read', 'plan', 'organization', 'import'];

/** How long a run spent in one phase, or null when it did not reach it. */
export function phaseMs(phases: RunPhases, phase: RunPhase): number | null {
  return phases[`${phase}Ms`];
}

export const NO_RUN_PHASES: RunPhases = {
  readMs: null,
  planMs: null,
  organizationMs: null,
  importMs: null,
};

export interface RunError {
  /** The SyncError code (or a Node error code); null when the error had none. */
  readonly code: string | null;
  readonly side: FailureSide | null;
  /** Never carries a secret: error messages are written not to. */
  readonly message: string;
  readonly remedy: string | null;
}

/** One run as the history keeps it (the data file holds the last RUN_HISTORY_LIMIT, newest first). */
export interface RunRecord {
  readonly id: string;
  readonly kind: RunKind;
  readonly source: RunSource;
  readonly trigger: RunTrigger;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly outcome: RunOutcome;
  /** Whether the directory was read whole or only what changed; null when it was not read. */
  readonly mode: 'full' | 'delta' | null;
  /** Null when the run failed before the directory was read. */
  readonly counts: RunCounts | null;
  /** Import requests accepted by the server. */
  readonly batches: number;
  readonly phases: RunPhases;
  /** Members the organization plan says the run removes (or would); null when not computed. */
  readonly plannedRemovals: number | null;
  /** Set when a guard refused the run, or was overridden. */
  readonly guard: RunGuard | null;
  readonly error: RunError | null;
}

export const RUN_HISTORY_LIMIT = 100;
