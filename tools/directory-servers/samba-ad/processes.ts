import type { ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const STOP_TIMEOUT_MS = 5_000;

export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** A failed command; `output` is the tail of its stderr (or stdout), where tools say why. */
export class CommandError extends Error {
  override readonly name = 'CommandError';

  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/** Runs a command to completion; rejects with a CommandError. */
export function runCommand(
  file: string,
  args: readonly string[],
  options: { timeoutMs?: number } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { maxBuffer: 64 * 1024 * 1024, timeout: options.timeoutMs ?? 0, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ stdout, stderr });
          return;
        }
        const output = (stderr || stdout).trim().split('\n').slice(-20).join('\n') || error.message;
        reject(
          new CommandError(`${path.basename(file)} ${args.join(' ')} failed: ${output}`, output),
        );
      },
    );
  });
}

export function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** SIGTERM, then SIGKILL if the process has not gone after a few seconds. */
export async function terminate(child: ChildProcess): Promise<void> {
  if (exited(child)) {
    return;
  }
  child.kill('SIGTERM');
  if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
    child.kill('SIGKILL');
    await waitForExit(child, STOP_TIMEOUT_MS);
  }
}

/** The last lines of a log file, for error messages. */
export function logTail(logPath: string, lines = 20): string {
  try {
    const text = readFileSync(logPath, 'utf8').trimEnd();
    return text === '' ? '(empty)' : text.split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
