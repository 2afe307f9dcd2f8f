import type { Pki } from './pki';
import { sshaHash } from './seed-ldif';

export interface SlapdConfigInput {
  readonly runDir: string;
  readonly dataDir: string;
  readonly pki: Pki;
  readonly suffix: string;
  readonly admin: { readonly dn: string; readonly password: string };
  readonly sizeLimit: number;
}

/**
 * The whole cn=config as one LDIF, turned into a config directory by `slapadd -n0` (about 0.1 s,
 * against seconds for building it over ldapi). Choices made for a throw-away test server:
 * - the size limit sits on the frontend and the database, and the root DN ignores it, so the
 *   reader account is the one that has to page;
 * - olcDbMaxSize is a sparse map: the 10 MiB default fills up at a few thousand entries;
 * - olcDbNoSync, as nothing needs to survive a crash;
 * - equality indexes only, because substring indexes make loads several times slower;
 * - the memberof overlay maintains memberOf on LDAP writes (slapadd bypasses it, see seed-ldif);
 * - cn=config itself is closed: nothing changes the configuration at runtime.
 */
export function slapdConfigLdif(input: SlapdConfigInput): string {
  // prtotal=unlimited: without it the hard limit would cap the total of a paged search as well,
  // and paging could never return more than sizeLimit entries.
  const sizeLimit = `size.soft=${input.sizeLimit} size.hard=${input.sizeLimit} size.prtotal=unlimited`;
  return `dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: ${input.runDir}/slapd.pid
olcArgsFile: ${input.runDir}/slapd.args
olcTLSCACertificateFile: ${input.pki.caCertPath}
olcTLSCertificateFile: ${input.pki.certPath}
olcTLSCertificateKeyFile: ${input.pki.keyPath}
olcLogLevel: none

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: /usr/lib/ldap
olcModuleLoad: back_mdb
olcModuleLoad: memberof

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

include: file:///etc/ldap/schema/core.ldif

include: file:///etc/ldap/schema/cosine.ldif

include: file:///etc/ldap/schema/inetorgperson.ldif

include: file:///etc/ldap/schema/nis.ldif

dn: olcDatabase={-1}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {-1}frontend
olcSizeLimit: ${sizeLimit}

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config
olcAccess: {0}to * by * none

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcSuffix: ${input.suffix}
olcRootDN: ${input.admin.dn}
olcRootPW: ${sshaHash(input.admin.password)}
olcDbDirectory: ${input.dataDir}
olcDbMaxSize: 1073741824
olcDbNoSync: TRUE
olcDbIndex: objectClass eq
olcDbIndex: uid,cn,mail,memberUid eq
olcDbIndex: member,memberOf eq
olcSizeLimit: ${sizeLimit}
olcAccess: {0}to attrs=userPassword by self write by anonymous auth by * none
olcAccess: {1}to * by users read by * none

dn: olcOverlay={0}memberof,olcDatabase={1}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcMemberOf
olcOverlay: {0}memberof
olcMemberOfDangling: ignore
olcMemberOfRefInt: TRUE
olcMemberOfGroupOC: groupOfNames
olcMemberOfMemberAD: member
olcMemberOfMemberOfAD: memberOf
`;
}
