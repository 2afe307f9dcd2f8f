import { Command } from 'commander';

export interface ProgramDependencies {
  readonly version: string;
  readonly dataFilePath: () => string;
  readonly write: (text: string) => void;
}

/**
 * The `bwdc` command tree. The CLI issue adds upstream's verbs; for now it answers `--version`
 * and `data-file`, which need no Connector.
 */
export function createProgram(dependencies: ProgramDependencies): Command {
  const program = new Command('bwdc')
    .description('Sync members and groups from your directory to a Bitwarden organization.')
    .version(dependencies.version, '-v, --version');

  program
    .command('data-file')
    .description('Print the path of the data file the CLI and the desktop app share.')
    .action(() => dependencies.write(`${dependencies.dataFilePath()}\n`));

  return program;
}
