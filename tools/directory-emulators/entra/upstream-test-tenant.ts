import { objectId, type EmulatedTenant } from './entra-tenant';

/** Ids of the test tenant's objects, so tests can name them. */
export const UPSTREAM_TENANT_IDS = {
  tenant: 'bwrox.dev',
  clientId: '11111111-2222-4333-8444-555555555555',
  clientSecret: 'emulated-client-secret',
  users: {
    amarshall: objectId('u', 0),
    bwilliams: objectId('u', 1),
    cjones: objectId('u', 2),
    dlee: objectId('u', 3),
    emiller: objectId('u', 4),
    fgarcia: objectId('u', 5),
    guest: objectId('u', 6),
    hgonzalez: objectId('u', 7),
    ideleted: objectId('u', 8),
  },
  groups: {
    groupA: objectId('g', 0),
    groupB: objectId('g', 1),
    engineering: objectId('g', 2),
    platform: objectId('g', 3),
  },
  administrativeUnits: { europe: objectId('a', 0) },
} as const;

const { users: u, groups: g } = UPSTREAM_TENANT_IDS;

/**
 * The shape of upstream's live integration tenant (6 users on bwrox.dev, 3 of them disabled;
 * "Integration Testing Group A" with 3 users, "… Group B" empty), plus what its tests could not
 * pin down: a guest, a user whose email comes from the UPN, a soft-deleted user, a nested group
 * and an administrative unit.
 */
export function upstreamTestTenant(): EmulatedTenant {
  return {
    id: UPSTREAM_TENANT_IDS.tenant,
    applications: [
      { clientId: UPSTREAM_TENANT_IDS.clientId, clientSecret: UPSTREAM_TENANT_IDS.clientSecret },
    ],
    users: [
      { id: u.amarshall, mail: 'AMarshall@bwrox.dev', userPrincipalName: 'amarshall@bwrox.dev' },
      { id: u.bwilliams, mail: 'bwilliams@bwrox.dev', userPrincipalName: 'bwilliams@bwrox.dev' },
      {
        id: u.cjones,
        mail: 'cjones@bwrox.dev',
        userPrincipalName: 'cjones@bwrox.dev',
        accountEnabled: false,
      },
      {
        id: u.dlee,
        mail: 'dlee@bwrox.dev',
        userPrincipalName: 'dlee@bwrox.dev',
        accountEnabled: false,
      },
      {
        id: u.emiller,
        mail: 'emiller@bwrox.dev',
        userPrincipalName: 'emiller@bwrox.dev',
        accountEnabled: false,
      },
      { id: u.fgarcia, mail: null, userPrincipalName: 'fgarcia@bwrox.dev' },
      {
        id: u.guest,
        mail: null,
        userPrincipalName: 'partner_external.test#EXT#@bwrox.onmicrosoft.com',
        userType: 'Guest',
      },
      {
        id: u.hgonzalez,
        mail: 'hgonzalez@bwrox.onmicrosoft.com',
        userPrincipalName: 'hgonzalez@bwrox.dev',
      },
      {
        id: u.ideleted,
        mail: 'ideleted@bwrox.dev',
        userPrincipalName: 'ideleted@bwrox.dev',
        deleted: true,
      },
    ],
    groups: [
      {
        id: g.groupA,
        displayName: 'Integration Testing Group A',
        members: [u.amarshall, u.bwilliams, u.cjones],
      },
      { id: g.groupB, displayName: 'Integration Testing Group B', members: [] },
      { id: g.engineering, displayName: 'Engineering', members: [u.fgarcia, g.platform, u.guest] },
      { id: g.platform, displayName: 'Platform', members: [u.hgonzalez, u.dlee] },
    ],
    administrativeUnits: [
      {
        id: UPSTREAM_TENANT_IDS.administrativeUnits.europe,
        displayName: 'Europe',
        members: [g.engineering, u.fgarcia],
      },
    ],
  };
}
