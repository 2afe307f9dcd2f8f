import { syncReportResponse } from '../output/sync-report-message';
import type { RegisterCommand } from './command-context';

export const registerSyncCommand: RegisterCommand = (program, context) => {
  program
    .command('sync')
    .description(
      'Sync the directory to the organization: only what changed since the last sync. Exits 3, ' +
        'sending nothing, when a guard refuses it (too many removals, or an empty read).',
    )
    .option(
      '--force',
      'read and send the whole directory, whatever changed, and apply it even past the deletion ' +
        'guard and the empty-read guard',
    )
    .action((options: { force?: boolean }) =>
      context.respond(async () => {
        const connector = await context.connector();
        const progress = context.progress();
        try {
          return syncReportResponse(
            await connector.sync({
              force: options.force === true,
              ...(progress ? { onProgress: progress.update } : {}),
            }),
          );
        } finally {
          progress?.end();
        }
      }),
    );
};
