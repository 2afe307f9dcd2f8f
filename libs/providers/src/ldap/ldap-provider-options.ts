import type { LdapDirectorySettings, LdapSyncSettings } from './ldap-settings';

export interface LdapSyncScope extends LdapSyncSettings {
  readonly users: boolean;
  readonly groups: boolean;
  readonly userFilter: string | null;
  readonly groupFilter: string | null;
}

export interface LdapProviderOptions {
  readonly directory: LdapDirectorySettings;
  readonly sync: LdapSyncScope;
  readonly password: string | null;
}

/** The path below the whole root path (upstream cut the root path down to its dc= parts). */
export function searchBase(directory: LdapDirectorySettings, path: string | null): string {
  const root = directory.rootPath?.trim() ?? '';
  const below = path?.trim() ?? '';
  return [below, root].filter((part) => part !== '').join(',');
}
