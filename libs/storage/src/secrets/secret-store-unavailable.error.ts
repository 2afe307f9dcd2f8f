import { SyncError } from '@bwdc/core';

export const PLAINTEXT_SECRETS_VARIABLE = 'BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS';

/**
 * There is no OS keychain to keep secrets in: on Linux typically a headless server with no Secret
 * Service on the session D-Bus (or no session bus at all). `reason` is the platform's own text; it
 * never contains a secret value.
 */
export class SecretStoreUnavailableError extends SyncError {
  readonly code = 'SECRET_STORE_UNAVAILABLE';
  readonly side = 'configuration';

  constructor(
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(
      `No OS keychain is available on this machine to keep the connector's secrets (on Linux: no Secret Service on the session D-Bus, as on a headless server): ${reason}`,
      `Set ${PLAINTEXT_SECRETS_VARIABLE}=true to keep the secrets in data.json instead (anyone who can read that file can then read them), or run the connector inside a desktop session with an unlocked keyring (for example GNOME Keyring or KWallet).`,
      options,
    );
  }
}
