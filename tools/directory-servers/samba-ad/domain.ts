/**
 * The throw-away domain every start provisions. Fixed names keep the test directory's DNs
 * constant, so tests can spell them out; each start still gets a new domain SID and new GUIDs.
 */
export const SAMBA_AD_DOMAIN = {
  /** Kerberos realm, as `samba-tool domain provision --realm` takes it. */
  realm: 'AD.BITWARDEN.TEST',
  /** The AD DNS domain: the realm in lower case, and the suffix of userPrincipalNames. */
  dnsDomain: 'ad.bitwarden.test',
  /** NetBIOS domain name (`BWTEST\user` logons). */
  netbiosDomain: 'BWTEST',
  baseDn: 'DC=ad,DC=bitwarden,DC=test',
  /** Host name of the DC: its FQDN is dc1.ad.bitwarden.test, which the certificate also names. */
  hostName: 'dc1',
} as const;

/** Must pass AD's password complexity rules, or provisioning fails. */
export const SAMBA_AD_ADMIN_PASSWORD = 'Bitwarden#Admin1';

export const SAMBA_AD_ADMIN = {
  upn: `Administrator@${SAMBA_AD_DOMAIN.dnsDomain}`,
  dn: `CN=Administrator,CN=Users,${SAMBA_AD_DOMAIN.baseDn}`,
  password: SAMBA_AD_ADMIN_PASSWORD,
} as const;
