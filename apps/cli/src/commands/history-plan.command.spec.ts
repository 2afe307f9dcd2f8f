import { NO_RUN_PHASES, type Connector, type PlanReport, type RunRecord } from '@bwdc/core';

import { createProgram } from '../program';

const RUN = (id: string): RunRecord => ({
  id,
  kind: 'sync',
  source: 'cli',
  trigger: 'manual',
  startedAt: '2026-11-26T06:20:00.000Z',
  finishedAt: '2026-11-26T06:20:01.000Z',
  durationMs: 1000,
  outcome: 'unchanged',
  mode: 'delta',
  counts: null,
  batches: 0,
  phases: NO_RUN_PHASES,
  plannedRemovals: null,
  guard: null,
  error: null,
});

/**
 * `bwdc plan` and `bwdc history` through commander, over a stand-in for the Connector that
 * records what it was asked: these specs check the commands' parsing, not the Connector.
 */
function run(args: string[], connector: Partial<Connector>) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exitCodes: number[] = [];
  const parsed = createProgram({
    version: '1.2.3',
    dataFilePath: () => '/data/data.json',
    env: {},
    platform: 'linux',
    color: false,
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    setExitCode: (code) => exitCodes.push(code),
    connector: async () => connector as Connector,
    prompt: () => Promise.reject(new Error('no prompt in these tests')),
    openDataFile: () => Promise.reject(new Error('no data file in these tests')),
    secretStore: () => {
      throw new Error('no secret store in these tests');
    },
  })
    .exitOverride()
    .parseAsync(['node', 'bwdc', ...args]);
  return { stdout, stderr, exitCodes, parsed };
}

describe('bwdc history', () => {
  const history = async () => [RUN('c'), RUN('b'), RUN('a')];

  it('keeps only the newest runs with --limit', async () => {
    const { stdout, parsed } = run(['--response', 'history', '--limit', '2'], { history });
    await parsed;

    const envelope = JSON.parse(stdout.join('')) as { data: { runs: RunRecord[] } };
    expect(envelope.data.runs.map((record) => record.id)).toEqual(['c', 'b']);
  });

  it.each(['0', '-1', 'ten', '2.5'])('refuses --limit %s, saying what it takes', async (limit) => {
    const { stderr, exitCodes, parsed } = run(['history', '--limit', limit], { history });
    await parsed;

    expect(stderr.join('')).toBe(
      `Invalid --limit "${limit}": not a whole number of runs. Give a number of 1 or more, e.g. bwdc history --limit 20.\n`,
    );
    expect(exitCodes).toEqual([1]);
  });
});

describe('bwdc plan', () => {
  it('asks the Connector to plan a whole read only with --force', async () => {
    const asked: unknown[] = [];
    const plan = async (options: unknown) => {
      asked.push(options);
      throw new Error('stop here');
    };

    await run(['plan'], { plan } as Partial<Connector>).parsed;
    await run(['plan', '--force'], { plan } as Partial<Connector>).parsed;

    expect(asked).toEqual([{ force: false }, { force: true }]);
  });

  it('puts the whole report in the envelope under object "plan"', async () => {
    const report = { mode: 'full', outcome: 'unchanged' } as unknown as PlanReport;
    const { stdout, parsed } = run(['--response', 'plan'], { plan: async () => report });
    await parsed;

    expect(JSON.parse(stdout.join(''))).toEqual({
      success: true,
      data: { object: 'plan', mode: 'full', outcome: 'unchanged' },
    });
  });
});
