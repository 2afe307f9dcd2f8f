import { Client } from 'ldapts';

import type { RunningAdLikeLdapServer } from './start-ad-like-ldap-server';
import { startAdLikeLdapServer } from './start-ad-like-ldap-server';
import { BASE_DN, GROUPS_OU, SERVICE_ACCOUNT, group, userDn, users } from './test-directory';

// The group sizes around AD's default MaxValRange of 1500.
const BIG = `CN=Big,${GROUPS_OU}`;
const HUGE = `CN=Huge,${GROUPS_OU}`;
const EXACT = `CN=Exact,${GROUPS_OU}`;
const memberDns = (count: number): string[] =>
  Array.from({ length: count }, (_, index) => userDn(index + 1));

let server: RunningAdLikeLdapServer;
let client: Client;

beforeAll(async () => {
  server = await startAdLikeLdapServer({
    baseDn: BASE_DN,
    entries: [
      ...users(3500),
      group('Big', memberDns(2000)),
      group('Huge', memberDns(3500)),
      group('Exact', memberDns(1500)),
      group('Small', memberDns(30)),
    ],
    bind: SERVICE_ACCOUNT,
  });
  client = new Client({ url: server.url });
  await client.bind(SERVICE_ACCOUNT.dn, SERVICE_ACCOUNT.password);
});

afterAll(async () => {
  await client.unbind();
  await server.stop();
});

/**
 * The attributes the server sent for a base search of `dn`. ldapts adds every requested attribute
 * it did not get as `[]`, so the request goes out upper-cased: the server answers with the stored
 * spelling (`member;range=...`), and ldapts's additions (`MEMBER;RANGE=...`) can be told apart.
 */
async function read(dn: string, attribute: string): Promise<Record<string, unknown>> {
  const asked = attribute.toUpperCase();
  const { searchEntries } = await client.search(dn, { scope: 'base', attributes: [asked] });
  const [entry] = searchEntries;
  if (entry === undefined) {
    throw new Error(`no entry ${dn}`);
  }
  return Object.fromEntries(
    Object.entries(entry).filter(([name]) => name !== 'dn' && name !== asked),
  );
}

describe('ranged retrieval as AD does it above MaxValRange', () => {
  it('answers a plain member request on 2,000 members with member;range=0-1499', async () => {
    const answer = await read(BIG, 'member');
    expect(Object.keys(answer).sort()).toEqual(['member', 'member;range=0-1499']);
    expect(answer['member']).toEqual([]);
    expect(answer['member;range=0-1499']).toEqual(memberDns(1500));
  });

  it('answers the continuation member;range=1500-* with the rest under member;range=1500-*', async () => {
    const answer = await read(BIG, 'member;range=1500-*');
    expect(answer).toEqual({ 'member;range=1500-*': memberDns(2000).slice(1500) });
    expect(server.requests.at(-1)).toMatchObject({
      base: BIG,
      scope: 'base',
      attributes: ['MEMBER;RANGE=1500-*'],
      result: { code: 0, entries: 1 },
    });
  });

  it('walks 3,500 members in three chunks, the middle one with numeric bounds', async () => {
    expect(Object.keys(await read(HUGE, 'member'))).toContain('member;range=0-1499');
    const middle = await read(HUGE, 'member;range=1500-*');
    expect(Object.keys(middle)).toEqual(['member;range=1500-2999']);
    const last = await read(HUGE, 'member;range=3000-*');
    expect(last['member;range=3000-*']).toEqual(memberDns(3500).slice(3000));
  });

  it('ranges member when all attributes are asked for, too', async () => {
    const { searchEntries } = await client.search(BIG, { scope: 'base' });
    expect(searchEntries[0]?.['member;range=0-1499']).toHaveLength(1500);
    // Nothing named in the request, so ldapts added nothing: the empty member is the server's.
    expect(searchEntries[0]?.['member']).toEqual([]);
    expect(searchEntries[0]?.['cn']).toBe('Big');
  });

  it('returns exactly MaxValRange values under the plain name', async () => {
    expect(await read(EXACT, 'member')).toEqual({ member: memberDns(1500) });
    // A client that asks on anyway gets an empty last chunk.
    expect(await read(EXACT, 'member;range=1500-*')).toEqual({ 'member;range=1500-*': [] });
  });

  it('answers range=0-* on a small group with range=0-*', async () => {
    const small = `CN=Small,${GROUPS_OU}`;
    expect(await read(small, 'member;range=0-*')).toEqual({ 'member;range=0-*': memberDns(30) });
    expect(await read(small, 'member')).toEqual({ member: memberDns(30) });
  });

  it('reads the attribute name and range option in any case', async () => {
    const { searchEntries } = await client.search(BIG, {
      scope: 'base',
      attributes: ['Member;Range=1500-*'],
    });
    expect(searchEntries[0]?.['member;range=1500-*']).toHaveLength(500);
  });

  it('keeps an explicit end below MaxValRange and replaces one past the values with *', async () => {
    expect(await read(BIG, 'member;range=0-99')).toEqual({
      'member;range=0-99': memberDns(100),
    });
    expect(await read(BIG, 'member;range=1990-2500')).toEqual({
      'member;range=1990-*': memberDns(2000).slice(1990),
    });
  });
});
