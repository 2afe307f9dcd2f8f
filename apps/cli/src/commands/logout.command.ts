import { messageResponse } from '../output';
import type { RegisterCommand } from './command-context';

export const registerLogoutCommand: RegisterCommand = (program, context) => {
  program
    .command('logout')
    .description('Forget the organization API key.')
    .action(() =>
      context.respond(async () => {
        await (await context.connector()).logout();
        return messageResponse('You have logged out.');
      }),
    );
};
