import { messageResponse } from '../output';
import type { RegisterCommand } from './command-context';

export const registerClearCacheCommand: RegisterCommand = (program, context) => {
  program
    .command('clear-cache')
    .description('Forget the last sync, so the next one reads everything and sends it again.')
    .action(() =>
      context.respond(async () => {
        await (await context.connector()).clearCache();
        return messageResponse('The sync cache has been cleared.');
      }),
    );
};
