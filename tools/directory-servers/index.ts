export { findBinary } from './find-binary';
export { bwdcLdapConnectionSettings } from './openldap/bwdc-settings';
export { startOpenLdap } from './openldap/start-openldap';
export type { OpenLdapOptions, RunningOpenLdap } from './openldap/start-openldap';
export { SAMBA_AD_ADMIN, SAMBA_AD_DOMAIN } from './samba-ad/domain';
export { startSambaAd } from './samba-ad/start-samba-ad';
export type { RunningSambaAd, SambaAdOptions } from './samba-ad/start-samba-ad';
export {
  AD_TEST_BULK_USERS,
  AD_TEST_DIRECTORY,
  AD_TEST_MAIL_DOMAIN,
  AD_TEST_USER_PASSWORD,
  adTestDirectoryLdif,
  unicodePwdLdif,
} from './samba-ad/test-directory';
export type {
  AdTestComputer,
  AdTestDirectory,
  AdTestGroup,
  AdTestUser,
} from './samba-ad/test-directory';
export { startAdLikeLdapServer } from './ad-like/start-ad-like-ldap-server';
export type {
  AdLikeLdapServerOptions,
  RunningAdLikeLdapServer,
} from './ad-like/start-ad-like-ldap-server';
export type { AdLikeEntry, AdLikeValue } from './ad-like/directory';
export type { BindAccount, RecordedBind, RecordedSearch } from './ad-like/session';
