import type { ServerSettings } from '../../shared/connector-bridge';

export type { ServerSettings };

/**
 * The Bitwarden clouds' own hosts: copies of `BITWARDEN_US_CLOUD` and `BITWARDEN_EU_CLOUD` in
 * libs/core/src/bitwarden/server-urls.ts, which server-settings.spec.ts compares them with.
 */
export const CLOUD_PRESETS = {
  us: { api: 'https://api.bitwarden.com', identity: 'https://identity.bitwarden.com' },
  eu: { api: 'https://api.bitwarden.eu', identity: 'https://identity.bitwarden.eu' },
} as const satisfies Record<string, ServerSettings>;

export type CloudPreset = keyof typeof CLOUD_PRESETS;
