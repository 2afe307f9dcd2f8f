import type { AdLikeEntry } from './directory';

/** A small AD domain for the specs: numbered users, groups over them, one service account. */

export const BASE_DN = 'DC=ad,DC=example,DC=org';
export const USERS_OU = `OU=Users,OU=Sync,${BASE_DN}`;
export const GROUPS_OU = `OU=Groups,OU=Sync,${BASE_DN}`;
export const SERVICE_ACCOUNT = {
  dn: `CN=svc-sync,CN=Users,${BASE_DN}`,
  upn: 'svc-sync@ad.example.org',
  password: 'Sync#Secret1',
};
const PERSON_CATEGORY = `CN=Person,CN=Schema,CN=Configuration,${BASE_DN}`;

export function userDn(index: number): string {
  return `CN=user${String(index).padStart(5, '0')},${USERS_OU}`;
}

/** objectGUID bytes that differ per user, so that binary filters have something to tell apart. */
export function userGuid(index: number): Buffer {
  const guid = Buffer.alloc(16, 0xa5);
  guid.writeUInt32BE(index, 12);
  return guid;
}

export function users(count: number, from = 1): AdLikeEntry[] {
  return Array.from({ length: count }, (_, offset) => {
    const index = from + offset;
    const name = `user${String(index).padStart(5, '0')}`;
    return {
      dn: userDn(index),
      attributes: {
        objectClass: ['top', 'person', 'organizationalPerson', 'user'],
        objectCategory: PERSON_CATEGORY,
        cn: name,
        sAMAccountName: name,
        userPrincipalName: `${name}@ad.example.org`,
        mail: `${name}@ad.example.org`,
        // Every tenth account disabled: ACCOUNTDISABLE (2) on top of NORMAL_ACCOUNT (512).
        userAccountControl: index % 10 === 0 ? '514' : '512',
        objectGUID: userGuid(index),
      },
    };
  });
}

export function group(name: string, members: readonly string[]): AdLikeEntry {
  return {
    dn: `CN=${name},${GROUPS_OU}`,
    attributes: {
      objectClass: ['top', 'group'],
      objectCategory: `CN=Group,CN=Schema,CN=Configuration,${BASE_DN}`,
      cn: name,
      sAMAccountName: name,
      member: [...members],
    },
  };
}

export function serviceAccount(): AdLikeEntry {
  return {
    dn: SERVICE_ACCOUNT.dn,
    attributes: {
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      objectCategory: PERSON_CATEGORY,
      cn: 'svc-sync',
      userPrincipalName: SERVICE_ACCOUNT.upn,
      userAccountControl: '66048',
    },
  };
}
