import type { RunningOpenLdap } from './start-openldap';

/**
 * `bwdc config` settings that point the connector at this slapd as its ordinary `reader` account
 * (slapd's size limit applies to it, so every read pages). The password is left to the caller:
 * it is a secret, set with `--secretenv`.
 */
export function bwdcLdapConnectionSettings(ldap: RunningOpenLdap): [string, string][] {
  return [
    ['directory', '0'],
    ['ldap.hostname', '127.0.0.1'],
    ['ldap.port', new URL(ldap.url).port],
    ['ldap.rootPath', ldap.suffix],
    ['ldap.username', ldap.reader.dn],
    ['ldap.ad', 'false'],
  ];
}
