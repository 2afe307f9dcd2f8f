import { existsSync } from 'node:fs';

import type { SambaAdOptions } from './start-samba-ad';
import { adTestDirectoryLdif } from './test-directory';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE =
  'usage: samba-ad [--test-directory] [--seed <file.ldif>]... [--max-runtime <seconds>]   (stop with Ctrl-C / SIGTERM)';

export function parseCliArgs(argv: readonly string[]): SambaAdOptions {
  const files: string[] = [];
  let testDirectory = false;
  let maxRuntimeSeconds: number | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    if (flag === '--test-directory') {
      testDirectory = true;
      continue;
    }
    if (flag !== '--seed' && flag !== '--max-runtime') {
      throw new UsageError(`unknown argument "${flag}"`);
    }
    const value = argv[index + 1];
    if (value === undefined) {
      throw new UsageError(`${flag} needs a value`);
    }
    index += 1;
    if (flag === '--seed') {
      if (!existsSync(value)) {
        throw new UsageError(`--seed: cannot read ${value}`);
      }
      files.push(value);
    } else {
      maxRuntimeSeconds = Number(value);
      if (!Number.isInteger(maxRuntimeSeconds) || maxRuntimeSeconds < 1) {
        throw new UsageError('--max-runtime must be a positive integer');
      }
    }
  }
  return {
    // The standard directory goes first, so --seed files can build on it.
    seed: { files, ...(testDirectory ? { ldif: adTestDirectoryLdif() } : {}) },
    ...(maxRuntimeSeconds === undefined ? {} : { maxRuntimeSeconds }),
  };
}
