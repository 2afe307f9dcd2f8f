import type { DirectoryType } from '@bwdc/core';
import type { z } from 'zod';

import { EntraDirectorySettingsSchema } from '../entra/entra-settings';
import { FileDirectorySettingsSchema } from '../file/file-settings';
import { GoogleDirectorySettingsSchema } from '../google/google-settings';
import { LdapDirectorySettingsSchema, LdapSyncSettingsSchema } from '../ldap/ldap-settings';
import { OktaDirectorySettingsSchema } from '../okta/okta-settings';
import { OneLoginDirectorySettingsSchema } from '../onelogin/onelogin-settings';

/** The schemas of one provider's settings, for the front ends that read and write them. */
export interface ProviderSettings {
  readonly type: DirectoryType;
  /** The schema of `directories.<type>`. */
  readonly directory: z.ZodType;
  /** The provider's own fields in `sync` (upstream keeps the LDAP ones there). */
  readonly sync?: z.ZodType;
}

/**
 * One row per provider that has settings: `bwdc config` turns them into `<type>.<field>` and
 * `sync.<field>` keys, the desktop into its settings form. A directory type added later gets its
 * row when its provider lands.
 */
export const PROVIDER_SETTINGS: readonly ProviderSettings[] = [
  { type: 'ldap', directory: LdapDirectorySettingsSchema, sync: LdapSyncSettingsSchema },
  { type: 'entra', directory: EntraDirectorySettingsSchema },
  { type: 'gsuite', directory: GoogleDirectorySettingsSchema },
  { type: 'okta', directory: OktaDirectorySettingsSchema },
  { type: 'onelogin', directory: OneLoginDirectorySettingsSchema },
  { type: 'file', directory: FileDirectorySettingsSchema },
];

/** The row of that directory type, or null while its provider has not landed. */
export function providerSettingsOf(type: DirectoryType): ProviderSettings | null {
  return PROVIDER_SETTINGS.find((row) => row.type === type) ?? null;
}
