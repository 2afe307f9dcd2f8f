import { DataFileStore, createSecretStore } from '@bwdc/storage';

import { openConnector, stderrLogger } from './connector-factory';
import { createProgram } from './program';

export interface BwdcRun {
  readonly stdout: string;
  readonly stderr: string;
  /** -1 when the command never set one. */
  readonly exitCode: number;
}

export interface BwdcInvocation {
  readonly dataFile: string;
  readonly env: Readonly<Record<string, string>>;
  readonly args: readonly string[];
  /** Whether stderr counts as a terminal (for the progress line). */
  readonly terminal?: boolean;
  /** For `serve`: aborting it stops the service as SIGTERM would. */
  readonly stop?: AbortSignal;
}

/**
 * `bwdc` in this process, through commander, wired as main.ts wires it (the real Connector, data
 * file and secret store) but with the given data file and environment, and no prompt.
 */
export async function runBwdc(invocation: BwdcInvocation): Promise<BwdcRun> {
  const { dataFile, env } = invocation;
  const stdout: string[] = [];
  const stderr: string[] = [];
  let exitCode = -1;
  await createProgram({
    version: '1.2.3',
    dataFilePath: () => dataFile,
    env,
    platform: 'linux',
    color: false,
    stderrIsTerminal: invocation.terminal === true,
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    setExitCode: (code) => {
      exitCode = code;
    },
    connector: () =>
      openConnector({
        dataFilePath: dataFile,
        env,
        platform: 'linux',
        version: '1.2.3',
        logger: stderrLogger(env, (text) => stderr.push(text)),
      }),
    prompt: async (question) => {
      throw new Error(`unexpected prompt: ${question}`);
    },
    openDataFile: () => DataFileStore.open({ file: dataFile }),
    secretStore: (store) => createSecretStore(env, store),
    service: {
      openConnector: (logger) =>
        openConnector({
          dataFilePath: dataFile,
          env,
          platform: 'linux',
          version: '1.2.3',
          logger,
          source: 'service',
        }),
      onStopSignal: (listener) => {
        const stop = (): void => listener('SIGTERM');
        invocation.stop?.addEventListener('abort', stop, { once: true });
        return () => invocation.stop?.removeEventListener('abort', stop);
      },
      exit: (code) => {
        throw new Error(`serve tried to end the test process with exit code ${code}`);
      },
      writeLog: (line) => stdout.push(line),
      logIsTerminal: false,
      hostname: 'bwdc-test-host',
    },
  })
    .exitOverride()
    .parseAsync(['node', 'bwdc', ...invocation.args]);
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode };
}
