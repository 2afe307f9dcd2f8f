import type { RemovalReason } from '@bwdc/core';

/** Why the sync removes a member, as the preview and the guard's confirmation say it. */
export const REMOVAL_REASONS: Readonly<Record<RemovalReason, string>> = {
  deleted: 'Deleted in the directory',
  disabled: 'Disabled in the directory (remove disabled users is on)',
  unlisted: 'No longer in the directory, or outside the filters (overwrite is on)',
};
