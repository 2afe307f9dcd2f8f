import type { Connector, SecretStore } from '@bwdc/core';
import type { DataFileStore } from '@bwdc/storage';
import { Command } from 'commander';

import { registerClearCacheCommand } from './commands/clear-cache.command';
import { registerConfigCommand } from './config/config.command';
import { registerProfileCommand } from './profile/profile.command';
import { registerServeCommand } from './serve/serve.command';
import type { ServiceHost } from './serve/service-host';
import type { CommandContext } from './commands/command-context';
import { registerLastSyncCommand } from './commands/last-sync.command';
import { registerLoginCommand } from './commands/login.command';
import { registerLogoutCommand } from './commands/logout.command';
import { registerHistoryCommand } from './commands/history.command';
import { registerPlanCommand } from './commands/plan.command';
import { registerSyncCommand } from './commands/sync.command';
import { registerTestCommand } from './commands/test.command';

import {
  errorResponse,
  outputOptions,
  renderResponseStreamed,
  stringResponse,
  type CliResponse,
  type GlobalFlags,
} from './output';
import { progressLine } from './output/progress-line';

export interface ProgramDependencies {
  readonly version: string;
  readonly dataFilePath: () => string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  /** Whether stdout is a terminal that shows colours. */
  readonly color: boolean;
  /** Whether stderr is a terminal, where a progress line helps rather than litters. */
  readonly stderrIsTerminal?: boolean;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly setExitCode: (code: number) => void;
  /** The Connector over the data file, the secret store and the providers; built on first use. */
  readonly connector: () => Promise<Connector>;
  readonly prompt: CommandContext['prompt'];
  /** The data file and the secret store over it, for `config`. */
  readonly openDataFile: () => Promise<DataFileStore>;
  readonly secretStore: (store: DataFileStore) => SecretStore;
  /** The process `bwdc serve` runs in (signals, log output, a Connector as the service). */
  readonly service?: ServiceHost;
}

/**
 * The `bwdc` command tree. Each verb parses its input into a call of the Connector and returns a
 * response; `respond` is the one place that prints and sets the exit code.
 */
export function createProgram(dependencies: ProgramDependencies): Command {
  const program = new Command('bwdc')
    .description('Sync members and groups from your directory to a Bitwarden organization.')
    .version(dependencies.version, '-v, --version')
    .option('--response', 'Print the result, errors included, as upstream’s JSON envelope.')
    .option('--pretty', 'Indent JSON output.')
    .option('--raw', 'Print only the raw value of a message.')
    .option('--quiet', 'Print nothing on stdout.')
    .option('--cleanexit', 'Exit with 0 even when the command fails.')
    .option('--nointeraction', 'Never prompt for input.');

  const respond = async (run: () => Promise<CliResponse> | CliResponse): Promise<void> => {
    let response: CliResponse;
    try {
      response = await run();
    } catch (error) {
      response = errorResponse(error);
      if (dependencies.env['BITWARDENCLI_CONNECTOR_DEBUG'] === 'true' && error instanceof Error) {
        dependencies.stderr(`${error.stack ?? error.message}\n`);
      }
    }
    const options = outputOptions(program.opts<GlobalFlags>(), dependencies.env);
    const rendered = renderResponseStreamed(response, options, dependencies);
    for (const piece of rendered.stdout) {
      dependencies.stdout(piece);
    }
    if (rendered.stderr !== '') {
      dependencies.stderr(rendered.stderr);
    }
    dependencies.setExitCode(rendered.exitCode);
  };

  const context: CommandContext = {
    connector: dependencies.connector,
    env: dependencies.env,
    prompt: dependencies.prompt,
    outputOptions: () => outputOptions(program.opts<GlobalFlags>(), dependencies.env),
    respond,
    progress: () => {
      const options = outputOptions(program.opts<GlobalFlags>(), dependencies.env);
      return dependencies.stderrIsTerminal === true && !options.quiet && !options.response
        ? progressLine(dependencies.stderr)
        : undefined;
    },
  };
  for (const register of [
    registerLoginCommand,
    registerLogoutCommand,
    registerTestCommand,
    registerPlanCommand,
    registerSyncCommand,
    registerHistoryCommand,
    registerLastSyncCommand,
    registerClearCacheCommand,
  ]) {
    register(program, context);
  }
  registerConfigCommand(program, {
    store: dependencies.openDataFile,
    secrets: dependencies.secretStore,
    env: dependencies.env,
    respond,
  });
  registerProfileCommand(program, { store: dependencies.openDataFile, respond });
  registerServeCommand(program, {
    version: dependencies.version,
    env: dependencies.env,
    service: dependencies.service,
    openDataFile: dependencies.openDataFile,
    respond,
    setExitCode: dependencies.setExitCode,
  });

  program
    .command('data-file')
    .description('Print the path of the data file the CLI and the desktop app share.')
    .action(() => respond(() => stringResponse(dependencies.dataFilePath())));

  return program;
}
