import {
  Client,
  EqualityFilter,
  InvalidCredentialsError,
  NoSuchObjectError,
  OperationsError,
  UnavailableCriticalExtensionError,
  UnwillingToPerformError,
} from 'ldapts';
import { Control } from 'ldapts';

import type { RunningAdLikeLdapServer } from './start-ad-like-ldap-server';
import { startAdLikeLdapServer } from './start-ad-like-ldap-server';
import {
  BASE_DN,
  GROUPS_OU,
  SERVICE_ACCOUNT,
  USERS_OU,
  group,
  serviceAccount,
  userDn,
  userGuid,
  users,
} from './test-directory';

let server: RunningAdLikeLdapServer;
let client: Client;

beforeAll(async () => {
  server = await startAdLikeLdapServer({
    baseDn: BASE_DN,
    entries: [
      serviceAccount(),
      ...users(12),
      group('Staff', [userDn(1), userDn(2)]),
      {
        dn: `CN=user00099\\0ADEL:5d2b0e9a-1c1d-4b7e-9a53-3f1c4a6b0c11,CN=Deleted Objects,${BASE_DN}`,
        attributes: { objectClass: ['top', 'user'], cn: 'user00099', isDeleted: 'TRUE' },
      },
    ],
    bind: SERVICE_ACCOUNT,
  });
});

afterAll(async () => {
  await server.stop();
});

beforeEach(() => {
  client = new Client({ url: server.url });
});

afterEach(async () => {
  await client.unbind();
});

describe('binding', () => {
  it('accepts the account by DN and by userPrincipalName', async () => {
    await client.bind(SERVICE_ACCOUNT.dn, SERVICE_ACCOUNT.password);
    await client.bind(SERVICE_ACCOUNT.upn.toUpperCase(), SERVICE_ACCOUNT.password);
    expect(server.binds.slice(-2)).toEqual([
      { name: SERVICE_ACCOUNT.dn, code: 0 },
      { name: SERVICE_ACCOUNT.upn.toUpperCase(), code: 0 },
    ]);
  });

  it("refuses a wrong password or an unknown name with AD's 52e message", async () => {
    for (const name of [SERVICE_ACCOUNT.dn, 'nobody@ad.example.org']) {
      const failure = client.bind(name, 'wrong');
      await expect(failure).rejects.toThrow(InvalidCredentialsError);
      await expect(failure).rejects.toThrow(
        '80090308: LdapErr: DSID-0C09042A, comment: AcceptSecurityContext error, data 52e, v2580\u0000',
      );
    }
  });

  it('takes an empty password as an anonymous bind, whose searches are then refused', async () => {
    await client.bind(SERVICE_ACCOUNT.dn, '');
    const search = client.search(BASE_DN, { filter: '(objectClass=user)' });
    await expect(search).rejects.toThrow(OperationsError);
    await expect(search).rejects.toThrow(
      '000004DC: LdapErr: DSID-0C0907E9, comment: In order to perform this operation a successful bind must be completed on the connection., data 0, v2580\u0000',
    );
  });
});

describe('before a bind', () => {
  it('refuses a search with operationsError', async () => {
    await expect(client.search(BASE_DN, { filter: '(cn=*)' })).rejects.toThrow(OperationsError);
    expect(server.requests.at(-1)).toMatchObject({
      boundAs: null,
      result: { code: 1, entries: 0 },
    });
  });

  it('answers a rootDSE read with the naming context and the range option', async () => {
    const { searchEntries } = await client.search('', { scope: 'base' });
    expect(searchEntries[0]).toMatchObject({
      dn: '',
      defaultNamingContext: BASE_DN,
      supportedLDAPPolicies: ['MaxPageSize', 'MaxValRange'],
    });
    expect(searchEntries[0]?.['supportedControl']).toContain('1.2.840.113556.1.4.802');
  });
});

describe('searching', () => {
  beforeEach(async () => {
    await client.bind(SERVICE_ACCOUNT.upn, SERVICE_ACCOUNT.password);
  });

  it('evaluates the filter over the subtree', async () => {
    const { searchEntries } = await client.search(BASE_DN, {
      filter:
        '(&(objectCategory=person)(objectClass=user)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))',
      attributes: ['sAMAccountName'],
    });
    // 12 users but user00010 disabled; the service account has no sAMAccountName but matches.
    expect(searchEntries).toHaveLength(12);
    expect(searchEntries.map((entry) => entry['sAMAccountName'])).not.toContain('user00010');
  });

  it('honours base and one-level scope', async () => {
    const base = await client.search(USERS_OU, { scope: 'base' });
    expect(base.searchEntries.map((entry) => entry.dn)).toEqual([USERS_OU]);
    const one = await client.search(`OU=Sync,${BASE_DN}`, { scope: 'one' });
    expect(one.searchEntries.map((entry) => entry.dn)).toEqual([USERS_OU, GROUPS_OU]);
  });

  it('returns objectGUID as the raw bytes and finds an entry by them', async () => {
    const { searchEntries } = await client.search(BASE_DN, {
      filter: new EqualityFilter({ attribute: 'objectGUID', value: userGuid(7) }),
      attributes: ['objectGUID', 'cn'],
      explicitBufferAttributes: ['objectGUID'],
    });
    expect(searchEntries).toHaveLength(1);
    expect(searchEntries[0]?.['cn']).toBe('user00007');
    expect(searchEntries[0]?.['objectGUID']).toEqual(userGuid(7));
  });

  it('returns memberOf as AD computes it', async () => {
    const { searchEntries } = await client.search(userDn(1), {
      scope: 'base',
      attributes: ['memberOf'],
    });
    expect(searchEntries[0]?.['memberOf']).toBe(`CN=Staff,${GROUPS_OU}`);
  });

  it('hides deleted objects unless the Show Deleted control is sent', async () => {
    const filter = '(&(objectClass=user)(isDeleted=TRUE))';
    expect((await client.search(BASE_DN, { filter })).searchEntries).toHaveLength(0);
    const showDeleted = new Control('1.2.840.113556.1.4.417', { critical: true });
    const { searchEntries } = await client.search(BASE_DN, { filter }, showDeleted);
    expect(searchEntries.map((entry) => entry['cn'])).toEqual(['user00099']);
  });

  it('refuses an unknown critical control and ignores an unknown optional one', async () => {
    const search = (critical: boolean): Promise<unknown> =>
      client.search(BASE_DN, { filter: '(cn=user00001)' }, new Control('1.2.3.4', { critical }));
    await expect(search(true)).rejects.toThrow(UnavailableCriticalExtensionError);
    await expect(search(false)).resolves.toMatchObject({ searchEntries: [{ cn: 'user00001' }] });
  });

  it('answers a missing base with noSuchObject and the nearest existing parent', async () => {
    const search = client.search(`OU=Gone,${USERS_OU}`, { filter: '(objectClass=*)' });
    await expect(search).rejects.toThrow(NoSuchObjectError);
    await expect(search).rejects.toThrow(`best match of:\n\t'${USERS_OU}'`);
  });

  it('refuses a malformed range option with unwillingToPerform', async () => {
    await expect(
      client.search(BASE_DN, { filter: '(cn=Staff)', attributes: ['member;range=1-'] }),
    ).rejects.toThrow(UnwillingToPerformError);
  });

  it('is read-only', async () => {
    await expect(client.del(userDn(3))).rejects.toThrow(UnwillingToPerformError);
  });

  it('records each search as received', async () => {
    await client.search(GROUPS_OU, {
      scope: 'one',
      filter: '(&(objectClass=group)(cn=St*))',
      attributes: ['cn', 'Member;Range=0-*'],
      sizeLimit: 7,
    });
    expect(server.requests.at(-1)).toEqual({
      base: GROUPS_OU,
      scope: 'one',
      filter: '(&(objectClass=group)(cn=St*))',
      attributes: ['cn', 'Member;Range=0-*'],
      sizeLimit: 7,
      typesOnly: false,
      controls: [],
      paged: null,
      boundAs: SERVICE_ACCOUNT.upn,
      result: { code: 0, entries: 1 },
    });
  });
});

describe('stop', () => {
  it('closes open connections and stops listening', async () => {
    const own = await startAdLikeLdapServer({
      baseDn: BASE_DN,
      entries: [],
      bind: SERVICE_ACCOUNT,
    });
    const connected = new Client({ url: own.url });
    await connected.bind(SERVICE_ACCOUNT.dn, SERVICE_ACCOUNT.password);
    await own.stop();
    await own.stop();
    // The bound connection is gone, and ldapts's attempt to connect again finds no listener.
    await expect(connected.search(BASE_DN, { filter: '(cn=*)' })).rejects.toThrow();
    await expect(new Client({ url: own.url, connectTimeout: 1000 }).bind('', '')).rejects.toThrow();
  });
});
