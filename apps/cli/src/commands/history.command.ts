import type { HistoryData } from '../output';
import type { RegisterCommand } from './command-context';
import { CommandInputError } from './command-input.error';

export const registerHistoryCommand: RegisterCommand = (program, context) => {
  program
    .command('history')
    .description(
      'List the kept runs (test, plan and sync, from this CLI, bwdc serve and the desktop app), ' +
        'newest first: outcome, counts, and why a run failed or was refused.',
    )
    .option('--limit <n>', 'only the newest n runs')
    .action((options: { limit?: string }) =>
      context.respond(async () => {
        const limit = options.limit === undefined ? null : parseLimit(options.limit);
        const runs = await (await context.connector()).history();
        const data: HistoryData = {
          object: 'history',
          runs: limit === null ? runs : runs.slice(0, limit),
        };
        return { success: true, data };
      }),
    );
};

function parseLimit(text: string): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) {
    throw new CommandInputError(
      `Invalid --limit "${text}": not a whole number of runs.`,
      'Give a number of 1 or more, e.g. bwdc history --limit 20.',
    );
  }
  return Number(trimmed);
}
