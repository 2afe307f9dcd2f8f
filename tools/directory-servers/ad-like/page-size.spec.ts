import type { SearchOptions } from 'ldapts';
import { Client, SizeLimitExceededError } from 'ldapts';

import type { RunningAdLikeLdapServer } from './start-ad-like-ldap-server';
import { startAdLikeLdapServer } from './start-ad-like-ldap-server';
import { BASE_DN, SERVICE_ACCOUNT, USERS_OU, users } from './test-directory';

const USER_COUNT = 2500;
const everyUser: SearchOptions = { filter: '(objectClass=user)', attributes: ['cn'] };

let server: RunningAdLikeLdapServer;
let client: Client;

beforeAll(async () => {
  server = await startAdLikeLdapServer({
    baseDn: BASE_DN,
    entries: users(USER_COUNT),
    bind: SERVICE_ACCOUNT,
  });
  client = new Client({ url: server.url });
  await client.bind(SERVICE_ACCOUNT.dn, SERVICE_ACCOUNT.password);
});

afterAll(async () => {
  await client.unbind();
  await server.stop();
});

/** The requests recorded by `run`, for assertions on what the client sent and got. */
async function recorded(run: () => Promise<unknown>): Promise<RunningAdLikeLdapServer['requests']> {
  const before = server.requests.length;
  await run();
  return server.requests.slice(before);
}

describe('MaxPageSize as AD enforces it', () => {
  it('cuts pages of 5000 asked for to 1000 and still returns everything', async () => {
    let count = 0;
    const requests = await recorded(async () => {
      count = (await client.search(USERS_OU, { ...everyUser, paged: { pageSize: 5000 } }))
        .searchEntries.length;
    });
    expect(count).toBe(USER_COUNT);
    expect(requests.map((request) => request.result.entries)).toEqual([1000, 1000, 500]);
    expect(requests.map((request) => request.paged?.size)).toEqual([5000, 5000, 5000]);
    expect(requests[0]?.paged?.cookie).toBe('');
    expect(requests[1]?.paged?.cookie).not.toBe('');
  });

  it('keeps pages smaller than MaxPageSize as asked', async () => {
    const requests = await recorded(() =>
      client.search(USERS_OU, { ...everyUser, paged: { pageSize: 800 } }),
    );
    expect(requests.map((request) => request.result.entries)).toEqual([800, 800, 800, 100]);
  });

  it('ends an unpaged search after 1000 entries with sizeLimitExceeded', async () => {
    const requests = await recorded(() =>
      expect(client.search(USERS_OU, everyUser)).rejects.toThrow(SizeLimitExceededError),
    );
    expect(requests.map((request) => request.result)).toEqual([{ code: 4, entries: 1000 }]);
  });

  it('hands the 1000 entries over when the client set a size limit above it', async () => {
    // ldapts returns the entries of a sizeLimitExceeded answer when it asked for a limit.
    const { searchEntries } = await client.search(USERS_OU, { ...everyUser, sizeLimit: 5000 });
    expect(searchEntries).toHaveLength(1000);
    expect(server.requests.at(-1)?.result).toEqual({ code: 4, entries: 1000 });
  });

  it('applies a client size limit below MaxPageSize', async () => {
    const { searchEntries } = await client.search(USERS_OU, { ...everyUser, sizeLimit: 10 });
    expect(searchEntries).toHaveLength(10);
  });

  it('answers an unpaged search of exactly 1000 entries in full', async () => {
    const { searchEntries } = await client.search(USERS_OU, {
      ...everyUser,
      filter: '(cn<=user01000)',
    });
    expect(searchEntries).toHaveLength(1000);
    expect(server.requests.at(-1)?.result).toEqual({ code: 0, entries: 1000 });
  });
});

describe('a lower MaxPageSize', () => {
  it('applies the configured cap', async () => {
    const small = await startAdLikeLdapServer({
      baseDn: BASE_DN,
      entries: users(25),
      bind: SERVICE_ACCOUNT,
      maxPageSize: 10,
      maxValRange: 5,
    });
    const own = new Client({ url: small.url });
    try {
      await own.bind(SERVICE_ACCOUNT.dn, SERVICE_ACCOUNT.password);
      await own.search(BASE_DN, { ...everyUser, paged: { pageSize: 100 } });
      expect(small.requests.map((request) => request.result.entries)).toEqual([10, 10, 5]);
    } finally {
      await own.unbind();
      await small.stop();
    }
  });
});
