/**
 * A private, throwaway Secret Service for tests: a session dbus-daemon listening on a unix socket in
 * a temp folder and gnome-keyring-daemon on it, with HOME and the XDG folders in that temp folder
 * too, so the user's own bus and keyring are never touched. Both daemons are children of the test
 * process and `stop()` waits until they have exited.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '../../../..');
const ensurePackagesScript = path.join(
  workspaceRoot,
  'tools/scripts/ensure-test-system-packages.sh',
);

const STARTUP_TIMEOUT_MS = 5000;
const STOP_TIMEOUT_MS = 2000;
// Only protects the throwaway login keyring in the temp folder.
const KEYRING_PASSWORD = 'bwdc-test-keyring';

export interface SecretServiceSessionOptions {
  /**
   * `unlocked` (default): a login keyring exists and is unlocked. `no-login-keyring`: the daemon
   * runs but has no default collection, like one D-Bus started on a headless server. `absent`: the
   * session bus runs but nothing provides org.freedesktop.secrets.
   */
  readonly keyring?: 'unlocked' | 'no-login-keyring' | 'absent';
}

export interface SecretServiceSession {
  /** Environment for a child process that should see only this session's bus and keyring. */
  readonly env: NodeJS.ProcessEnv;
  /** The temp folder; a path inside it is guaranteed not to exist on any other bus. */
  readonly folder: string;
  stop(): Promise<void>;
}

/** Installs dbus and gnome-keyring when missing (as root), or fails saying what to install. */
export async function ensureTestSystemPackages(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    execFile('bash', [ensurePackagesScript], { timeout: 300_000 }, (error, _stdout, stderr) => {
      if (error === null) {
        resolve();
      } else {
        reject(new Error(`${ensurePackagesScript} failed: ${stderr || error.message}`));
      }
    });
  });
}

/** An environment for a child process, with only the given folders and bus. */
export function isolatedEnv(folder: string, busAddress?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: path.join(folder, 'home'),
    XDG_RUNTIME_DIR: path.join(folder, 'run'),
    XDG_DATA_HOME: path.join(folder, 'data'),
    XDG_CONFIG_HOME: path.join(folder, 'config'),
    XDG_CACHE_HOME: path.join(folder, 'cache'),
  };
  // Without an address libdbus would look for $XDG_RUNTIME_DIR/bus or try X11 autolaunch; the
  // temp XDG_RUNTIME_DIR has no bus and DISPLAY goes, so "unset" really means "no bus".
  delete env['DBUS_SESSION_BUS_ADDRESS'];
  delete env['DISPLAY'];
  delete env['WAYLAND_DISPLAY'];
  if (busAddress !== undefined) {
    env['DBUS_SESSION_BUS_ADDRESS'] = busAddress;
  }
  return env;
}

/** A temp folder laid out like a user's, for environments without a bus. */
export async function makeSessionFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'bwdc-keychain-'));
  await mkdir(path.join(folder, 'run'), { mode: 0o700 });
  await mkdir(path.join(folder, 'services'));
  return folder;
}

export async function startSecretService(
  options: SecretServiceSessionOptions = {},
): Promise<SecretServiceSession> {
  const keyring = options.keyring ?? 'unlocked';
  const folder = await makeSessionFolder();
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(children.reverse().map(stopChild));
    await rm(folder, { recursive: true, force: true });
  };

  try {
    const config = path.join(folder, 'session.conf');
    await writeFile(config, busConfig(folder));
    const bus = spawn(
      'dbus-daemon',
      [`--config-file=${config}`, '--nofork', '--nopidfile', '--print-address=1'],
      { env: isolatedEnv(folder), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(bus);
    const address = await firstLine(bus, 'dbus-daemon');
    const env = isolatedEnv(folder, address);

    if (keyring !== 'absent') {
      const daemon = spawn(
        'gnome-keyring-daemon',
        ['--foreground', '--components=secrets', ...(keyring === 'unlocked' ? ['--unlock'] : [])],
        { env, stdio: ['pipe', 'ignore', 'pipe'] },
      );
      children.push(daemon);
      // --unlock reads the password up to EOF; an empty one creates no login keyring at all.
      daemon.stdin?.end(keyring === 'unlocked' ? KEYRING_PASSWORD : '');
      await waitForSecretService(env, daemon, keyring === 'unlocked');
    }
    return { env, folder, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A session bus with no service activation: nothing starts behind the test's back. */
function busConfig(folder: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${path.join(folder, 'run')}</listen>
  <auth>EXTERNAL</auth>
  <servicedir>${path.join(folder, 'services')}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

function firstLine(child: ChildProcess, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    const timer = setTimeout(() => {
      finish(new Error(`${name} printed nothing within ${STARTUP_TIMEOUT_MS} ms: ${errors}`));
    }, STARTUP_TIMEOUT_MS);
    const finish = (error: Error | null, line?: string): void => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', finish);
      if (error === null && line !== undefined) {
        resolve(line);
      } else {
        reject(error ?? new Error(`${name} gave no output`));
      }
    };
    const onExit = (code: number | null): void => {
      finish(new Error(`${name} exited (${String(code)}) before it was ready: ${errors}`));
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const end = output.indexOf('\n');
      if (end >= 0) {
        finish(null, output.slice(0, end).trim());
      }
    });
    child.once('exit', onExit);
    child.once('error', finish);
  });
}

/** Ready means the bus name is owned and, when expected, the default collection exists. */
async function waitForSecretService(
  env: NodeJS.ProcessEnv,
  daemon: ChildProcess,
  needsCollection: boolean,
): Promise<void> {
  let errors = '';
  daemon.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  daemon.on('error', (error) => {
    errors += error.message;
  });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline) {
    if (daemon.pid === undefined || daemon.exitCode !== null || daemon.signalCode !== null) {
      throw new Error(`gnome-keyring-daemon exited before it was ready: ${errors}`);
    }
    last = await dbusSend(env, [
      '--dest=org.freedesktop.secrets',
      '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service.ReadAlias',
      'string:default',
    ]);
    if (needsCollection ? last.includes('/collection/') : last.includes('object path')) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `gnome-keyring-daemon was not ready within ${STARTUP_TIMEOUT_MS} ms (${last}): ${errors}`,
  );
}

function dbusSend(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      'dbus-send',
      ['--session', '--print-reply', '--reply-timeout=1000', ...args],
      { env, timeout: 2000 },
      (error, stdout, stderr) => {
        resolve(error === null ? stdout : `${stderr}${error.message}`);
      },
    );
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}
