import { Socket } from 'node:net';

import { DBusError, Message, Variant, sessionBus, type MessageBus } from 'dbus-next';

import type { SecretStore } from '@bwdc/core';

import { KeychainError, type KeychainOperation } from './keychain-error';
import { decodeSecret, encodeSecret } from './secret-encoding';
import { KEYCHAIN_SERVICE_NAME } from './keychain-secret-store';
import { SecretStoreUnavailableError } from './secret-store-unavailable.error';

export interface SecretServiceSecretStoreOptions {
  /** Tests use a unique name so they never meet real entries. */
  readonly service?: string;
  /**
   * The session bus to talk to instead of the one in DBUS_SESSION_BUS_ADDRESS; tests point it at
   * their own throwaway bus.
   */
  readonly busAddress?: string;
  /** How long one D-Bus call may take before the Secret Service counts as not answering. */
  readonly callTimeoutMs?: number;
}

const SECRETS_NAME = 'org.freedesktop.secrets';
const SECRETS_PATH = '/org/freedesktop/secrets';
const SERVICE_INTERFACE = 'org.freedesktop.Secret.Service';
const COLLECTION_INTERFACE = 'org.freedesktop.Secret.Collection';
const ITEM_INTERFACE = 'org.freedesktop.Secret.Item';
/** The schema keytar (and libsecret's generic schema) records next to upstream's attributes. */
const GENERIC_SCHEMA = 'org.freedesktop.Secret.Generic';
/** The Secret Service's "no object" path: no collection, no item, no prompt needed. */
const NO_OBJECT = '/';
const DEFAULT_CALL_TIMEOUT_MS = 10_000;

/**
 * D-Bus errors meaning nobody (or nobody working) is behind org.freedesktop.secrets, as opposed to
 * a Secret Service that is there and refused the operation.
 */
const UNAVAILABLE_ERRORS = new Set([
  'org.freedesktop.DBus.Error.ServiceUnknown',
  'org.freedesktop.DBus.Error.NameHasNoOwner',
  'org.freedesktop.DBus.Error.NoReply',
  'org.freedesktop.DBus.Error.NoServer',
  'org.freedesktop.DBus.Error.Disconnected',
  'org.freedesktop.DBus.Error.Timeout',
  'org.freedesktop.DBus.Error.TimedOut',
  'org.freedesktop.DBus.Error.Spawn.ServiceNotFound',
  'org.freedesktop.DBus.Error.Spawn.ChildExited',
  'org.freedesktop.DBus.Error.Spawn.Failed',
]);

/** Raised inside this module when the bus or the Secret Service cannot be reached at all. */
class Unreachable extends Error {}

/** Raised inside this module when the Secret Service answered but would need a user to go on. */
class Refused extends Error {}

/**
 * Secrets in the Secret Service (GNOME Keyring, KWallet...) over D-Bus, one item per key with the
 * attributes upstream used (keytar, then libsecret): `service`, `account` and keytar's
 * `xdg:schema`, the value JSON-encoded as UTF-8. So entries upstream wrote are found, and upstream
 * finds ours.
 */
export class SecretServiceSecretStore implements SecretStore {
  readonly service: string;
  private readonly busAddress: string | undefined;
  private readonly callTimeoutMs: number;

  constructor(options: SecretServiceSecretStoreOptions = {}) {
    this.service = options.service ?? KEYCHAIN_SERVICE_NAME;
    this.busAddress = options.busAddress;
    this.callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  }

  async get(key: string): Promise<string | null> {
    const stored = await this.run('get', key, async (bus) => {
      const item = (await this.unlockedItems(bus, key))[0];
      if (item === undefined) {
        return null;
      }
      const session = await bus.openSession();
      const [secret] = await bus.call(item, ITEM_INTERFACE, 'GetSecret', 'o', [session]);
      return secretValue(secret);
    });
    return stored === null ? null : decodeSecret(stored);
  }

  async set(key: string, value: string): Promise<void> {
    await this.run('set', key, async (bus) => {
      const [collection] = await bus.call(SECRETS_PATH, SERVICE_INTERFACE, 'ReadAlias', 's', [
        'default',
      ]);
      if (typeof collection !== 'string' || collection === NO_OBJECT) {
        throw new Refused('the keyring has no default collection');
      }
      const existing = await this.unlockedItems(bus, key);
      const session = await bus.openSession();
      const properties = {
        'org.freedesktop.Secret.Item.Label': new Variant('s', `${this.service}/${key}`),
        'org.freedesktop.Secret.Item.Attributes': new Variant('a{ss}', {
          ...this.attributes(key),
          'xdg:schema': GENERIC_SCHEMA,
        }),
      };
      const secret = [session, Buffer.alloc(0), Buffer.from(encodeSecret(value), 'utf8')];
      const [item, prompt] = await bus.call(
        collection,
        COLLECTION_INTERFACE,
        'CreateItem',
        'a{sv}(oayays)b',
        [properties, [...secret, 'text/plain'], true],
      );
      if (typeof item !== 'string' || item === NO_OBJECT) {
        throw new Refused(lockedReason(prompt));
      }
      // Replacing matches all attributes; an entry another tool wrote without xdg:schema would
      // otherwise stay next to ours and could be read instead of it.
      await this.deleteItems(
        bus,
        existing.filter((path) => path !== item),
      );
    });
  }

  async remove(key: string): Promise<void> {
    await this.run('remove', key, async (bus) => {
      await this.deleteItems(bus, await this.unlockedItems(bus, key));
    });
  }

  private attributes(key: string): Record<string, string> {
    return { service: this.service, account: key };
  }

  /** The items for `key`, unlocking them when that needs no user. */
  private async unlockedItems(bus: SecretServiceBus, key: string): Promise<string[]> {
    const [unlocked, locked] = await bus.call(
      SECRETS_PATH,
      SERVICE_INTERFACE,
      'SearchItems',
      'a{ss}',
      [this.attributes(key)],
    );
    const open = objectPaths(unlocked);
    const closed = objectPaths(locked);
    if (open.length > 0 || closed.length === 0) {
      return open;
    }
    const [opened, prompt] = await bus.call(SECRETS_PATH, SERVICE_INTERFACE, 'Unlock', 'ao', [
      closed,
    ]);
    const unlockedNow = objectPaths(opened);
    if (unlockedNow.length === 0) {
      throw new Refused(lockedReason(prompt));
    }
    return unlockedNow;
  }

  private async deleteItems(bus: SecretServiceBus, items: readonly string[]): Promise<void> {
    for (const item of items) {
      const [prompt] = await bus.call(item, ITEM_INTERFACE, 'Delete', '', []);
      if (typeof prompt === 'string' && prompt !== NO_OBJECT) {
        throw new Refused(lockedReason(prompt));
      }
    }
  }

  private async run<T>(
    operation: KeychainOperation,
    key: string,
    action: (bus: SecretServiceBus) => Promise<T>,
  ): Promise<T> {
    let bus: SecretServiceBus | undefined;
    try {
      // A fresh connection per call, so a keyring daemon restarted since the last call is reached
      // and nothing keeps the process alive afterwards.
      bus = new SecretServiceBus(this.busAddress, this.callTimeoutMs);
      return await action(bus);
    } catch (error) {
      throw this.translate(operation, key, error, bus === undefined);
    } finally {
      bus?.disconnect();
    }
  }

  private translate(
    operation: KeychainOperation,
    key: string,
    error: unknown,
    connecting: boolean,
  ): Error {
    const reason = describeError(error);
    if (connecting || error instanceof Unreachable || isUnavailableDBusError(error)) {
      return new SecretStoreUnavailableError(`DBus error: ${reason}`, { cause: error });
    }
    return new KeychainError(operation, key, this.service, reason, { cause: error });
  }
}

/** One session-bus connection that talks to org.freedesktop.secrets, each call with a deadline. */
class SecretServiceBus {
  private readonly bus: MessageBus;
  /** Rejects once the connection fails; every call races it, as dbus-next leaves calls pending. */
  private readonly broken: Promise<never>;
  private session: string | undefined;

  constructor(
    busAddress: string | undefined,
    private readonly timeoutMs: number,
  ) {
    // Throws right away when there is no address at all (no DBUS_SESSION_BUS_ADDRESS, no X11).
    this.bus = sessionBus(busAddress === undefined ? {} : { busAddress });
    this.broken = new Promise<never>((_resolve, reject) => {
      // Also keeps a connection error from being thrown as an unhandled 'error' event.
      this.bus.on('error', (error: unknown) => {
        reject(new Unreachable(`cannot use the session bus: ${describeError(error)}`));
      });
    });
    this.broken.catch(() => undefined);
  }

  /** A "plain" session: the value travels unencrypted over the (private, local) bus connection. */
  async openSession(): Promise<string> {
    if (this.session === undefined) {
      const [, session] = await this.call(SECRETS_PATH, SERVICE_INTERFACE, 'OpenSession', 'sv', [
        'plain',
        new Variant('s', ''),
      ]);
      if (typeof session !== 'string') {
        throw new Error('OpenSession answered no session');
      }
      this.session = session;
    }
    return this.session;
  }

  async call(
    path: string,
    iface: string,
    member: string,
    signature: string,
    body: unknown[],
  ): Promise<unknown[]> {
    const message = new Message({
      destination: SECRETS_NAME,
      path,
      interface: iface,
      member,
      signature,
      body,
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(
          new Unreachable(
            `the Secret Service did not answer ${member} within ${this.timeoutMs} ms`,
          ),
        );
      }, this.timeoutMs);
    });
    try {
      const reply = await Promise.race([this.bus.call(message), this.broken, timeout]);
      const replyBody: unknown = reply?.body;
      return Array.isArray(replyBody) ? (replyBody as unknown[]) : [];
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Closes the connection for good. dbus-next only half-closes its socket, which a frozen bus never
   * answers, so the socket is also destroyed: nothing may keep the process alive afterwards.
   */
  disconnect(): void {
    try {
      this.bus.disconnect();
    } catch {
      // The connection never came up; there is nothing to close.
    }
    // Not in dbus-next's typings, hence the narrowing; every reply has been read by now.
    const connection: unknown = Reflect.get(this.bus, '_connection');
    const stream: unknown =
      typeof connection === 'object' && connection !== null
        ? Reflect.get(connection, 'stream')
        : undefined;
    if (stream instanceof Socket) {
      stream.destroy();
    }
  }
}

function objectPaths(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((path): path is string => typeof path === 'string')
    : [];
}

/** A Secret struct (session, parameters, value, content type): the value's bytes as UTF-8. */
function secretValue(secret: unknown): string {
  const value: unknown = Array.isArray(secret) ? secret[2] : undefined;
  if (!Buffer.isBuffer(value)) {
    throw new Error('the Secret Service answered a secret without a value');
  }
  return value.toString('utf8');
}

function lockedReason(prompt: unknown): string {
  return typeof prompt === 'string' && prompt !== NO_OBJECT
    ? 'the keyring is locked and unlocking it needs the user (unlock the keyring, then try again)'
    : 'the keyring is locked';
}

function isUnavailableDBusError(error: unknown): boolean {
  return error instanceof DBusError && UNAVAILABLE_ERRORS.has(error.type);
}

/** The error's own text; D-Bus errors name their type. Never includes a value. */
function describeError(error: unknown): string {
  if (error instanceof DBusError) {
    return `${error.type}: ${error.text}`;
  }
  return error instanceof Error ? error.message : String(error);
}
