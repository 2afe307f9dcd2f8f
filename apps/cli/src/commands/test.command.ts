import { testData } from '../output/test-data';
import type { RegisterCommand } from './command-context';

export const registerTestCommand: RegisterCommand = (program, context) => {
  program
    .command('test')
    .description('Show what a sync would send, sending nothing.')
    .option('-l, --last', 'only what changed since the last sync')
    .action((options: { last?: boolean }) =>
      context.respond(async () => {
        const result = await (await context.connector()).test({ sinceLast: options.last === true });
        return { success: true, data: testData(result) };
      }),
    );
};
