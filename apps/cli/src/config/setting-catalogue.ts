import { DIRECTORY_TYPES, type DirectoryType } from '@bwdc/core';
import {
  PROVIDER_SETTINGS,
  describeField,
  objectFields,
  providerSettingsOf,
  type SettingField,
} from '@bwdc/providers';
import { SyncOptionsSchema, type ServerSettings } from '@bwdc/storage';
import type { z } from 'zod';

/** Where a setting lives and how it is written. */
export type SettingTarget =
  /** `server` sets the base URL and resets the others, or resets all to the cloud. */
  | { readonly kind: 'server'; readonly field: keyof ServerSettings }
  | { readonly kind: 'directoryType' }
  /** A field of `directories.<type>`, validated by the provider's schema. */
  | {
      readonly kind: 'directory';
      readonly type: DirectoryType;
      readonly field: string;
      readonly shape: SettingField;
      readonly schema: z.ZodType;
    }
  /** A field of the profile's `sync`, validated by every schema that declares it. */
  | {
      readonly kind: 'sync';
      readonly field: string;
      readonly shape: SettingField;
      readonly schemas: readonly z.ZodType[];
    }
  /** A directory's secret, kept in the secret store, never in the data file's settings. */
  | { readonly kind: 'secret'; readonly type: DirectoryType };

export interface Setting {
  /** As `bwdc config` shows it; typed in any case. */
  readonly name: string;
  readonly target: SettingTarget;
}

/** Upstream's secret keys (`azure.key` is Entra ID's old name). */
const SECRET_SETTINGS: readonly { readonly name: string; readonly type: DirectoryType }[] = [
  { name: 'ldap.password', type: 'ldap' },
  { name: 'entra.key', type: 'entra' },
  { name: 'azure.key', type: 'entra' },
  { name: 'gsuite.key', type: 'gsuite' },
  { name: 'okta.token', type: 'okta' },
  { name: 'onelogin.secret', type: 'onelogin' },
];

const SERVER_SETTINGS: readonly Setting[] = [
  { name: 'server', target: { kind: 'server', field: 'base' } },
  { name: 'server.api', target: { kind: 'server', field: 'api' } },
  { name: 'server.identity', target: { kind: 'server', field: 'identity' } },
  { name: 'server.webVault', target: { kind: 'server', field: 'webVault' } },
];

function directorySettings(type: DirectoryType): Setting[] {
  const provider = providerSettingsOf(type);
  const fields = provider
    ? Object.entries(objectFields(provider.directory)).map(([field, schema]): Setting => ({
        name: `${type}.${field}`,
        target: {
          kind: 'directory',
          type,
          field,
          shape: describeField(schema),
          schema: provider.directory,
        },
      }))
    : [];
  const secrets = SECRET_SETTINGS.filter((secret) => secret.type === type).map(
    (secret): Setting => ({ name: secret.name, target: { kind: 'secret', type } }),
  );
  return [...fields, ...secrets];
}

function syncSettings(): Setting[] {
  const schemas = [
    SyncOptionsSchema,
    ...PROVIDER_SETTINGS.flatMap((row) => (row.sync ? [row.sync] : [])),
  ];
  const byField = new Map<string, { shape: SettingField; schemas: z.ZodType[] }>();
  for (const schema of schemas) {
    for (const [field, fieldSchema] of Object.entries(objectFields(schema))) {
      const known = byField.get(field);
      if (known) {
        known.schemas.push(schema);
      } else {
        byField.set(field, { shape: describeField(fieldSchema), schemas: [schema] });
      }
    }
  }
  return [...byField].map(([field, { shape, schemas: declaring }]) => ({
    name: `sync.${field}`,
    target: { kind: 'sync', field, shape, schemas: declaring },
  }));
}

/** Every setting `bwdc config` knows, in the order `--list` shows them. */
export const SETTINGS: readonly Setting[] = [
  ...SERVER_SETTINGS,
  { name: 'directory', target: { kind: 'directoryType' } },
  ...DIRECTORY_TYPES.flatMap(directorySettings),
  ...syncSettings(),
];

const BY_LOWER_NAME = new Map(SETTINGS.map((setting) => [setting.name.toLowerCase(), setting]));

/** The setting of that name, in any case, or null. */
export function findSetting(name: string): Setting | null {
  return BY_LOWER_NAME.get(name.trim().toLowerCase()) ?? null;
}
