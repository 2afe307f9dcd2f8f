import type { PlanData } from '../output';
import type { RegisterCommand } from './command-context';

export const registerPlanCommand: RegisterCommand = (program, context) => {
  program
    .command('plan')
    .description(
      'Show what the next sync would do to the organization (who is invited, linked, removed or ' +
        'skipped; which groups change) and whether a guard would refuse it, sending nothing.',
    )
    .option('--force', 'plan the sync as bwdc sync --force runs it: the whole directory')
    .action((options: { force?: boolean }) =>
      context.respond(async () => {
        const connector = await context.connector();
        const progress = context.progress();
        try {
          const report = await connector.plan({
            force: options.force === true,
            ...(progress ? { onProgress: progress.update } : {}),
          });
          const data: PlanData = { object: 'plan', ...report };
          return { success: true, data };
        } finally {
          progress?.end();
        }
      }),
    );
};
