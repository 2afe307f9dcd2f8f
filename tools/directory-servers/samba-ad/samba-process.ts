import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import * as path from 'node:path';

import { exited, logTail, terminate } from './processes';
import type { Releasable } from './teardown';

export interface SambaProcess extends Releasable {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Whether samba has exited (start-up failure, --maximum-runtime, a crash). */
  exited(): boolean;
  /** Samba's own log and its stdout/stderr, for error messages. */
  logs(): string;
  /** Resolves with the spawn error, if spawning failed. */
  readonly spawnError: Promise<Error>;
}

/**
 * Starts samba inside the namespace. `ip netns exec` execs, so the child is samba itself.
 * - -F: foreground, so the child stays samba and start-up errors reach its log; stdin from
 *   /dev/null (never -i: interactive mode exits on EOF);
 * - -M single: one process instead of the prefork pool: less memory, faster start;
 * - --maximum-runtime: samba exits by itself after that many seconds, should stop() never run;
 * - -l: the log directory, else /var/log/samba gets a log.samba.
 */
export function startSamba(input: {
  readonly exec: readonly string[];
  readonly samba: string;
  readonly smbConf: string;
  readonly logDir: string;
  readonly maxRuntimeSeconds: number;
}): SambaProcess {
  const [command, ...prefix] = input.exec;
  if (command === undefined) {
    throw new Error('empty namespace command prefix');
  }
  const outPath = path.join(input.logDir, 'samba.out');
  const out = openSync(outPath, 'a');
  const child = spawn(
    command,
    [
      ...prefix,
      input.samba,
      '-s',
      input.smbConf,
      '-F',
      '-M',
      'single',
      `--maximum-runtime=${input.maxRuntimeSeconds}`,
      '-l',
      input.logDir,
    ],
    { stdio: ['ignore', out, out] },
  );
  closeSync(out);
  return {
    name: `samba (pid ${child.pid ?? '?'})`,
    child,
    pid: child.pid ?? -1,
    exited: () => exited(child),
    logs: () =>
      `${logTail(path.join(input.logDir, 'log.samba'))}\n--- samba stdout/stderr:\n${logTail(outPath)}`,
    spawnError: new Promise<Error>((resolve) => child.once('error', resolve)),
    release: () => terminate(child),
    releaseSync: () => {
      child.kill('SIGKILL');
    },
  };
}
