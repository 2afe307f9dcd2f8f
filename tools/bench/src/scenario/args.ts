import { SCENARIOS } from './scenarios';

export interface BenchArgs {
  readonly scenario: string;
  readonly runs: number | undefined;
  /** Shell commands measured beside bwdc, each run through `sh -c`. */
  readonly compare: readonly string[];
  readonly json: string | undefined;
  /** The Bitwarden server's request body limit; undefined keeps its default, Kestrel's 30 MB. */
  readonly bodyLimit: number | undefined;
}

export class UsageError extends Error {}

export const USAGE = [
  'usage: npm run bench -- <scenario> [--runs N] [--compare <shell command>]... [--json <file>]',
  '         [--body-limit <bytes>]',
  '       npm run bench -- engine   (the sync engine benchmark, as npm run bench:engine)',
  `scenarios: ${SCENARIOS.map((scenario) => scenario.name).join(', ')}`,
].join('\n');

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let scenario: string | undefined;
  let runs: number | undefined;
  let json: string | undefined;
  let bodyLimit: number | undefined;
  const compare: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    const value = (): string => {
      const next = argv[index + 1];
      if (next === undefined) {
        throw new UsageError(`${arg} needs a value`);
      }
      index += 1;
      return next;
    };
    if (arg === '--runs') {
      runs = Number(value());
      if (!Number.isInteger(runs) || runs < 1) {
        throw new UsageError(`--runs must be a positive integer, got ${argv[index]}`);
      }
    } else if (arg === '--compare') {
      compare.push(value());
    } else if (arg === '--body-limit') {
      bodyLimit = Number(value());
      if (!Number.isInteger(bodyLimit) || bodyLimit < 1) {
        throw new UsageError(`--body-limit must be a positive integer, got ${argv[index]}`);
      }
    } else if (arg === '--json') {
      json = value();
    } else if (arg.startsWith('-') || scenario !== undefined) {
      throw new UsageError(`unexpected argument ${arg}`);
    } else {
      scenario = arg;
    }
  }
  if (scenario === undefined) {
    throw new UsageError('name a scenario');
  }
  return { scenario, runs, compare, json, bodyLimit };
}
