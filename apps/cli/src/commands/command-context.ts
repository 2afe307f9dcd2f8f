import type { Connector } from '@bwdc/core';
import type { Command } from 'commander';

import type { CliResponse, OutputOptions } from '../output';
import type { ProgressLine } from '../output/progress-line';

/** What every command is given: the Connector (built on first use), input, and the one printer. */
export interface CommandContext {
  readonly connector: () => Promise<Connector>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Asks on the terminal; `secret` answers are not echoed. */
  readonly prompt: (question: string, options: { readonly secret: boolean }) => Promise<string>;
  readonly outputOptions: () => OutputOptions;
  readonly respond: (run: () => Promise<CliResponse> | CliResponse) => Promise<void>;
  /** A progress line for a long read, when stderr is a terminal and output is not quiet. */
  readonly progress: () => ProgressLine | undefined;
}

export type RegisterCommand = (program: Command, context: CommandContext) => void;
