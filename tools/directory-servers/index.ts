export { startOpenLdap } from './openldap/start-openldap';
export type { OpenLdapOptions, RunningOpenLdap } from './openldap/start-openldap';
