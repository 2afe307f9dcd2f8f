import type { Logger } from '@bwdc/core';

import type { GoogleEndpoints } from './google-client';
import type { GoogleDirectorySettings } from './google-settings';
import type { RetryPolicy } from './retry';

/** Upstream's sync switches and filters, as the Google provider reads them. */
export interface GoogleSyncScope {
  readonly users: boolean;
  readonly groups: boolean;
  readonly userFilter: string | null;
  readonly groupFilter: string | null;
  /** Keeps disabled users outside the filtered groups, so Bitwarden can remove them. */
  readonly removeDisabled: boolean;
}

export interface GoogleProviderOptions {
  readonly directory: GoogleDirectorySettings;
  readonly sync: GoogleSyncScope;
  /** The service account's PEM private key (the secret `privateKey`). */
  readonly privateKey: string | null;
  /** Tests and TLS-inspecting proxies only; production uses Google's URLs. */
  readonly endpoints?: GoogleEndpoints;
  readonly retry?: RetryPolicy;
  readonly logger?: Logger;
}
