import { SyncError } from '@bwdc/core';

/** An option of a command that cannot be used as given; nothing was read or sent. */
export class CommandInputError extends SyncError {
  readonly code = 'COMMAND_INPUT_INVALID';
  readonly side = 'configuration' as const;
}
