import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

import { runCommand } from './processes';
import type { Releasable } from './teardown';

const ATTEMPTS = 3;
/** `bwad-<pid of the test process>-<random>`: also the name of the start's temporary folder. */
const NAME = /^bwad-(\d+)-[0-9a-f]{6}$/;

/**
 * A network namespace of our own, with only loopback up. Samba's LDAP server always binds
 * 389/636 (and 3268/3269); inside a fresh namespace those ports are free, invisible from the host
 * and private to this start, so several DCs (one per jest worker) can run side by side.
 */
export interface NetworkNamespace extends Releasable {
  readonly namespace: string;
  /** `ip netns exec <name>` as a command prefix. */
  readonly exec: readonly string[];
}

/** Processes still inside the namespace: `ip netns del` would not end them. */
async function pidsIn(namespace: string): Promise<number[]> {
  const { stdout } = await runCommand('ip', ['netns', 'pids', namespace]);
  return stdout.split(/\s+/).filter(Boolean).map(Number);
}

function pidsInSync(namespace: string): number[] {
  return execFileSync('ip', ['netns', 'pids', namespace], { encoding: 'utf8' })
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
}

function killAll(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function deleteNamespace(namespace: string): Promise<void> {
  // The owned processes are stopped before this runs; anything left is a straggler (a forked
  // relay child, or samba of a killed test run) and would outlive the namespace's deletion.
  killAll(await pidsIn(namespace).catch(() => []));
  await runCommand('ip', ['netns', 'del', namespace]);
}

/**
 * Namespaces of earlier starts whose test process is gone (killed with SIGKILL, say, so that
 * neither stop() nor the exit hook ran). Their samba has ended by itself (--maximum-runtime) or
 * ends now. Returns their names, which are also the names of their temporary folders.
 */
export async function sweepStaleNamespaces(): Promise<string[]> {
  const { stdout } = await runCommand('ip', ['netns', 'list']);
  const stale = stdout
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => {
      const owner = NAME.exec(name)?.[1];
      return owner !== undefined && !alive(Number(owner));
    });
  await Promise.all(stale.map((name) => deleteNamespace(name).catch(() => undefined)));
  return stale;
}

export async function createNamespace(): Promise<NetworkNamespace> {
  let lastError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const namespace = `bwad-${process.pid}-${randomBytes(3).toString('hex')}`;
    try {
      await runCommand('ip', ['netns', 'add', namespace]);
    } catch (error) {
      // Only a name clash is worth another try; anything else (not root...) fails the same way.
      lastError = error;
      if (/exists/i.test(String(error))) {
        continue;
      }
      throw error;
    }
    const item: NetworkNamespace = {
      name: `network namespace ${namespace}`,
      namespace,
      exec: ['ip', 'netns', 'exec', namespace],
      release: () => deleteNamespace(namespace),
      releaseSync: () => {
        killAll(pidsInSync(namespace));
        execFileSync('ip', ['netns', 'del', namespace], { stdio: 'ignore' });
      },
    };
    try {
      await runCommand('ip', ['-n', namespace, 'link', 'set', 'lo', 'up']);
    } catch (error) {
      await item.release();
      throw error;
    }
    return item;
  }
  throw lastError;
}
