import type { Logger } from '@bwdc/core';

import type { OneLoginEndpoints, OneLoginRetryPolicy } from './onelogin-client';
import type { OneLoginDirectorySettings } from './onelogin-settings';

/** Upstream's sync switches, filters and email fallback, as the OneLogin provider reads them. */
export interface OneLoginSyncScope {
  readonly users: boolean;
  readonly groups: boolean;
  readonly userFilter: string | null;
  /** Filters roles (upstream's "Role Filter"): roles are the groups. */
  readonly groupFilter: string | null;
  /** Keeps disabled users outside the filtered roles, so Bitwarden can remove them. */
  readonly removeDisabled: boolean;
  /** With `emailSuffix`: a user whose email and username are no email gets `username + suffix`. */
  readonly useEmailPrefixSuffix: boolean;
  readonly emailSuffix: string | null;
}

export interface OneLoginProviderOptions {
  readonly directory: OneLoginDirectorySettings;
  readonly sync: OneLoginSyncScope;
  /** The API credential's client secret (the secret `clientSecret`). */
  readonly clientSecret: string | null;
  /** Tests and TLS-inspecting proxies only; production uses the region's URL. */
  readonly endpoints?: OneLoginEndpoints;
  readonly retry?: OneLoginRetryPolicy;
  /** Items asked for per page (`limit`); OneLogin's default is 50. */
  readonly pageSize?: number;
  /** Waits between retries; tests may record them. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly logger?: Logger;
}
