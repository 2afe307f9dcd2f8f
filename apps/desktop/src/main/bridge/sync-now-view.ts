import { SyncError, guardRefusalOf } from '@bwdc/core';

import type { SyncNowView } from '../../shared/sync-now-view';
import type { ScheduledRun } from '../scheduler';

/**
 * Sync now's answer: the report, or the guard's refusal as data the confirmation lists (the
 * renderer gets errors as code, message and remedy only, and the removals are needed there).
 * Any other failure is thrown again, so the renderer shows it with its code and remedy.
 */
export function syncNowViewOf(run: ScheduledRun): SyncNowView {
  if (run.ok) {
    const { outcome, mode, requestsSent, counts } = run.report;
    return { kind: 'synced', outcome, mode, requestsSent, counts: { ...counts } };
  }
  const { error } = run;
  const refusal = guardRefusalOf(error);
  if (refusal !== null && error instanceof SyncError) {
    return {
      kind: 'guard-refused',
      refusal: { ...refusal, message: error.message, remedy: error.remedy },
    };
  }
  throw error;
}
