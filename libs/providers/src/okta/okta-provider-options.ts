import type { Logger } from '@bwdc/core';

import type { OktaDirectorySettings } from './okta-settings';

/** Upstream's sync switches and filters, as the Okta provider reads them. */
export interface OktaSyncScope {
  readonly users: boolean;
  readonly groups: boolean;
  readonly userFilter: string | null;
  readonly groupFilter: string | null;
  /** Keeps disabled users outside the filtered groups, so Bitwarden can remove them. */
  readonly removeDisabled: boolean;
}

export interface OktaProviderOptions {
  readonly directory: OktaDirectorySettings;
  readonly sync: OktaSyncScope;
  /** The API token (the secret `token`). */
  readonly token: string | null;
  /** A CA certificate (PEM) to trust besides the system's: tests, TLS-inspecting proxies. */
  readonly caPem?: string;
  /** The SDK's retries of a 429 after `X-Rate-Limit-Reset` (default 4). */
  readonly maxRetries?: number;
  /** Users and groups a list page asks for (Okta's maximum: 200 users, 10,000 groups). */
  readonly pageSize?: { readonly users?: number; readonly groups?: number };
  readonly logger?: Logger;
}
