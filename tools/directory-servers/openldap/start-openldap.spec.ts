import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { Attribute, Change, Client, InvalidCredentialsError, SizeLimitExceededError } from 'ldapts';

import type { RunningOpenLdap } from './start-openldap';
import { startOpenLdap } from './start-openldap';

const fixture = (name: string): string => path.join(__dirname, 'fixtures', name);

function alive(pid: number): boolean {
  try {
    // A zombie still answers kill(0); its status line tells it apart from a running slapd.
    return !/^State:\s*Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

async function withClient<T>(
  url: string,
  account: { dn: string; password: string },
  use: (client: Client) => Promise<T>,
  tlsOptions?: { ca: Buffer[] },
): Promise<T> {
  const client = new Client(tlsOptions === undefined ? { url } : { url, tlsOptions });
  try {
    await client.bind(account.dn, account.password);
    return await use(client);
  } finally {
    await client.unbind();
  }
}

describe('startOpenLdap', () => {
  describe('seeded with upstream directory-20.ldif', () => {
    let server: RunningOpenLdap;
    let ca: Buffer;

    beforeAll(async () => {
      server = await startOpenLdap({ seed: { files: [fixture('directory-20.ldif')] } });
      ca = readFileSync(server.caCertPath);
    });
    afterAll(() => server.stop());

    it('serves the 20 users and 5 posix groups to the admin', async () => {
      await withClient(server.url, server.admin, async (client) => {
        const users = await client.search(server.suffix, { filter: '(objectClass=person)' });
        expect(users.searchEntries).toHaveLength(20);
        const groups = await client.search(server.suffix, { filter: '(objectClass=posixGroup)' });
        expect(groups.searchEntries.map((entry) => entry['cn']).sort()).toEqual([
          'Blue Team',
          'Cleaners',
          'DevOps Team',
          'Red Team',
          'Security Team',
        ]);
      });
    });

    it('lets the reader read, but not passwords', async () => {
      await withClient(server.url, server.reader, async (client) => {
        const { searchEntries } = await client.search(server.suffix, {
          filter: '(objectClass=person)',
          attributes: ['cn', 'userPassword'],
        });
        expect(searchEntries).toHaveLength(20);
        // ldapts lists a requested attribute that the server withheld as an empty array.
        expect(searchEntries.flatMap((entry) => [entry['userPassword'] ?? []].flat())).toEqual([]);
      });
    });

    it('offers StartTLS with the generated CA', async () => {
      const client = new Client({ url: server.url });
      try {
        await client.startTLS({ ca: [ca] });
        await client.bind(server.admin.dn, server.admin.password);
        const { searchEntries } = await client.search(server.suffix, { scope: 'base' });
        expect(searchEntries).toHaveLength(1);
      } finally {
        await client.unbind();
      }
    });

    it('offers LDAPS with the generated CA, for 127.0.0.1 and localhost', async () => {
      for (const url of [server.ldapsUrl, server.ldapsUrl.replace('127.0.0.1', 'localhost')]) {
        await withClient(
          url,
          server.admin,
          async (client) => {
            const { searchEntries } = await client.search(server.suffix, { scope: 'base' });
            expect(searchEntries).toHaveLength(1);
          },
          { ca: [ca] },
        );
      }
    });

    it('rejects LDAPS without the CA', async () => {
      const client = new Client({ url: server.ldapsUrl, connectTimeout: 5_000 });
      await expect(client.bind(server.admin.dn, server.admin.password)).rejects.toThrow(
        /self-signed|self signed|unable to (get|verify)/i,
      );
      await client.unbind();
    });

    it('rejects a wrong admin password', async () => {
      await expect(
        withClient(server.url, { dn: server.admin.dn, password: 'wrong' }, () => Promise.resolve()),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);
    });
  });

  describe('seeded with directory-500.ldif and a size limit of 100', () => {
    let server: RunningOpenLdap;

    beforeAll(async () => {
      server = await startOpenLdap({
        seed: { files: [fixture('directory-500.ldif')] },
        sizeLimit: 100,
      });
    });
    afterAll(() => server.stop());

    it('makes the reader page: an unpaged search hits the size limit', async () => {
      await withClient(server.url, server.reader, async (client) => {
        await expect(
          client.search(server.suffix, { filter: '(objectClass=person)', attributes: ['cn'] }),
        ).rejects.toBeInstanceOf(SizeLimitExceededError);
      });
    });

    it('returns all 500 users to the reader with paged results', async () => {
      await withClient(server.url, server.reader, async (client) => {
        const { searchEntries } = await client.search(server.suffix, {
          filter: '(objectClass=person)',
          attributes: ['cn'],
          paged: { pageSize: 50 },
        });
        expect(searchEntries).toHaveLength(500);
      });
    });

    it('does not limit the admin (the root DN)', async () => {
      await withClient(server.url, server.admin, async (client) => {
        const { searchEntries } = await client.search(server.suffix, {
          filter: '(objectClass=person)',
          attributes: ['cn'],
        });
        expect(searchEntries).toHaveLength(500);
      });
    });
  });

  describe('seeded with directory-circular-groups.ldif', () => {
    let server: RunningOpenLdap;

    beforeAll(async () => {
      server = await startOpenLdap({
        seed: { files: [fixture('directory-circular-groups.ldif')] },
      });
    });
    afterAll(() => server.stop());

    it('loads the groupOfNames groups with their members', async () => {
      await withClient(server.url, server.admin, async (client) => {
        const { searchEntries } = await client.search(server.suffix, {
          filter: '(objectClass=groupOfNames)',
          attributes: ['cn', 'member'],
        });
        expect(searchEntries).toHaveLength(10);
        const platform = searchEntries.find((entry) => entry['cn'] === 'Platform');
        expect(platform?.['member']).toEqual([
          'cn=Bob Martinez,ou=Engineering,dc=bitwarden,dc=com',
          'cn=Engineering,dc=bitwarden,dc=com',
        ]);
      });
    });

    it('carries memberOf on users and on nested groups', async () => {
      await withClient(server.url, server.admin, async (client) => {
        const [david] = (
          await client.search('cn=David Kim,ou=Engineering,dc=bitwarden,dc=com', {
            scope: 'base',
            attributes: ['memberOf'],
          })
        ).searchEntries;
        expect([david?.['memberOf']].flat().sort()).toEqual([
          'cn=Contractors,dc=bitwarden,dc=com',
          'cn=QA,dc=bitwarden,dc=com',
        ]);
        const byMemberOf = await client.search(server.suffix, {
          filter: '(memberOf=cn=TestNestA,dc=bitwarden,dc=com)',
          attributes: ['cn'],
        });
        expect(byMemberOf.searchEntries.map((entry) => entry['cn']).sort()).toEqual([
          'Roland Dyke',
          'TestNestB',
        ]);
      });
    });

    it('keeps memberOf up to date on LDAP writes (memberof overlay)', async () => {
      await withClient(server.url, server.admin, async (client) => {
        const frank = 'cn=Frank Lee,ou=Marketing,dc=bitwarden,dc=com';
        await client.modify('cn=QA,dc=bitwarden,dc=com', [
          new Change({
            operation: 'add',
            modification: new Attribute({ type: 'member', values: [frank] }),
          }),
        ]);
        const [entry] = (await client.search(frank, { scope: 'base', attributes: ['memberOf'] }))
          .searchEntries;
        expect([entry?.['memberOf']].flat().sort()).toEqual([
          'cn=Marketing,dc=bitwarden,dc=com',
          'cn=QA,dc=bitwarden,dc=com',
        ]);
      });
    });
  });

  it('takes inline LDIF and stop() leaves no slapd and no folder', async () => {
    const server = await startOpenLdap({
      seed: {
        ldif: 'dn: ou=People,dc=bitwarden,dc=com\nobjectClass: organizationalUnit\nou: People\n',
      },
    });
    await withClient(server.url, server.reader, async (client) => {
      const { searchEntries } = await client.search(`ou=People,${server.suffix}`, {
        scope: 'base',
      });
      expect(searchEntries).toHaveLength(1);
    });
    expect(alive(server.pid)).toBe(true);
    await server.stop();
    expect(alive(server.pid)).toBe(false);
    expect(existsSync(server.dir)).toBe(false);
    await server.stop();
  });

  it('fails with slapadd output on a bad seed and leaves no folder', async () => {
    // A temporary folder of this test's own: other test files start slapd at the same time.
    const privateTmp = mkdtempSync(path.join(tmpdir(), 'bwdc-openldap-spec-'));
    const tmpBefore = process.env['TMPDIR'];
    process.env['TMPDIR'] = privateTmp;
    try {
      await expect(
        startOpenLdap({ seed: { ldif: 'dn: cn=x,dc=elsewhere,dc=org\nobjectClass: person\n' } }),
      ).rejects.toThrow(/slapadd \(seed\) failed/);
      expect(readdirSync(privateTmp)).toEqual([]);
    } finally {
      if (tmpBefore === undefined) {
        delete process.env['TMPDIR'];
      } else {
        process.env['TMPDIR'] = tmpBefore;
      }
      rmSync(privateTmp, { recursive: true, force: true });
    }
  });
});
