/**
 * Runs a KeychainSecretStore in its own process for the keychain tests. libdbus reads
 * DBUS_SESSION_BUS_ADDRESS once per process (the first call's bus, even a failed one, sticks), so
 * each bus a test wants to reach needs a fresh process. Requests and answers go over the IPC channel.
 */
import { AsyncEntry } from '@napi-rs/keyring';

import { KeychainError } from './keychain-error';
import { KeychainSecretStore } from './keychain-secret-store';
import { SecretStoreUnavailableError } from './secret-store-unavailable.error';

export type KeychainTestRequest =
  | { readonly id: number; readonly op: 'get' | 'remove'; readonly key: string }
  | { readonly id: number; readonly op: 'set'; readonly key: string; readonly value: string }
  /** Writes the entry's text as is, the way upstream or another tool would have. */
  | { readonly id: number; readonly op: 'set-raw'; readonly key: string; readonly value: string }
  /** Reads the entry's text as stored, to check the encoding. */
  | { readonly id: number; readonly op: 'get-raw'; readonly key: string };

export interface KeychainTestError {
  /** Which of our classes the error is an instance of, checked here where the classes live. */
  readonly kind: 'unavailable' | 'keychain' | 'other';
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly remedy?: string;
}

export type KeychainTestResponse =
  | { readonly ready: true }
  | { readonly id: number; readonly ok: true; readonly value: string | null }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: KeychainTestError;
    };

function serviceArgument(): string {
  const [name] = process.argv.slice(2);
  if (name === undefined || process.send === undefined) {
    throw new Error('usage: fork keychain-test-worker <service> with an IPC channel');
  }
  return name;
}

const service = serviceArgument();
const store = new KeychainSecretStore({ service });
const entryOptions = { linux: { store: 'secret-service' as const } };

async function handle(request: KeychainTestRequest): Promise<string | null> {
  switch (request.op) {
    case 'get':
      return store.get(request.key);
    case 'set':
      await store.set(request.key, request.value);
      return null;
    case 'remove':
      await store.remove(request.key);
      return null;
    case 'set-raw':
      await new AsyncEntry(service, request.key, entryOptions).setPassword(request.value);
      return null;
    case 'get-raw':
      return new AsyncEntry(service, request.key, entryOptions).getPassword();
  }
}

function describeError(error: unknown): KeychainTestError {
  if (!(error instanceof Error)) {
    return { kind: 'other', name: 'unknown', message: String(error) };
  }
  const { code, remedy } = error as { code?: unknown; remedy?: unknown };
  return {
    kind:
      error instanceof SecretStoreUnavailableError
        ? 'unavailable'
        : error instanceof KeychainError
          ? 'keychain'
          : 'other',
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof remedy === 'string' ? { remedy } : {}),
  };
}

process.on('message', (request: KeychainTestRequest) => {
  handle(request).then(
    (value) => process.send?.({ id: request.id, ok: true, value } satisfies KeychainTestResponse),
    (error: unknown) =>
      process.send?.({
        id: request.id,
        ok: false,
        error: describeError(error),
      } satisfies KeychainTestResponse),
  );
});

process.send?.({ ready: true } satisfies KeychainTestResponse);
