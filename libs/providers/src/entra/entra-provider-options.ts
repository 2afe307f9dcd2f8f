import type { Logger } from '@bwdc/core';

import type { EntraDirectorySettings } from './entra-settings';
import type { GraphRetryPolicy } from './graph-retry';
import type { HttpsTransport } from '../shared/https-transport';

/** What of upstream's sync options the Entra ID provider reads. */
export interface EntraSyncScope {
  readonly users: boolean;
  readonly groups: boolean;
  readonly userFilter: string | null;
  readonly groupFilter: string | null;
  /** With a group filter, disabled users outside the synced groups stay so they can be removed. */
  readonly removeDisabled: boolean;
}

export interface EntraProviderOptions {
  readonly directory: EntraDirectorySettings;
  readonly sync: EntraSyncScope;
  /** The app registration's client secret (upstream's `key`). */
  readonly key: string | null;
  /** Extra CA certificates (PEM) to trust: a TLS-inspecting proxy's, or a test emulator's. */
  readonly ca?: string | null;
  readonly retry?: GraphRetryPolicy;
  /** Replaces the HTTPS client (tests that route the real cloud hosts to an emulator); kept open. */
  readonly transport?: HttpsTransport;
  readonly logger?: Logger;
}
