/** Every kind of directory the connector can read. */
export const DIRECTORY_TYPES = ['ldap', 'entra', 'gsuite', 'okta', 'onelogin', 'file'] as const;

export type DirectoryType = (typeof DIRECTORY_TYPES)[number];

/**
 * The numbers upstream stores in `data.json` and accepts in `bwdc config directory <n>`.
 * `file` is ours and has no upstream number.
 */
export const UPSTREAM_DIRECTORY_TYPE_NUMBERS: Readonly<Partial<Record<DirectoryType, number>>> = {
  ldap: 0,
  entra: 1,
  gsuite: 2,
  okta: 3,
  onelogin: 4,
};

export function isDirectoryType(value: string): value is DirectoryType {
  return (DIRECTORY_TYPES as readonly string[]).includes(value);
}
