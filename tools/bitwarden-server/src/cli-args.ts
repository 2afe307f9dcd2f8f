import { readFileSync } from 'node:fs';

import type { BitwardenServerOptions } from './http-server';
import { validateSeed } from './seed';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE =
  'usage: bitwarden-server --port <port> --seed <file.json> [--host 127.0.0.1] ' +
  '[--token-lifetime <seconds>] [--tls-key <file> --tls-cert <file>] [--body-limit <bytes>] ' +
  '[--page-size <n>]';

const FLAGS = [
  '--port',
  '--seed',
  '--host',
  '--token-lifetime',
  '--tls-key',
  '--tls-cert',
  '--body-limit',
  '--page-size',
] as const;
type Flag = (typeof FLAGS)[number];

function integer(flag: string, value: string, min: number, max: number): number {
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

function readFile(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${flag}: cannot read ${file}: ${reason}`);
  }
}

/** Turns argv (without node and the script) into server options, or throws a UsageError. */
export function parseCliArgs(argv: readonly string[]): BitwardenServerOptions {
  const values = new Map<Flag, string>();
  for (let index = 0; index < argv.length; index += 2) {
    const flag = argv[index] ?? '';
    const value = argv[index + 1];
    if (!(FLAGS as readonly string[]).includes(flag)) {
      throw new UsageError(`unknown argument "${flag}"`);
    }
    if (value === undefined || value.startsWith('--')) {
      throw new UsageError(`${flag} needs a value`);
    }
    values.set(flag as Flag, value);
  }
  const port = values.get('--port');
  const seedFile = values.get('--seed');
  if (port === undefined) {
    throw new UsageError('--port is required');
  }
  if (seedFile === undefined) {
    throw new UsageError('--seed is required');
  }
  const portNumber = integer('--port', port, 0, 65535);
  let seedJson: unknown;
  try {
    seedJson = JSON.parse(readFile('--seed', seedFile));
  } catch (error) {
    if (error instanceof UsageError) {
      throw error;
    }
    throw new UsageError(`--seed: ${seedFile} is not valid JSON`);
  }
  let seed;
  try {
    seed = validateSeed(seedJson);
  } catch (error) {
    throw new UsageError(`--seed: ${seedFile}: ${error instanceof Error ? error.message : ''}`);
  }
  const options: BitwardenServerOptions = { seed, port: portNumber };
  const host = values.get('--host');
  if (host !== undefined) {
    options.host = host;
  }
  const lifetime = values.get('--token-lifetime');
  if (lifetime !== undefined) {
    options.tokenLifetimeSeconds = integer('--token-lifetime', lifetime, 1, 31_536_000);
  }
  const bodyLimit = values.get('--body-limit');
  if (bodyLimit !== undefined) {
    options.bodyLimitBytes = integer('--body-limit', bodyLimit, 1, Number.MAX_SAFE_INTEGER);
  }
  const pageSize = values.get('--page-size');
  if (pageSize !== undefined) {
    options.pageSize = integer('--page-size', pageSize, 1, 1_000_000);
  }
  const tlsKey = values.get('--tls-key');
  const tlsCert = values.get('--tls-cert');
  if ((tlsKey === undefined) !== (tlsCert === undefined)) {
    throw new UsageError('--tls-key and --tls-cert must be given together');
  }
  if (tlsKey !== undefined && tlsCert !== undefined) {
    options.tls = { key: readFile('--tls-key', tlsKey), cert: readFile('--tls-cert', tlsCert) };
  }
  return options;
}
