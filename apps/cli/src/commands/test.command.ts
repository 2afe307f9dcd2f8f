import { testData } from '../output/test-data';
import type { RegisterCommand } from './command-context';

export const registerTestCommand: RegisterCommand = (program, context) => {
  program
    .command('test')
    .description('Show what a sync would send, sending nothing.')
    .option('-l, --last', 'only what changed since the last sync')
    .action((options: { last?: boolean }) =>
      context.respond(async () => {
        const connector = await context.connector();
        const progress = context.progress();
        try {
          const result = await connector.test({
            sinceLast: options.last === true,
            ...(progress ? { onProgress: progress.update } : {}),
          });
          return { success: true, data: testData(result) };
        } finally {
          progress?.end();
        }
      }),
    );
};
