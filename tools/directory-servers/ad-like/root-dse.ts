import type { Directory, StoredAttribute, StoredEntry } from './directory';

// LDAP_SERVER_RANGE_OPTION_OID: DCs list it among the controls to say that they do range
// retrieval, though it is not a control.
const RANGE_OPTION_OID = '1.2.840.113556.1.4.802';

/**
 * The rootDSE (base '' scope base) with what a client might read from a DC before anything
 * else: the naming contexts, the controls and the LDAP policies a DC enforces.
 */
export function rootDse(directory: Directory, controls: readonly string[]): StoredEntry {
  const attributes: StoredAttribute[] = [
    { name: 'namingContexts', values: [directory.baseDn] },
    { name: 'defaultNamingContext', values: [directory.baseDn] },
    { name: 'rootDomainNamingContext', values: [directory.baseDn] },
    { name: 'supportedLDAPVersion', values: ['3', '2'] },
    { name: 'supportedControl', values: [...controls, RANGE_OPTION_OID] },
    { name: 'supportedLDAPPolicies', values: ['MaxPageSize', 'MaxValRange'] },
  ];
  return {
    dn: '',
    key: '',
    attributes: new Map(attributes.map((attribute) => [attribute.name.toLowerCase(), attribute])),
  };
}
