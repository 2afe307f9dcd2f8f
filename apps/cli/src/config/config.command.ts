import { readFile } from 'node:fs/promises';

import type { SecretStore } from '@bwdc/core';
import type { DataFileStore } from '@bwdc/storage';
import type { Command } from 'commander';

import type { CliResponse } from '../output';
import type * as ConfigAction from './config-action';
import type { ConfigInput } from './config-input';
import { ConfigSettingError } from './config-setting.error';

export interface ConfigCommandDependencies {
  /** Opens the data file; called only when the command runs. */
  readonly store: () => Promise<DataFileStore>;
  /** The secret store the admin chose, over that data file (`createSecretStore(env, store)`). */
  readonly secrets: (store: DataFileStore) => SecretStore;
  /** For `--secretenv`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The program's one output layer: runs the action and renders its response. */
  readonly respond: (run: () => Promise<CliResponse>) => Promise<void>;
  /** For `--secretfile`; the file system by default. */
  readonly readTextFile?: (path: string) => Promise<string>;
}

interface ConfigOptions {
  readonly secretenv?: string;
  readonly secretfile?: string;
  readonly list?: boolean;
}

// The action reaches the providers' schemas (zod...): it is loaded when `config` runs, so that
// registering the command keeps `bwdc --help` and `--version` light (see main.ts).
let action: typeof ConfigAction | undefined;
const loadAction = (): typeof ConfigAction =>
  (action ??= require('./config-action') as typeof ConfigAction);

/** `bwdc config <setting> [value] [--secretenv VAR] [--secretfile FILE]` and `bwdc config --list`. */
export function registerConfigCommand(
  program: Command,
  dependencies: ConfigCommandDependencies,
): Command {
  const readTextFile = dependencies.readTextFile ?? ((path: string) => readFile(path, 'utf8'));
  return program
    .command('config')
    .description(
      'Set a setting, or print its value (secrets masked): the server, the directory type, ' +
        'every directory and sync setting and the directory secrets.',
    )
    .argument('[setting]', 'The setting, such as server, directory, ldap.hostname or sync.users.')
    .argument('[value]', 'Its new value; null clears it. Without one, prints the current value.')
    .option('--secretenv <variable>', 'Take the value from this environment variable.')
    .option('--secretfile <file>', 'Take the value from the first line of this file.')
    .option('--list', 'List every setting (or those starting with [setting]) and its value.')
    .action((setting: string | undefined, value: string | undefined, options: ConfigOptions) =>
      dependencies.respond(async () => {
        const input = configInput(setting, value, options);
        const store = await dependencies.store();
        return loadAction().runConfig(input, {
          store,
          secrets: dependencies.secrets(store),
          env: dependencies.env,
          readTextFile,
        });
      }),
    );
}

/** Checks the arguments and options and turns them into what the action does. */
export function configInput(
  setting: string | undefined,
  value: string | undefined,
  options: ConfigOptions,
): ConfigInput {
  const { secretenv, secretfile } = options;
  if (options.list === true) {
    if (value !== undefined || secretenv !== undefined || secretfile !== undefined) {
      throw usage('--list takes no value.');
    }
    return { action: 'list', prefix: setting ?? null };
  }
  if (setting === undefined || setting.trim() === '') {
    throw usage('Name the setting to set or print.');
  }
  if (secretenv !== undefined && secretfile !== undefined) {
    throw usage('Give --secretenv or --secretfile, not both.');
  }
  // Upstream takes the value from --secretenv/--secretfile when the argument is empty.
  const typed = value === '' && (secretenv ?? secretfile) !== undefined ? undefined : value;
  if (typed !== undefined && (secretenv ?? secretfile) !== undefined) {
    throw usage('Give the value as an argument or with --secretenv/--secretfile, not both.');
  }
  if (typed !== undefined) {
    return { action: 'set', setting, value: { from: 'argument', text: typed } };
  }
  if (secretfile !== undefined) {
    return { action: 'set', setting, value: { from: 'file', path: secretfile } };
  }
  if (secretenv !== undefined) {
    return { action: 'set', setting, value: { from: 'environment', variable: secretenv } };
  }
  return { action: 'get', setting };
}

function usage(problem: string): ConfigSettingError {
  return new ConfigSettingError(
    'CONFIG_USAGE',
    problem,
    'Usage: bwdc config <setting> [value] [--secretenv VAR | --secretfile FILE], or bwdc config --list.',
  );
}
