import {
  ConfigurationError,
  DIRECTORY_TYPES,
  type DirectoryProvider,
  type DirectoryType,
  type Logger,
} from '@bwdc/core';

import { createEntraProvider } from './entra/create-entra-provider';
import { createFileProvider } from './file/create-file-provider';
import { createGoogleProvider } from './google/create-google-provider';
import { createLdapProvider } from './ldap/create-ldap-provider';
import { createOktaProvider } from './okta/create-okta-provider';
import { createOneLoginProvider } from './onelogin/create-onelogin-provider';

/** What every provider factory is given: its validated settings, its secrets and a logger. */
export interface ProviderContext {
  readonly settings: unknown;
  readonly secrets: Readonly<Record<string, string | null>>;
  readonly logger: Logger;
}

export type DirectoryProviderFactory = (context: ProviderContext) => DirectoryProvider;

/**
 * The one table from directory type to provider. Each provider issue adds its row; a type
 * without one is reported as unsupported rather than failing later with a TypeError.
 */
export type ProviderRegistry = Readonly<Partial<Record<DirectoryType, DirectoryProviderFactory>>>;

export const providerRegistry: ProviderRegistry = {
  ldap: (context) => createLdapProvider(context),
  entra: (context) => createEntraProvider(context),
  gsuite: (context) => createGoogleProvider(context),
  okta: (context) => createOktaProvider(context),
  onelogin: (context) => createOneLoginProvider(context),
  file: (context) => createFileProvider(context),
};

export function createDirectoryProvider(
  type: DirectoryType,
  context: ProviderContext,
  registry: ProviderRegistry = providerRegistry,
): DirectoryProvider {
  const factory = registry[type];
  if (!factory) {
    const available = DIRECTORY_TYPES.filter((candidate) => registry[candidate] !== undefined);
    throw new ConfigurationError(
      'DIRECTORY_TYPE_UNSUPPORTED',
      `This build of the connector cannot read a '${type}' directory.`,
      available.length > 0
        ? `Choose one of: ${available.join(', ')}.`
        : 'No directory provider is installed in this build; update the connector.',
    );
  }
  return factory(context);
}
