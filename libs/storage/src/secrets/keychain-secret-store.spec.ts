import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import * as path from 'node:path';

import { SyncError } from '@bwdc/core';

import { KeychainError } from './keychain-error';
import {
  KEYCHAIN_SERVICE_NAME,
  KeychainSecretStore,
  windowsTargetName,
} from './keychain-secret-store';
import type {
  KeychainTestError,
  KeychainTestRequest,
  KeychainTestResponse,
} from './keychain-test-worker';
import {
  ensureTestSystemPackages,
  isolatedEnv,
  makeSessionFolder,
  startSecretService,
  type SecretServiceSession,
} from './secret-service-test-session';
import { SecretStoreUnavailableError } from './secret-store-unavailable.error';

const workspaceRoot = path.resolve(__dirname, '../../../..');
const workerScript = path.join(__dirname, 'keychain-test-worker.ts');
const REQUEST_TIMEOUT_MS = 10_000;
const SETUP_TIMEOUT_MS = 60_000;
const PLAINTEXT_OPTION = 'BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS=true';

// The Secret Service is Linux's keychain; elsewhere these tests would reach the real OS keychain.
const describeOnLinux = process.platform === 'linux' ? describe : describe.skip;

// Distributes over the union so each request shape keeps its own fields.
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Request = WithoutId<KeychainTestRequest>;
type Outcome =
  | { readonly ok: true; readonly value: string | null }
  | { readonly ok: false; readonly error: KeychainTestError };

/** A KeychainSecretStore in a child process that sees only the given environment's bus. */
class StoreWorker {
  private nextId = 1;
  private readonly pending = new Map<number, (outcome: Outcome) => void>();
  private readonly child: ChildProcess;
  private stderr = '';

  private constructor(env: NodeJS.ProcessEnv, service: string) {
    this.child = fork(workerScript, [service], {
      cwd: workspaceRoot,
      env,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.child.on('message', (message: KeychainTestResponse) => {
      if ('id' in message) {
        this.pending.get(message.id)?.(message);
        this.pending.delete(message.id);
      }
    });
  }

  static async start(env: NodeJS.ProcessEnv, service: string): Promise<StoreWorker> {
    const worker = new StoreWorker(env, service);
    await worker.within(
      new Promise<void>((resolve, reject) => {
        worker.child.on('message', (message: KeychainTestResponse) => {
          if ('ready' in message) {
            resolve();
          }
        });
        worker.child.once('exit', (code) => {
          reject(new Error(`keychain worker exited (${String(code)}): ${worker.stderr}`));
        });
      }),
      'start',
    );
    return worker;
  }

  async request(request: Request): Promise<Outcome> {
    const id = this.nextId;
    this.nextId += 1;
    const answer = new Promise<Outcome>((resolve) => this.pending.set(id, resolve));
    this.child.send({ ...request, id });
    return this.within(answer, request.op);
  }

  /** The value, or throws with the worker's error so a failed expectation shows why. */
  async value(request: Request): Promise<string | null> {
    const outcome = await this.request(request);
    if (!outcome.ok) {
      throw new Error(`${request.op} failed: ${outcome.error.name}: ${outcome.error.message}`);
    }
    return outcome.value;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = once(this.child, 'exit');
      this.child.kill('SIGKILL');
      await exited;
    }
  }

  private async within<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`keychain worker: ${what} took over ${REQUEST_TIMEOUT_MS} ms`));
      }, REQUEST_TIMEOUT_MS);
    });
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function uniqueService(): string {
  return `bwdc-test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

describe('KeychainSecretStore', () => {
  it('uses upstream service name unless told otherwise', () => {
    expect(new KeychainSecretStore().service).toBe('Bitwarden Directory Connector');
    expect(KEYCHAIN_SERVICE_NAME).toBe('Bitwarden Directory Connector');
    expect(new KeychainSecretStore({ service: 'other' }).service).toBe('other');
  });

  it('names Windows credentials <service>/<account>, as upstream does', () => {
    expect(windowsTargetName(KEYCHAIN_SERVICE_NAME, 'apiKeyClientSecret')).toBe(
      'Bitwarden Directory Connector/apiKeyClientSecret',
    );
  });

  it('reports a missing keychain as a SyncError that names the plaintext option', () => {
    const error = new SecretStoreUnavailableError('DBus error: no socket');

    expect(error).toBeInstanceOf(SyncError);
    expect(error.code).toBe('SECRET_STORE_UNAVAILABLE');
    expect(error.side).toBe('configuration');
    expect(error.name).toBe('SecretStoreUnavailableError');
    expect(error.message).toContain('No OS keychain is available on this machine');
    expect(error.message).toContain('DBus error: no socket');
    expect(error.remedy).toContain(PLAINTEXT_OPTION);
  });

  it('reports a failed keychain operation naming the operation and the key', () => {
    const error = new KeychainError('remove', 'secretLdap:1', 'svc', 'locked');

    expect(error).toBeInstanceOf(SyncError);
    expect(error.code).toBe('SECRET_STORE_FAILED');
    expect(error.message).toBe(
      'The OS keychain could not delete the secret "secretLdap:1" (service "svc"): locked',
    );
  });
});

describeOnLinux('KeychainSecretStore with a real Secret Service', () => {
  let session: SecretServiceSession | undefined;
  let worker: StoreWorker;

  beforeAll(async () => {
    await ensureTestSystemPackages();
    session = await startSecretService();
    worker = await StoreWorker.start(session.env, uniqueService());
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await worker?.stop();
    await session?.stop();
  });

  it('stores, reads, overwrites and deletes a secret', async () => {
    const key = 'apiKeyClientSecret';
    await worker.value({ op: 'set', key, value: 'first-secret' });
    expect(await worker.value({ op: 'get', key })).toBe('first-secret');

    await worker.value({ op: 'set', key, value: 'second-secret' });
    expect(await worker.value({ op: 'get', key })).toBe('second-secret');

    await worker.value({ op: 'remove', key });
    expect(await worker.value({ op: 'get', key })).toBeNull();
  });

  it('answers null for a key that was never stored', async () => {
    expect(await worker.value({ op: 'get', key: 'never-stored' })).toBeNull();
  });

  it('treats removing a missing entry as done', async () => {
    await expect(worker.value({ op: 'remove', key: 'secretLdap:missing' })).resolves.toBeNull();
  });

  it('keeps each key apart', async () => {
    await worker.value({ op: 'set', key: 'secretLdap:a', value: 'a' });
    await worker.value({ op: 'set', key: 'secretLdap:b', value: 'b' });

    expect(await worker.value({ op: 'get', key: 'secretLdap:a' })).toBe('a');
    expect(await worker.value({ op: 'get', key: 'secretLdap:b' })).toBe('b');
  });

  it('round-trips unicode, newlines, quotes and an empty string', async () => {
    const value = 'pässwörd 🔑 "quoted" \\ back\nsecond line\r\n\ttab';
    await worker.value({ op: 'set', key: 'unicode', value });
    expect(await worker.value({ op: 'get', key: 'unicode' })).toBe(value);

    await worker.value({ op: 'set', key: 'empty', value: '' });
    expect(await worker.value({ op: 'get', key: 'empty' })).toBe('');
  });

  it('stores the value JSON-encoded, as upstream did', async () => {
    await worker.value({ op: 'set', key: 'encoded', value: 'say "hi"' });

    expect(await worker.value({ op: 'get-raw', key: 'encoded' })).toBe('"say \\"hi\\""');
  });

  it('reads an entry upstream wrote (JSON-encoded) back as the plain string', async () => {
    await worker.value({ op: 'set-raw', key: 'secretLdap:upstream', value: '"upstream-secret"' });

    expect(await worker.value({ op: 'get', key: 'secretLdap:upstream' })).toBe('upstream-secret');
  });

  it('returns the stored text as is when another tool wrote something that is not a JSON string', async () => {
    await worker.value({ op: 'set-raw', key: 'plain', value: 'not json' });
    await worker.value({ op: 'set-raw', key: 'number', value: '12345' });
    await worker.value({ op: 'set-raw', key: 'object', value: '{"a":1}' });

    expect(await worker.value({ op: 'get', key: 'plain' })).toBe('not json');
    expect(await worker.value({ op: 'get', key: 'number' })).toBe('12345');
    expect(await worker.value({ op: 'get', key: 'object' })).toBe('{"a":1}');
  });
});

describeOnLinux('KeychainSecretStore without a Secret Service', () => {
  const SECRET = 'value-that-must-not-leak';
  const cases: { name: string; env: () => Promise<NodeJS.ProcessEnv> }[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const workers = new Map<string, StoreWorker>();

  const useFolder = async (): Promise<string> => {
    const folder = await makeSessionFolder();
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    return folder;
  };
  cases.push(
    { name: 'no session bus at all', env: async () => isolatedEnv(await useFolder()) },
    {
      name: 'a bus address with no socket behind it',
      env: async () => {
        const folder = await useFolder();
        return isolatedEnv(folder, `unix:path=${path.join(folder, 'run', 'no-such-bus')}`);
      },
    },
    {
      name: 'a session bus where nothing provides org.freedesktop.secrets',
      env: async () => {
        const session = await startSecretService({ keyring: 'absent' });
        cleanups.push(() => session.stop());
        return session.env;
      },
    },
  );

  beforeAll(async () => {
    await ensureTestSystemPackages();
    await Promise.all(
      cases.map(async ({ name, env }) => {
        workers.set(name, await StoreWorker.start(await env(), uniqueService()));
      }),
    );
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all([...workers.values()].map((worker) => worker.stop()));
    await Promise.all(cleanups.map((cleanup) => cleanup()));
  });

  describe.each(cases.map(({ name }) => name))('with %s', (name) => {
    it.each<Request>([
      { op: 'get', key: 'apiKeyClientSecret' },
      { op: 'set', key: 'apiKeyClientSecret', value: SECRET },
      { op: 'remove', key: 'apiKeyClientSecret' },
    ])('$op rejects with SecretStoreUnavailableError', async (request) => {
      const worker = workers.get(name);
      if (worker === undefined) {
        throw new Error(`no worker for ${name}`);
      }

      const outcome = await worker.request(request);

      expect(outcome).toMatchObject({
        ok: false,
        error: {
          kind: 'unavailable',
          name: 'SecretStoreUnavailableError',
          code: 'SECRET_STORE_UNAVAILABLE',
        },
      });
      if (!outcome.ok) {
        expect(outcome.error.message).toContain('No OS keychain is available on this machine');
        expect(outcome.error.message).toMatch(/DBus error/);
        expect(outcome.error.remedy).toContain(PLAINTEXT_OPTION);
        expect(`${outcome.error.message} ${outcome.error.remedy}`).not.toContain(SECRET);
      }
    });
  });
});

describeOnLinux('KeychainSecretStore with a keyring that has no default collection', () => {
  let session: SecretServiceSession | undefined;
  let worker: StoreWorker;

  beforeAll(async () => {
    await ensureTestSystemPackages();
    session = await startSecretService({ keyring: 'no-login-keyring' });
    worker = await StoreWorker.start(session.env, uniqueService());
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await worker?.stop();
    await session?.stop();
  });

  it('names the operation and the key when storing fails, never the value', async () => {
    const outcome = await worker.request({
      op: 'set',
      key: 'secretLdap:42',
      value: 'value-that-must-not-leak',
    });

    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'keychain', name: 'KeychainError', code: 'SECRET_STORE_FAILED' },
    });
    if (!outcome.ok) {
      expect(outcome.error.message).toMatch(
        /^The OS keychain could not store the secret "secretLdap:42" \(service "bwdc-test-/,
      );
      expect(`${outcome.error.message} ${outcome.error.remedy}`).not.toContain(
        'value-that-must-not-leak',
      );
    }
  });
});
