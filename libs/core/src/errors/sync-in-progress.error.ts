import { SyncError } from './sync-error';

/** Another process (bwdc, the desktop app or bwdc serve) is syncing with this data file. */
export class SyncInProgressError extends SyncError {
  readonly code = 'SYNC_IN_PROGRESS';
  readonly side = 'local-file' as const;

  constructor(readonly lockPath: string) {
    super(
      `Another sync is running with this data file (lock ${lockPath}); nothing was done.`,
      'Wait for it to finish, or stop the other bwdc, bwdc serve or desktop app. A lock left by a ' +
        'process that died is taken over after 10 seconds.',
    );
  }
}
