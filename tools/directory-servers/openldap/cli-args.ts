import { existsSync } from 'node:fs';

import type { OpenLdapOptions } from './start-openldap';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE =
  'usage: openldap [--seed <file.ldif>]... [--size-limit <n>]   (stop with Ctrl-C / SIGTERM)';

export function parseCliArgs(argv: readonly string[]): OpenLdapOptions {
  const files: string[] = [];
  let sizeLimit: number | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (flag !== '--seed' && flag !== '--size-limit') {
      throw new UsageError(`unknown argument "${flag}"`);
    }
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
      sizeLimit = Number(value);
      if (!Number.isInteger(sizeLimit) || sizeLimit < 1) {
        throw new UsageError('--size-limit must be a positive integer');
      }
    }
  }
  return { seed: { files }, ...(sizeLimit === undefined ? {} : { sizeLimit }) };
}
