import { createServer, type AddressInfo } from 'node:net';
import * as path from 'node:path';

import { planSync, type DirectorySnapshot, type SyncPlan } from '@bwdc/core';
import { startOpenLdap, type RunningOpenLdap } from '@bwdc/directory-servers';
import { Attribute, Change, Client } from 'ldapts';

import { LdapDirectoryProvider } from './ldap-directory-provider';
import { LdapError } from './ldap-error';
import type { LdapProviderOptions, LdapSyncScope } from './ldap-provider-options';
import { LdapDirectorySettingsSchema, LdapSyncSettingsSchema } from './ldap-settings';

const fixtures = path.resolve(__dirname, '../../../../tools/directory-servers/openldap/fixtures');

/** Upstream's integration-test settings (utils/openldap/config-fixtures.ts). */
function upstreamTestSettings(
  server: RunningOpenLdap,
  sync: Partial<LdapSyncScope> = {},
): LdapProviderOptions {
  const port = Number(new URL(server.url).port);
  return {
    directory: LdapDirectorySettingsSchema.parse({
      hostname: '127.0.0.1',
      port,
      rootPath: server.suffix,
      username: server.admin.dn,
      ad: false,
      pagedSearch: true,
    }),
    sync: {
      ...LdapSyncSettingsSchema.parse({
        userObjectClass: 'person',
        groupObjectClass: 'posixGroup',
        groupNameAttribute: 'cn',
        userEmailAttribute: 'mail',
        memberAttribute: 'memberUid',
        revisionDateAttribute: 'whenChanged',
      }),
      users: true,
      groups: true,
      userFilter: null,
      groupFilter: null,
      ...sync,
    },
    password: server.admin.password,
  };
}

const read = (options: LdapProviderOptions): Promise<DirectorySnapshot> =>
  new LdapDirectoryProvider(options).read({
    mode: 'full',
    dryRun: true,
    cursor: null,
    startedAt: new Date(),
  });

/** What the sync engine makes of a snapshot, with every option off. */
function planOf(snapshot: DirectorySnapshot): SyncPlan {
  return planSync({
    users: snapshot.users,
    groups: snapshot.groups,
    options: {
      removeDisabled: false,
      overwriteExisting: false,
      largeImport: false,
      inviteUsersAfterProvisioning: false,
    },
    destination: { apiUrl: 'https://api.example.com', organizationId: 'org' },
    previousFingerprint: null,
  });
}

/** Group name -> sorted common names of its members, after the engine's flattening. */
/** A loopback port nothing listens on (bound, read, then released). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function flattenedMembers(snapshot: DirectorySnapshot): Record<string, string[]> {
  const plan = planOf(snapshot);
  const nameOf = (externalId: string) => /^cn=([^,]+)/i.exec(externalId)?.[1] ?? externalId;
  return Object.fromEntries(
    plan.groups.map((group) => [group.name, group.memberExternalIds.map(nameOf).sort()]),
  );
}

describe('LdapDirectoryProvider on a real OpenLDAP', () => {
  describe("upstream's directory-20 fixture", () => {
    let server: RunningOpenLdap;

    beforeAll(async () => {
      server = await startOpenLdap({ seed: { files: [path.join(fixtures, 'directory-20.ldif')] } });
    }, 60_000);

    afterAll(async () => {
      await server.stop();
    });

    const expectUpstreamResult = async (snapshot: DirectorySnapshot) => {
      expect(snapshot.users).toHaveLength(20);
      expect(snapshot.users.every((user) => user.externalId === user.referenceId)).toBe(true);
      const plan = planOf(snapshot);
      expect(plan.users).toHaveLength(20);
      expect(plan.users.every((user) => user.email === user.email?.toLowerCase())).toBe(true);
      const sizes = Object.fromEntries(
        plan.groups.map((group) => [group.name, group.memberExternalIds.length]),
      );
      expect(sizes).toEqual({
        'Blue Team': 3,
        'Red Team': 2,
        Cleaners: 0,
        'DevOps Team': 3,
        'Security Team': 2,
      });
    };

    it('reads the 20 users and 5 groups over plain LDAP', async () => {
      await expectUpstreamResult(await read(upstreamTestSettings(server)));
    });

    it('tells a progress listener the counts as the read goes on, ending with the totals', async () => {
      const seen: { users: number; groups: number }[] = [];

      await new LdapDirectoryProvider(upstreamTestSettings(server)).read({
        mode: 'full',
        dryRun: true,
        cursor: null,
        startedAt: new Date(),
        onProgress: (progress) => seen.push(progress),
      });

      expect(seen.at(-1)).toEqual({ users: 20, groups: 5 });
    });

    it('reads them over StartTLS with the CA configured', async () => {
      const options = upstreamTestSettings(server);
      await expectUpstreamResult(
        await read({
          ...options,
          directory: { ...options.directory, startTls: true, tlsCaPath: server.caCertPath },
        }),
      );
    });

    it('reads them over LDAPS with the CA configured', async () => {
      const options = upstreamTestSettings(server);
      const port = Number(new URL(server.ldapsUrl).port);
      await expectUpstreamResult(
        await read({
          ...options,
          directory: { ...options.directory, port, ssl: true, sslCaPath: server.caCertPath },
        }),
      );
    });

    it('resolves member DNs written with other spacing than the user entries (dc=bitwarden, dc=com)', async () => {
      const members = flattenedMembers(await read(upstreamTestSettings(server)));

      expect(members['Blue Team']).toHaveLength(3);
      expect(members['Red Team']).toHaveLength(2);
    });

    it.each<[string, Partial<LdapSyncScope>, number, number]>([
      ['the user path', { userPath: 'ou=Human Resources' }, 3, 5],
      ['the user filter', { userFilter: '(cn=Roland Dyke)' }, 1, 5],
      ['the group path', { groupPath: 'ou=Janitorial' }, 20, 1],
      ['the group filter', { groupFilter: '(cn=Red Team)' }, 20, 1],
    ])('narrows with %s as upstream’s tests show', async (_what, sync, users, groups) => {
      const snapshot = await read(upstreamTestSettings(server, sync));

      expect(snapshot.users).toHaveLength(users);
      expect(snapshot.groups).toHaveLength(groups);
    });

    it('reports a wrong password as a bind failure without the password', async () => {
      const options = { ...upstreamTestSettings(server), password: 'not-the-password' };

      const failure = read(options);

      await expect(failure).rejects.toBeInstanceOf(LdapError);
      await expect(failure).rejects.toMatchObject({ code: 'LDAP_BIND_FAILED', side: 'directory' });
      await failure.catch((error: Error) =>
        expect(error.message).not.toContain('not-the-password'),
      );
    });

    it('shows an invalid filter', async () => {
      const failure = read(upstreamTestSettings(server, { userFilter: '(cn~~Roland)' }));

      await expect(failure).rejects.toMatchObject({
        code: 'LDAP_INVALID_FILTER',
        message: expect.stringContaining('(cn~~Roland)'),
      });
    });

    it.each([
      ['LDAPS', { ssl: true, startTls: false }],
      ['StartTLS', { ssl: true, startTls: true }],
    ])('names the certificate problem when %s meets an untrusted CA', async (_how, tls) => {
      const options = upstreamTestSettings(server);
      const port = Number(new URL(tls.startTls ? server.url : server.ldapsUrl).port);

      const failure = read({ ...options, directory: { ...options.directory, ...tls, port } });

      await expect(failure).rejects.toMatchObject({
        code: 'LDAP_TLS_FAILED',
        message: expect.stringMatching(/self[- ]signed certificate/),
      });
    });

    it('says the server cannot be reached, naming it', async () => {
      const closed = await closedPort();
      const options = upstreamTestSettings(server);

      const failure = read({ ...options, directory: { ...options.directory, port: closed } });

      await expect(failure).rejects.toMatchObject({
        code: 'LDAP_UNREACHABLE',
        message: expect.stringContaining(`ldap://127.0.0.1:${closed}`),
      });
    });
  });

  it('reads only what changed since the last read on an incremental run, per object type', async () => {
    const server = await startOpenLdap({
      seed: { files: [path.join(fixtures, 'directory-20.ldif')] },
    });
    const client = new Client({ url: server.url });
    try {
      const options = upstreamTestSettings(server, { revisionDateAttribute: 'modifyTimestamp' });
      // modifyTimestamp has whole seconds: keep the last read and the change apart.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const lastRead = new Date();
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await client.bind(server.admin.dn, server.admin.password);
      const [roland] = (
        await client.search(server.suffix, { filter: '(cn=Roland Dyke)', attributes: ['dn'] })
      ).searchEntries;
      await client.modify(
        roland?.dn ?? '',
        new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'title', values: ['Changed'] }),
        }),
      );
      const cursor = {
        usersReadAt: lastRead.toISOString(),
        groupsReadAt: lastRead.toISOString(),
        userDeltaToken: null,
        groupDeltaToken: null,
      };

      const delta = await new LdapDirectoryProvider(options).read({
        mode: 'delta',
        dryRun: false,
        cursor,
        startedAt: new Date(),
      });
      const full = await new LdapDirectoryProvider(options).read({
        mode: 'full',
        dryRun: false,
        cursor,
        startedAt: new Date(),
      });

      expect(delta.users.map((user) => user.referenceId)).toEqual([roland?.dn]);
      expect(delta.groups).toEqual([]);
      expect(full.users).toHaveLength(20);
      expect(full.groups).toHaveLength(5);
    } finally {
      await client.unbind();
      await server.stop();
    }
  }, 60_000);

  it('flattens the circular-groups fixture (groupOfNames, member), cycles included', async () => {
    const server = await startOpenLdap({
      seed: { files: [path.join(fixtures, 'directory-circular-groups.ldif')] },
    });
    try {
      const members = flattenedMembers(
        await read(
          upstreamTestSettings(server, {
            userObjectClass: 'inetOrgPerson',
            groupObjectClass: 'groupOfNames',
            memberAttribute: 'member',
          }),
        ),
      );

      const engineering = ['Alice Chen', 'Bob Martinez', 'Carol Williams', 'David Kim'];
      expect(members).toEqual({
        Platform: engineering,
        DevOps: engineering,
        Engineering: engineering,
        QA: ['Carol Williams', 'David Kim'],
        Marketing: ['Eva Johnson', 'Frank Lee'],
        HR: ['Roland Dyke', 'Teirtza Kara'],
        AllStaff: [
          ...engineering,
          'Eva Johnson',
          'Frank Lee',
          'Roland Dyke',
          'Teirtza Kara',
        ].sort(),
        Contractors: engineering,
        TestNestA: ['Roland Dyke', 'Teirtza Kara'],
        TestNestB: ['Roland Dyke', 'Teirtza Kara'],
      });
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('resolves member DNs written in other case and spacing, escapes included', async () => {
    const server = await startOpenLdap({
      seed: {
        ldif: [
          'dn: ou=People,dc=bitwarden,dc=com\nobjectClass: organizationalUnit\nou: People',
          'dn: cn=Smith\\, John,ou=People,dc=bitwarden,dc=com\nobjectClass: inetOrgPerson\ncn: Smith, John\nsn: Smith\nmail: john.smith@example.com',
          'dn: cn=Ada Lovelace,ou=People,dc=bitwarden,dc=com\nobjectClass: inetOrgPerson\ncn: Ada Lovelace\nsn: Lovelace\nmail: ada@example.com',
          'dn: cn=Analysts,dc=bitwarden,dc=com\nobjectClass: groupOfNames\ncn: Analysts\n' +
            'member: CN=SMITH\\2C JOHN , OU=people,DC=Bitwarden, DC=COM\n' +
            'member: cn = ada lovelace,OU=People , dc=bitwarden,dc=com',
        ].join('\n\n'),
      },
    });
    try {
      const snapshot = await read(
        upstreamTestSettings(server, {
          userObjectClass: 'inetOrgPerson',
          groupObjectClass: 'groupOfNames',
          memberAttribute: 'member',
        }),
      );

      // Both members found (slapd returns the escaped comma as \\2C in the user's own DN).
      expect(flattenedMembers(snapshot)['Analysts']).toEqual(
        snapshot.users.map((user) => /^cn=([^,]+)/i.exec(user.externalId)?.[1]).sort(),
      );
      expect(snapshot.users).toHaveLength(2);
      expect(snapshot.notices).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('reports each group member left out, with the reason, instead of dropping it silently', async () => {
    const server = await startOpenLdap({
      seed: { files: [path.join(fixtures, 'directory-circular-groups.ldif')] },
    });
    try {
      const snapshot = await read(
        upstreamTestSettings(server, {
          userObjectClass: 'inetOrgPerson',
          groupObjectClass: 'groupOfNames',
          memberAttribute: 'member',
          userPath: 'ou=Engineering',
          userFilter: '(!(cn=David Kim))',
          groupFilter: '(|(cn=QA)(cn=HR))',
        }),
      );

      expect(snapshot.notices).toEqual(
        expect.arrayContaining([
          {
            kind: 'member-out-of-scope',
            group: 'QA',
            member: 'cn=David Kim,ou=Engineering,dc=bitwarden,dc=com',
            reason: 'excluded-by-filter',
          },
          {
            kind: 'member-out-of-scope',
            group: 'HR',
            member: 'cn=Roland Dyke,ou=Human Resources,dc=bitwarden,dc=com',
            reason: 'outside-user-path',
          },
        ]),
      );
      expect(flattenedMembers(snapshot)['QA']).toEqual(['Carol Williams']);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('reads a directory larger than the server’s size limit completely, as an ordinary account', async () => {
    const server = await startOpenLdap({
      seed: { files: [path.join(fixtures, 'directory-500.ldif')] },
      sizeLimit: 100,
    });
    try {
      const options = upstreamTestSettings(server, {
        groups: false,
        userObjectClass: 'inetOrgPerson',
      });
      const snapshot = await read({
        ...options,
        directory: { ...options.directory, username: server.reader.dn, pageSize: 50 },
        password: server.reader.password,
      });

      expect(snapshot.users).toHaveLength(500);
      expect(new Set(snapshot.users.map((user) => user.externalId)).size).toBe(500);
    } finally {
      await server.stop();
    }
  }, 60_000);
  it('reads users and groups larger than a page side by side, each completely', async () => {
    const server = await startOpenLdap({
      seed: { files: [path.join(fixtures, 'directory-500.ldif')] },
      sizeLimit: 100,
    });
    const admin = new Client({ url: server.url });
    try {
      await admin.bind(server.admin.dn, server.admin.password);
      const people = (
        await admin.search(server.suffix, {
          filter: '(objectClass=inetOrgPerson)',
          attributes: ['uid'],
          paged: { pageSize: 100 },
        })
      ).searchEntries.map((entry) => ({ dn: entry.dn, uid: String(entry['uid']) }));
      // A few users of the fixture share a uid; memberUid cannot tell those apart.
      const uidCounts = new Map<string, number>();
      people.forEach(({ uid }) => uidCounts.set(uid, (uidCounts.get(uid) ?? 0) + 1));
      const distinct = people.filter(({ uid }) => uidCounts.get(uid) === 1);
      // 120 groups of five members each, nearly every user in at least one.
      const expected = new Map<string, string[]>();
      for (let group = 0; group < 120; group += 1) {
        const members = [0, 1, 2, 3, 4].map(
          (offset) => distinct[(group * 5 + offset) % distinct.length],
        );
        const cn = `team-${group}`;
        await admin.add(`cn=${cn},${server.suffix}`, {
          objectClass: ['top', 'posixGroup'],
          cn,
          gidNumber: String(5000 + group),
          memberUid: members.map((member) => member?.uid ?? ''),
        });
        expected.set(cn, members.map((member) => member?.dn ?? '').sort());
      }
      const options = upstreamTestSettings(server, { userObjectClass: 'inetOrgPerson' });

      const snapshot = await read({
        ...options,
        directory: { ...options.directory, username: server.reader.dn, pageSize: 50 },
        password: server.reader.password,
      });

      expect(people).toHaveLength(500);
      expect(snapshot.users).toHaveLength(500);
      expect(snapshot.groups).toHaveLength(120);
      expect(
        new Map(
          snapshot.groups.map((group) => [group.name, [...group.userMemberExternalIds].sort()]),
        ),
      ).toEqual(expected);
    } finally {
      await admin.unbind();
      await server.stop();
    }
  }, 60_000);
});
