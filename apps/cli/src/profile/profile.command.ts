import type { DataFileStore } from '@bwdc/storage';
import type { Command } from 'commander';

import type { CliResponse } from '../output';
import type * as ProfileAction from './profile-action';
import type { ProfileInput } from './profile-action';

export interface ProfileCommandDependencies {
  readonly store: () => Promise<DataFileStore>;
  readonly respond: (run: () => Promise<CliResponse>) => Promise<void>;
}

// Storage is loaded when a profile verb runs, not when the command is registered (see main.ts).
let action: typeof ProfileAction | undefined;
const loadAction = (): typeof ProfileAction =>
  (action ??= require('./profile-action') as typeof ProfileAction);

/**
 * `bwdc profile list|add|use|rename|remove`: named sets of directory and sync settings, each
 * with its own sync state, one active. Every other verb works on the active profile.
 */
export function registerProfileCommand(
  program: Command,
  dependencies: ProfileCommandDependencies,
): Command {
  const profile = program
    .command('profile')
    .description('List, add, switch, rename or remove settings profiles.');
  const run = (input: ProfileInput) =>
    dependencies.respond(async () => loadAction().runProfile(input, await dependencies.store()));
  profile
    .command('list')
    .description('List the profiles, marking the active one.')
    .action(() => run({ verb: 'list' }));
  profile
    .command('add')
    .description('Add a profile, empty or with the settings (not the sync state) of another.')
    .argument('<name>', 'letters, digits, dots, dashes or underscores')
    .option('--copy-from <profile>', 'start from this profile’s settings')
    .action((name: string, options: { copyFrom?: string }) =>
      run({
        verb: 'add',
        name,
        ...(options.copyFrom === undefined ? {} : { copyFrom: options.copyFrom }),
      }),
    );
  profile
    .command('use')
    .description('Make a profile the active one.')
    .argument('<name>')
    .action((name: string) => run({ verb: 'use', name }));
  profile
    .command('rename')
    .description('Rename a profile.')
    .argument('<name>')
    .argument('<new-name>')
    .action((name: string, to: string) => run({ verb: 'rename', name, to }));
  profile
    .command('remove')
    .description('Remove a profile that is not the active one.')
    .argument('<name>')
    .action((name: string) => run({ verb: 'remove', name }));
  return profile;
}
