import { ConfigurationError } from '@bwdc/core';

import { stringResponse } from '../output';
import type { RegisterCommand } from './command-context';

export const registerLastSyncCommand: RegisterCommand = (program, context) => {
  program
    .command('last-sync')
    .description('Print when users or groups were last synced (ISO time; nothing if never).')
    .argument('<object>', 'users or groups')
    .action((object: string) =>
      context.respond(async () => {
        const kind = object.trim().toLowerCase();
        if (kind !== 'users' && kind !== 'groups') {
          throw new ConfigurationError(
            'DIRECTORY_SETTINGS_INVALID',
            'Unknown object.',
            'Use bwdc last-sync users or bwdc last-sync groups.',
          );
        }
        return stringResponse(await (await context.connector()).lastSync(kind));
      }),
    );
};
