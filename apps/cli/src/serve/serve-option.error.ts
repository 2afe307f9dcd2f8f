import { SyncError } from '@bwdc/core';

/** A `bwdc serve` flag or its environment variable has a value serve cannot use. */
export class ServeOptionError extends SyncError {
  readonly code = 'SERVE_OPTION_INVALID';
  readonly side = 'configuration';

  constructor(option: string, value: string, expected: string) {
    super(
      `The ${option} value '${value}' is not valid: expected ${expected}.`,
      `Fix ${option} (bwdc serve --help lists every option).`,
    );
  }
}
