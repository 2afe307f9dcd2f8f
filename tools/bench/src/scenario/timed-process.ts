import { spawn, type ChildProcess } from 'node:child_process';

/** What GNU time reports for one process (and the children it waited for). */
export interface Timing {
  readonly wallSeconds: number;
  /** User plus system CPU time. */
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
}

export const GNU_TIME = '/usr/bin/time';
const FORMAT = '%e %U %S %M';
const TIMING_LINE = /^(\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+)$/;
/** Enough of stderr to explain a failure; GNU time's line is always the last. */
const STDERR_KEPT = 64 * 1024;

/** Children still running, so that cleanup after a failure or Ctrl-C can end them. */
export const runningChildren = new Set<ChildProcess>();

export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Where stdout goes; by default /dev/null, so that writing it costs as little as possible. */
  readonly captureStdout?: boolean;
}

export interface RunResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command asynchronously: the benchmark's Bitwarden server lives in this process, so a
 * synchronous spawn would stop it from answering the command it waits for.
 */
export function run(command: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const [file, ...args] = command;
  if (file === undefined) {
    return Promise.reject(new Error('empty command'));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: options.env ?? process.env,
      stdio: ['ignore', options.captureStdout === true ? 'pipe' : 'ignore', 'pipe'],
    });
    runningChildren.add(child);
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEPT);
    });
    child.once('error', (error) => {
      runningChildren.delete(child);
      reject(error);
    });
    child.once('close', (code, signal) => {
      runningChildren.delete(child);
      resolve({
        exitCode: code ?? (signal === null ? 1 : 128),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr,
      });
    });
  });
}

/** Runs `command` under GNU time; throws, with the command's stderr, when it fails. */
export async function runTimed(
  command: readonly string[],
  options: RunOptions = {},
): Promise<RunResult & Timing> {
  const result = await run([GNU_TIME, '-f', FORMAT, ...command], options);
  const lines = result.stderr.trimEnd().split('\n');
  const match = TIMING_LINE.exec(lines.at(-1) ?? '');
  if (result.exitCode !== 0 || match === null) {
    throw new Error(
      `${command.join(' ')} exited with ${result.exitCode}:\n${result.stderr.trimEnd()}`,
    );
  }
  return {
    ...result,
    stderr: lines.slice(0, -1).join('\n'),
    wallSeconds: Number(match[1]),
    // Rounded to GNU time's 10 ms steps: the sum of two such figures has float noise.
    cpuSeconds: Math.round((Number(match[2]) + Number(match[3])) * 100) / 100,
    peakRssMb: Number(match[4]) / 1024,
  };
}
