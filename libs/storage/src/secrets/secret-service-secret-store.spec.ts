import { createServer, type Server, type Socket } from 'node:net';
import { rm } from 'node:fs/promises';
import * as path from 'node:path';

import { Message, Variant, sessionBus } from 'dbus-next';

import { KeychainError } from './keychain-error';
import { KEYCHAIN_SERVICE_NAME } from './keychain-secret-store';
import { SecretServiceSecretStore } from './secret-service-secret-store';
import {
  ensureTestSystemPackages,
  makeSessionFolder,
  startSecretService,
  type SecretServiceSession,
} from './secret-service-test-session';
import { SecretStoreUnavailableError } from './secret-store-unavailable.error';

const SETUP_TIMEOUT_MS = 60_000;
const SECRET = 'value-that-must-not-leak';
const UPSTREAM_KEY = 'apiKeyClientSecret';
const GENERIC_SCHEMA = 'org.freedesktop.Secret.Generic';

// The Secret Service is Linux's keychain; elsewhere there is no session bus to test against.
const describeOnLinux = process.platform === 'linux' ? describe : describe.skip;

type Call = (
  objectPath: string,
  iface: string,
  member: string,
  signature: string,
  body: unknown[],
) => Promise<unknown[]>;

function uniqueService(): string {
  return `bwdc-test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function busAddressOf(session: SecretServiceSession): string {
  const address = session.env['DBUS_SESSION_BUS_ADDRESS'];
  if (address === undefined) {
    throw new Error('the test session has no bus address');
  }
  return address;
}

/** Talks to the Secret Service directly, the way upstream's libraries do, behind the store's back. */
async function withSecretService<T>(
  busAddress: string,
  use: (call: Call) => Promise<T>,
): Promise<T> {
  const bus = sessionBus({ busAddress });
  try {
    return await use(async (objectPath, iface, member, signature, body) => {
      const reply = await bus.call(
        new Message({
          destination: 'org.freedesktop.secrets',
          path: objectPath,
          interface: iface,
          member,
          signature,
          body,
        }),
      );
      const replyBody: unknown = reply?.body;
      return Array.isArray(replyBody) ? (replyBody as unknown[]) : [];
    });
  } finally {
    bus.disconnect();
  }
}

function asString(value: unknown): string {
  if (typeof value !== 'string') {
    throw new Error(`expected a string, got ${typeof value}`);
  }
  return value;
}

function asPaths(value: unknown): string[] {
  if (!Array.isArray(value)) {
    throw new Error('expected an array of object paths');
  }
  return value.map(asString);
}

/** Creates an item as keytar / libsecret did for upstream: service + account + xdg:schema. */
async function storeUpstreamItem(
  busAddress: string,
  attributes: Record<string, string>,
  stored: string,
): Promise<void> {
  await withSecretService(busAddress, async (call) => {
    const [, session] = await call(
      '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service',
      'OpenSession',
      'sv',
      ['plain', new Variant('s', '')],
    );
    const [collection] = await call(
      '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service',
      'ReadAlias',
      's',
      ['default'],
    );
    await call(
      asString(collection),
      'org.freedesktop.Secret.Collection',
      'CreateItem',
      'a{sv}(oayays)b',
      [
        {
          'org.freedesktop.Secret.Item.Label': new Variant('s', 'upstream entry'),
          'org.freedesktop.Secret.Item.Attributes': new Variant('a{ss}', attributes),
        },
        [asString(session), Buffer.alloc(0), Buffer.from(stored, 'utf8'), 'text/plain'],
        true,
      ],
    );
  });
}

interface StoredItem {
  readonly attributes: unknown;
  readonly stored: string;
}

/** Every item carrying service + account, with all its attributes and its raw stored text. */
async function findItems(busAddress: string, service: string, key: string): Promise<StoredItem[]> {
  return withSecretService(busAddress, async (call) => {
    const [, session] = await call(
      '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service',
      'OpenSession',
      'sv',
      ['plain', new Variant('s', '')],
    );
    const [unlocked, locked] = await call(
      '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service',
      'SearchItems',
      'a{ss}',
      [{ service, account: key }],
    );
    expect(asPaths(locked)).toEqual([]);
    const items: StoredItem[] = [];
    for (const item of asPaths(unlocked)) {
      const [attributes] = await call(item, 'org.freedesktop.DBus.Properties', 'Get', 'ss', [
        'org.freedesktop.Secret.Item',
        'Attributes',
      ]);
      const [secret] = await call(item, 'org.freedesktop.Secret.Item', 'GetSecret', 'o', [
        asString(session),
      ]);
      const value: unknown = Array.isArray(secret) ? secret[2] : undefined;
      items.push({
        attributes: attributes instanceof Variant ? attributes.value : attributes,
        stored: Buffer.isBuffer(value) ? value.toString('utf8') : '',
      });
    }
    return items;
  });
}

describe('SecretServiceSecretStore', () => {
  it('uses upstream service name unless told otherwise', () => {
    expect(new SecretServiceSecretStore().service).toBe(KEYCHAIN_SERVICE_NAME);
    expect(new SecretServiceSecretStore({ service: 'other' }).service).toBe('other');
  });
});

describeOnLinux('SecretServiceSecretStore with a real Secret Service', () => {
  let session: SecretServiceSession | undefined;
  let busAddress: string;
  let service: string;
  let store: SecretServiceSecretStore;

  beforeAll(async () => {
    await ensureTestSystemPackages();
    session = await startSecretService();
    busAddress = busAddressOf(session);
    service = uniqueService();
    store = new SecretServiceSecretStore({ service, busAddress });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await session?.stop();
  });

  it('stores, reads, overwrites and deletes a secret', async () => {
    const key = 'secretLdap:rw';
    await store.set(key, 'first-secret');
    expect(await store.get(key)).toBe('first-secret');

    await store.set(key, 'second-secret');
    expect(await store.get(key)).toBe('second-secret');
    expect(await findItems(busAddress, service, key)).toHaveLength(1);

    await store.remove(key);
    expect(await store.get(key)).toBeNull();
    expect(await findItems(busAddress, service, key)).toEqual([]);
  });

  it('answers null for a key that was never stored', async () => {
    expect(await store.get('never-stored')).toBeNull();
  });

  it('treats removing a missing entry as done', async () => {
    await expect(store.remove('secretLdap:missing')).resolves.toBeUndefined();
  });

  it('keeps each key and each service apart', async () => {
    const other = new SecretServiceSecretStore({ service: uniqueService(), busAddress });
    await store.set('secretLdap:a', 'a');
    await store.set('secretLdap:b', 'b');

    expect(await store.get('secretLdap:a')).toBe('a');
    expect(await store.get('secretLdap:b')).toBe('b');
    expect(await other.get('secretLdap:a')).toBeNull();
  });

  it('round-trips unicode, newlines, quotes and an empty string', async () => {
    const value = 'pässwörd 🔑 "quoted" \\ back\nsecond line\r\n\ttab';
    await store.set('unicode', value);
    expect(await store.get('unicode')).toBe(value);

    await store.set('empty', '');
    expect(await store.get('empty')).toBe('');
  });

  it('writes the attributes and JSON-encoded UTF-8 value upstream uses', async () => {
    await store.set('encoded', 'say "hi" ü');

    expect(await findItems(busAddress, service, 'encoded')).toEqual([
      {
        attributes: { service, account: 'encoded', 'xdg:schema': GENERIC_SCHEMA },
        stored: '"say \\"hi\\" ü"',
      },
    ]);
  });

  it('finds an entry upstream wrote (service + account + xdg:schema, JSON value)', async () => {
    await storeUpstreamItem(
      busAddress,
      { service, account: UPSTREAM_KEY, 'xdg:schema': GENERIC_SCHEMA },
      '"upstream-secret"',
    );

    expect(await store.get(UPSTREAM_KEY)).toBe('upstream-secret');
  });

  it('replaces an entry another tool wrote without xdg:schema instead of adding a second one', async () => {
    await storeUpstreamItem(busAddress, { service, account: 'no-schema' }, '"old"');
    expect(await store.get('no-schema')).toBe('old');

    await store.set('no-schema', 'new');

    expect(await findItems(busAddress, service, 'no-schema')).toEqual([
      expect.objectContaining({ stored: '"new"' }),
    ]);
    expect(await store.get('no-schema')).toBe('new');
  });

  it('returns the stored text as is when it is not a JSON string', async () => {
    await storeUpstreamItem(busAddress, { service, account: 'plain' }, 'not json');
    await storeUpstreamItem(busAddress, { service, account: 'object' }, '{"a":1}');

    expect(await store.get('plain')).toBe('not json');
    expect(await store.get('object')).toBe('{"a":1}');
  });
});

describeOnLinux('SecretServiceSecretStore without a Secret Service', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const addresses = new Map<string, string>();
  const NO_SOCKET = 'a bus address with no socket behind it';
  const NO_SECRETS = 'a session bus where nothing provides org.freedesktop.secrets';

  beforeAll(async () => {
    await ensureTestSystemPackages();
    const folder = await makeSessionFolder();
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    addresses.set(NO_SOCKET, `unix:path=${path.join(folder, 'run', 'no-such-bus')}`);
    const session = await startSecretService({ keyring: 'absent' });
    cleanups.push(() => session.stop());
    addresses.set(NO_SECRETS, busAddressOf(session));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all(cleanups.map((cleanup) => cleanup()));
  });

  const operations: [string, (store: SecretServiceSecretStore) => Promise<unknown>][] = [
    ['get', (store) => store.get(UPSTREAM_KEY)],
    ['set', (store) => store.set(UPSTREAM_KEY, SECRET)],
    ['remove', (store) => store.remove(UPSTREAM_KEY)],
  ];

  describe.each([NO_SOCKET, NO_SECRETS])('with %s', (name) => {
    it.each(operations)('%s rejects with SecretStoreUnavailableError', async (_op, operation) => {
      const busAddress = addresses.get(name);
      if (busAddress === undefined) {
        throw new Error(`no bus address for ${name}`);
      }
      const store = new SecretServiceSecretStore({ service: uniqueService(), busAddress });

      const error: unknown = await operation(store).then(
        () => new Error('resolved'),
        (reason: unknown) => reason,
      );

      expect(error).toBeInstanceOf(SecretStoreUnavailableError);
      if (error instanceof SecretStoreUnavailableError) {
        expect(error.code).toBe('SECRET_STORE_UNAVAILABLE');
        expect(error.message).toContain('No OS keychain is available on this machine');
        expect(error.message).toMatch(/DBus error/);
        expect(`${error.message} ${error.remedy}`).not.toContain(SECRET);
      }
    });
  });

  it('rejects with SecretStoreUnavailableError when no session bus address is known', async () => {
    const saved = {
      DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'],
      DISPLAY: process.env['DISPLAY'],
    };
    delete process.env['DBUS_SESSION_BUS_ADDRESS'];
    delete process.env['DISPLAY'];
    try {
      const store = new SecretServiceSecretStore({ service: uniqueService() });
      await expect(store.get(UPSTREAM_KEY)).rejects.toBeInstanceOf(SecretStoreUnavailableError);
      await expect(store.set(UPSTREAM_KEY, SECRET)).rejects.toBeInstanceOf(
        SecretStoreUnavailableError,
      );
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value !== undefined) {
          process.env[name] = value;
        }
      }
    }
  });

  it('gives up on a bus that never answers, as unavailable, and hangs up', async () => {
    const folder = await makeSessionFolder();
    const socket = path.join(folder, 'run', 'frozen-bus');
    const connections = new Set<Socket>();
    let hungUp = 0;
    const server: Server = createServer((connection) => {
      // Reads everything and never says a word.
      connections.add(connection);
      connection.resume();
      connection.on('close', () => {
        hungUp += 1;
      });
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const store = new SecretServiceSecretStore({
        service: uniqueService(),
        busAddress: `unix:path=${socket}`,
        callTimeoutMs: 200,
      });

      await expect(store.get(UPSTREAM_KEY)).rejects.toThrow(/did not answer .* within 200 ms/);
      await expect(store.set(UPSTREAM_KEY, SECRET)).rejects.toBeInstanceOf(
        SecretStoreUnavailableError,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(connections.size).toBe(2);
      expect(hungUp).toBe(2);
    } finally {
      for (const connection of connections) {
        connection.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describeOnLinux('SecretServiceSecretStore with a keyring that has no default collection', () => {
  let session: SecretServiceSession | undefined;
  let store: SecretServiceSecretStore;

  beforeAll(async () => {
    await ensureTestSystemPackages();
    session = await startSecretService({ keyring: 'no-login-keyring' });
    store = new SecretServiceSecretStore({
      service: uniqueService(),
      busAddress: busAddressOf(session),
    });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await session?.stop();
  });

  it('names the operation and the key when storing fails, never the value', async () => {
    const error: unknown = await store.set('secretLdap:42', SECRET).then(
      () => new Error('resolved'),
      (reason: unknown) => reason,
    );

    expect(error).toBeInstanceOf(KeychainError);
    if (error instanceof KeychainError) {
      expect(error.code).toBe('SECRET_STORE_FAILED');
      expect(error.message).toMatch(
        /^The OS keychain could not store the secret "secretLdap:42" \(service "bwdc-test-.*no default collection/,
      );
      expect(`${error.message} ${error.remedy}`).not.toContain(SECRET);
    }
  });

  it('still reads and removes (nothing there) without a default collection', async () => {
    expect(await store.get('secretLdap:42')).toBeNull();
    await expect(store.remove('secretLdap:42')).resolves.toBeUndefined();
  });
});
