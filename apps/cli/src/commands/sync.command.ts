import { syncReportResponse } from '../output/sync-report-message';
import type { RegisterCommand } from './command-context';

export const registerSyncCommand: RegisterCommand = (program, context) => {
  program
    .command('sync')
    .description('Sync the directory to the organization: only what changed since the last sync.')
    .option('--force', 'read and send the whole directory, whatever changed')
    .action((options: { force?: boolean }) =>
      context.respond(async () =>
        syncReportResponse(
          await (await context.connector()).sync({ force: options.force === true }),
        ),
      ),
    );
};
