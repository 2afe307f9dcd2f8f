import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

import {
  Attribute,
  Change,
  Client,
  Control,
  EqualityFilter,
  StrongAuthRequiredError,
  UnwillingToPerformError,
} from 'ldapts';

import type { RunningSambaAd } from './start-samba-ad';
import { startSambaAd } from './start-samba-ad';
import { AD_TEST_DIRECTORY as D, adTestDirectoryLdif, unicodePwdLdif } from './test-directory';

// A start provisions a domain (6-9 s) and loads 2,000 users (about 4 s); twice that on a busy CI.
jest.setTimeout(120_000);

const SHOW_DELETED = new Control('1.2.840.113556.1.4.417', { critical: true });
const ACCOUNTDISABLE = 0x2;

function alive(pid: number): boolean {
  try {
    // A zombie still answers kill(0); its status line tells it apart from a running process.
    return !/^State:\s*Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

function namespaces(): string[] {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter(Boolean);
}

function values(entry: Record<string, unknown> | undefined, name: string): unknown[] {
  return [entry?.[name] ?? []].flat();
}

describe('startSambaAd with the standard AD test directory', () => {
  let server: RunningSambaAd;
  let ca: Buffer;

  /** A client bound as the Administrator (UPN) over LDAPS. */
  async function asAdmin<T>(use: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ url: server.ldapsUrl, tlsOptions: { ca: [ca] } });
    try {
      await client.bind(server.admin.upn, server.admin.password);
      return await use(client);
    } finally {
      await client.unbind();
    }
  }

  async function entry(
    client: Client,
    dn: string,
    attributes: string[],
    buffers: string[] = [],
  ): Promise<Record<string, unknown>> {
    const { searchEntries } = await client.search(dn, {
      scope: 'base',
      attributes,
      explicitBufferAttributes: buffers,
    });
    const [found] = searchEntries;
    if (found === undefined) {
      throw new Error(`${dn} not found`);
    }
    return found;
  }

  beforeAll(async () => {
    server = await startSambaAd({ seed: { ldif: adTestDirectoryLdif() } });
    ca = readFileSync(server.caCertPath);
    // Visible in the test output: the budget for a start is about 30 s.
    process.stdout.write(`samba-ad start timings (ms): ${JSON.stringify(server.timings)}\n`);
  });
  afterAll(() => server?.stop());

  it('answers on the base DN over LDAPS, for 127.0.0.1 and localhost', async () => {
    expect(server.baseDn).toBe('DC=ad,DC=bitwarden,DC=test');
    for (const url of [server.ldapsUrl, server.ldapsUrl.replace('127.0.0.1', 'localhost')]) {
      const client = new Client({ url, tlsOptions: { ca: [ca] } });
      try {
        await client.bind(server.admin.upn, server.admin.password);
        const { searchEntries } = await client.search(server.baseDn, { scope: 'base' });
        expect(searchEntries.map((found) => found.dn)).toEqual([server.baseDn]);
      } finally {
        await client.unbind();
      }
    }
  });

  it('offers StartTLS on the plain port and refuses a simple bind without TLS', async () => {
    const client = new Client({ url: server.url });
    try {
      await expect(client.bind(server.admin.upn, server.admin.password)).rejects.toBeInstanceOf(
        StrongAuthRequiredError,
      );
    } finally {
      await client.unbind();
    }
    const tls = new Client({ url: server.url });
    try {
      await tls.startTLS({ ca: [ca] });
      await tls.bind(server.admin.dn, server.admin.password);
      const { searchEntries } = await tls.search(server.baseDn, { scope: 'base' });
      expect(searchEntries).toHaveLength(1);
    } finally {
      await tls.unbind();
    }
  });

  it('binds the Administrator by DN and by NetBIOS name too', async () => {
    for (const name of [server.admin.dn, `${server.domain.netbiosDomain}\\Administrator`]) {
      const client = new Client({ url: server.ldapsUrl, tlsOptions: { ca: [ca] } });
      try {
        await client.bind(name, server.admin.password);
      } finally {
        await client.unbind();
      }
    }
  });

  it('has the named users with mail, bob disabled', async () => {
    await asAdmin(async (client) => {
      for (const user of Object.values(D.users)) {
        const found = await entry(client, user.dn, [
          'sAMAccountName',
          'mail',
          'userAccountControl',
        ]);
        expect(found['sAMAccountName']).toBe(user.sAMAccountName);
        expect(found['mail']).toBe(user.mail);
        const disabled = (Number(found['userAccountControl']) & ACCOUNTDISABLE) !== 0;
        expect(disabled).toBe(user === D.users.bob);
      }
    });
  });

  it('nests groups: Everyone holds Engineering, Cycle A and Cycle B hold each other', async () => {
    await asAdmin(async (client) => {
      for (const group of Object.values(D.groups)) {
        if (group === D.groups.bigGroup) {
          continue;
        }
        const found = await entry(client, group.dn, ['member']);
        expect(values(found, 'member').sort()).toEqual([...group.members].sort());
      }
      // memberOf, the back-link, shows the nesting from the other side, the cycle included.
      // (In-chain matching, memberOf:1.2.840.113556.1.4.1941:=, works on Samba but is a full scan
      // of about 5 ms per object: some 10 s here, over ldapts' default time limit.)
      const memberOf = async (dn: string): Promise<unknown[]> =>
        values(await entry(client, dn, ['memberOf']), 'memberOf');
      expect(await memberOf(D.groups.engineering.dn)).toEqual([D.groups.everyone.dn]);
      expect(await memberOf(D.groups.cycleA.dn)).toEqual([D.groups.cycleB.dn]);
      expect(await memberOf(D.groups.cycleB.dn)).toEqual([D.groups.cycleA.dn]);
    });
  });

  it('counts a member of Engineering that lives outside OU=Sync', async () => {
    await asAdmin(async (client) => {
      const outsider = await entry(client, D.outsider.dn, ['memberOf', 'mail']);
      expect(outsider['memberOf']).toBe(D.groups.engineering.dn);
      expect(D.outsider.dn.endsWith(D.syncOu)).toBe(false);
    });
  });

  it('gives Big Group 2,000 members, plain and with range retrieval', async () => {
    await asAdmin(async (client) => {
      const plain = await entry(client, D.groups.bigGroup.dn, ['member']);
      expect(values(plain, 'member')).toHaveLength(2_000);
      // Samba answers a plain `member` in full, where Windows would range it at 1,500.
      const all = await entry(client, D.groups.bigGroup.dn, ['member;range=0-*']);
      expect(values(all, 'member;range=0-*')).toHaveLength(2_000);
      const first = await entry(client, D.groups.bigGroup.dn, ['member;range=0-1499']);
      expect(values(first, 'member;range=0-1499')).toHaveLength(1_500);
      const rest = await entry(client, D.groups.bigGroup.dn, ['member;range=1500-*']);
      expect(values(rest, 'member;range=1500-*')).toHaveLength(500);
    });
  });

  it('keeps deleted erin as a tombstone in CN=Deleted Objects, seen with Show Deleted', async () => {
    await asAdmin(async (client) => {
      const filter = '(&(objectClass=user)(!(objectClass=computer))(isDeleted=TRUE))';
      const deletedObjects = `CN=Deleted Objects,${D.baseDn}`;
      const hidden = await client.search(D.baseDn, { filter });
      expect(hidden.searchEntries).toEqual([]);
      const { searchEntries } = await client.search(
        deletedObjects,
        {
          filter,
          attributes: ['sAMAccountName', 'mail', 'isDeleted', 'lastKnownParent', 'objectGUID'],
          explicitBufferAttributes: ['objectGUID'],
        },
        SHOW_DELETED,
      );
      expect(searchEntries).toHaveLength(1);
      const [erin] = searchEntries;
      expect(erin?.dn).toMatch(/^CN=Erin Evans\\0ADEL:[0-9a-f-]{36},CN=Deleted Objects,/);
      expect(erin?.['sAMAccountName']).toBe(D.deletedUser.sAMAccountName);
      expect(erin?.['isDeleted']).toBe('TRUE');
      expect(erin?.['lastKnownParent']).toBe(D.usersOu);
      expect(values(erin, 'objectGUID')[0]).toHaveLength(16);
      // Without the Recycle Bin, a tombstone loses mail (and most other attributes).
      expect(values(erin, 'mail')).toEqual([]);
    });
  });

  it('tombstones a user deleted over LDAP with the same objectGUID', async () => {
    await asAdmin(async (client) => {
      const dn = `CN=Temp User,${D.elsewhereOu}`;
      await client.add(dn, {
        objectClass: 'user',
        sAMAccountName: 'tempuser',
        mail: 'tempuser@bitwarden.test',
      });
      const guid = values(await entry(client, dn, ['objectGUID'], ['objectGUID']), 'objectGUID')[0];
      expect(guid).toBeInstanceOf(Buffer);
      await client.del(dn);
      const { searchEntries } = await client.search(
        D.baseDn,
        {
          // A filter object: ldapts would encode the bytes of an escaped string filter as UTF-8.
          filter: new EqualityFilter({ attribute: 'objectGUID', value: guid as Buffer }),
          attributes: ['isDeleted', 'sAMAccountName'],
        },
        SHOW_DELETED,
      );
      expect(searchEntries).toHaveLength(1);
      expect(searchEntries[0]?.dn).toContain(',CN=Deleted Objects,');
      expect(searchEntries[0]?.['isDeleted']).toBe('TRUE');
    });
  });

  it("gives frank Contractors' RID as primaryGroupID and no member link to it", async () => {
    await asAdmin(async (client) => {
      const contractors = await entry(
        client,
        D.groups.contractors.dn,
        ['objectSid', 'member'],
        ['objectSid'],
      );
      const sid = values(contractors, 'objectSid')[0] as Buffer;
      const rid = sid.readUInt32LE(sid.length - 4);
      const frank = await entry(client, D.users.frank.dn, ['primaryGroupID', 'memberOf']);
      expect(Number(frank['primaryGroupID'])).toBe(rid);
      expect(values(contractors, 'member')).toEqual([]);
      // Like Windows, the DC made frank an explicit member of his old primary group.
      expect(values(frank, 'memberOf')).toEqual([D.domainUsers.dn]);
    });
  });

  it('refuses a primaryGroupID of a group the user is not a direct member of', async () => {
    await asAdmin(async (client) => {
      const contractors = await entry(
        client,
        D.groups.contractors.dn,
        ['objectSid'],
        ['objectSid'],
      );
      const sid = values(contractors, 'objectSid')[0] as Buffer;
      await expect(
        client.modify(D.users.dave.dn, [
          new Change({
            operation: 'replace',
            modification: new Attribute({
              type: 'primaryGroupID',
              values: [String(sid.readUInt32LE(sid.length - 4))],
            }),
          }),
        ]),
      ).rejects.toBeInstanceOf(UnwillingToPerformError);
    });
  });

  it('lets a naive (objectClass=person) filter pick up the computer and the contact', async () => {
    await asAdmin(async (client) => {
      const mails = async (filter: string): Promise<unknown[]> =>
        (await client.search(D.syncOu, { filter, attributes: ['mail'] })).searchEntries.map(
          (found) => found['mail'],
        );
      const naive = await mails('(objectClass=person)');
      expect(naive).toEqual(expect.arrayContaining([D.computer.mail, D.contact.mail]));
      expect(naive).toHaveLength(D.bulkUsers.count + Object.keys(D.users).length + 2);
      const people = await mails('(&(objectCategory=person)(objectClass=user))');
      expect(people).not.toContain(D.computer.mail);
      expect(people).not.toContain(D.contact.mail);
      expect(people).toHaveLength(D.bulkUsers.count + Object.keys(D.users).length);
    });
  });

  it('gives the built-in Administrator a mail; it stays a critical system object', async () => {
    await asAdmin(async (client) => {
      const admin = await entry(client, D.administrator.dn, ['mail', 'isCriticalSystemObject']);
      expect(admin['mail']).toBe(D.administrator.mail);
      expect(admin['isCriticalSystemObject']).toBe('TRUE');
    });
  });

  it('lets the service account read users, but not tombstones', async () => {
    const client = new Client({ url: server.ldapsUrl, tlsOptions: { ca: [ca] } });
    try {
      await client.bind(D.serviceAccount.userPrincipalName, D.serviceAccount.password);
      const alice = await entry(client, D.users.alice.dn, ['mail']);
      expect(alice['mail']).toBe(D.users.alice.mail);
      const { searchEntries } = await client.search(
        D.baseDn,
        { filter: '(isDeleted=TRUE)', attributes: ['sAMAccountName'] },
        SHOW_DELETED,
      );
      // Only the Deleted Objects container itself, no tombstone: like Windows, the container's
      // ACL lets only administrators list it. A connector needs such rights to see deletions.
      expect(searchEntries.map((found) => found.dn)).toEqual([`CN=Deleted Objects,${D.baseDn}`]);
    } finally {
      await client.unbind();
    }
  });

  it('accepts the named users’ password', async () => {
    const client = new Client({ url: server.ldapsUrl, tlsOptions: { ca: [ca] } });
    try {
      await client.bind(D.users.alice.userPrincipalName, 'User#Secret1');
    } finally {
      await client.unbind();
    }
    expect(unicodePwdLdif('x')).toBe(
      `unicodePwd:: ${Buffer.from('"x"', 'utf16le').toString('base64')}`,
    );
  });

  it('stop() leaves no process, namespace or folder behind, and can be called twice', async () => {
    expect(server.pids.every(alive)).toBe(true);
    expect(namespaces()).toContain(server.namespace);
    await server.stop();
    expect(server.pids.filter(alive)).toEqual([]);
    expect(namespaces()).not.toContain(server.namespace);
    expect(existsSync(server.dir)).toBe(false);
    await expect(
      new Client({ url: server.ldapsUrl, tlsOptions: { ca: [ca] }, connectTimeout: 2_000 }).bind(
        server.admin.upn,
        server.admin.password,
      ),
    ).rejects.toThrow();
    await server.stop();
  });
});

describe('startSambaAd failures', () => {
  it('rejects an unknown placeholder before provisioning anything', async () => {
    const before = namespaces();
    await expect(
      startSambaAd({ seed: { ldif: 'dn: OU=x,{{BASEDN}}\nobjectClass: organizationalUnit\n' } }),
    ).rejects.toThrow(/unknown placeholder \{\{BASEDN\}\}/);
    expect(namespaces()).toEqual(before);
  });
});
