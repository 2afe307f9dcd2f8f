import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { startBitwardenServer, type RunningBitwardenServer } from '@bwdc/bitwarden-server';
import {
  bwdcLdapConnectionSettings,
  startOpenLdap,
  type RunningOpenLdap,
} from '@bwdc/directory-servers';

import { runBwdc } from './cli-test-harness';

const ORG_ID = '3f1e7a52-8c4d-4b6e-9a0f-1d2c3b4a5e6f';
const CLIENT_ID = `organization.${ORG_ID}`;
const CLIENT_SECRET = 'k3yS3cr3tThirtyCharactersLong0';
const fixtures = path.resolve(__dirname, '../../../tools/directory-servers/openldap/fixtures');

/**
 * `bwdc` through commander with the real Connector: a data file in a temporary folder (secrets in
 * it, in plaintext mode), the local Bitwarden server and a real slapd with upstream's fixture.
 */
/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('bwdc against a local Bitwarden server and a real slapd', () => {
  let bitwarden: RunningBitwardenServer;
  let ldap: RunningOpenLdap;
  let dir: string;
  let env: Record<string, string>;
  const outputs: string[] = [];
  const failures: { args: string[]; stderr: string }[] = [];

  beforeAll(async () => {
    [bitwarden, ldap] = await Promise.all([
      startBitwardenServer({
        seed: {
          organizations: [
            {
              id: ORG_ID,
              apiKey: CLIENT_SECRET,
              members: [{ email: 'owner@example.com', type: 'owner', status: 'confirmed' }],
              groups: [],
            },
          ],
        },
      }),
      startOpenLdap({ seed: { files: [path.join(fixtures, 'directory-20.ldif')] } }),
    ]);
    dir = await mkdtemp(path.join(tmpdir(), 'bwdc-cli-'));
    env = {
      BITWARDENCLI_CONNECTOR_APPDATA_DIR: dir,
      BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true',
    };
    await configure();
  }, 60_000);

  afterAll(async () => {
    await Promise.all([bitwarden?.stop(), ldap?.stop()]);
    await rm(dir, { recursive: true, force: true });
    // No secret ever reaches an output, whatever the command printed.
    const everything = outputs.join('\n');
    expect(everything).not.toContain(CLIENT_SECRET);
    expect(everything).not.toContain(ldap.reader.password);
    // Every failure said what went wrong in one line on stderr, and no stack trace.
    expect(failures.length).toBeGreaterThan(5);
    for (const failure of failures) {
      expect({ args: failure.args, stderr: failure.stderr }).toEqual({
        args: failure.args,
        stderr: expect.stringMatching(/^[^\n]+\n$/),
      });
      expect(failure.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    }
  });

  const dataFile = () => path.join(dir, 'data.json');

  /** Upstream's LDAP test settings, set with the config verb as an admin would. */
  async function configure(): Promise<void> {
    const settings: [string, string][] = [
      ['server', bitwarden.url],
      // The ordinary account: slapd's size limit applies, and its password is a distinct word.
      ...bwdcLdapConnectionSettings(ldap),
      ['sync.users', 'true'],
      ['sync.groups', 'true'],
      ['sync.userObjectClass', 'person'],
      ['sync.groupObjectClass', 'posixGroup'],
      ['sync.groupNameAttribute', 'cn'],
      ['sync.userEmailAttribute', 'mail'],
      ['sync.memberAttribute', 'memberUid'],
    ];
    for (const [setting, value] of settings) {
      const result = await bwdc(['config', setting, value]);
      expect(result).toMatchObject({ stdout: `Saved setting \`${setting}\`.\n`, exitCode: 0 });
    }
    const password = await bwdc(['config', 'ldap.password', '--secretenv', 'LDAP_PASSWORD'], {
      LDAP_PASSWORD: ldap.reader.password,
    });
    expect(password.exitCode).toBe(0);
  }

  async function bwdc(
    args: string[],
    extraEnv: Record<string, string> = {},
    { terminal = false }: { terminal?: boolean } = {},
  ) {
    const result = await runBwdc({
      dataFile: dataFile(),
      env: { ...env, ...extraEnv },
      args,
      terminal,
    });
    outputs.push(result.stdout, result.stderr);
    if (result.exitCode === 1 && !args.includes('--response')) {
      failures.push({ args, stderr: result.stderr });
    }
    return result;
  }

  const members = () =>
    bitwarden
      .organization(ORG_ID)
      .members.filter((member) => member.externalId !== null)
      .map((member) => member.email)
      .sort();

  it('refuses to test or sync before login, saying how to log in', async () => {
    const result = await bwdc(['sync']);

    expect(result).toMatchObject({ stdout: '', exitCode: 1 });
    expect(result.stderr).toBe(
      'You are not logged in. Log in with the organization API key: bwdc login (or set BW_CLIENTID and BW_CLIENTSECRET).\n',
    );
  });

  it('refuses login without a secret under --nointeraction, as upstream', async () => {
    const result = await bwdc(['--nointeraction', 'login', CLIENT_ID]);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('Client Secret is required.');
  });

  it('names a wrong API key as the Bitwarden server’s refusal', async () => {
    const result = await bwdc([
      '--response',
      'login',
      CLIENT_ID,
      'wrong-secret-wrong-secret-wrong0',
    ]);

    const envelope = JSON.parse(result.stdout) as {
      success: boolean;
      errorCode: string;
      side: string;
    };
    expect(envelope).toMatchObject({ success: false, side: 'bitwarden' });
    expect(result.exitCode).toBe(1);
  });

  it('logs in with BW_CLIENTID and BW_CLIENTSECRET, and refuses a second login', async () => {
    const first = await bwdc(['login'], { BW_CLIENTID: CLIENT_ID, BW_CLIENTSECRET: CLIENT_SECRET });
    const second = await bwdc(['login', CLIENT_ID, CLIENT_SECRET]);

    expect(first).toMatchObject({
      stdout: `You are logged in!\nOrganization ${ORG_ID}.\n`,
      exitCode: 0,
    });
    expect(second.stderr).toContain(`You are already logged in as ${CLIENT_ID}.`);
    const stored = await readFile(dataFile(), 'utf8');
    expect(JSON.parse(stored)).toMatchObject({ organizationId: ORG_ID });
  });

  it('answers test in upstream’s envelope, sending nothing', async () => {
    const result = await bwdc(['--response', 'test']);

    const envelope = JSON.parse(result.stdout) as {
      success: boolean;
      data: {
        object: string;
        groups: { displayName: string; userIds: string[] }[];
        enabledUsers: unknown[];
        disabledUsers: unknown[];
        deletedUsers: unknown[];
      };
    };
    expect(envelope.success).toBe(true);
    expect(Object.keys(envelope.data).sort()).toEqual(
      ['deletedUsers', 'disabledUsers', 'enabledUsers', 'groups', 'object'].sort(),
    );
    expect(envelope.data.object).toBe('test');
    expect(envelope.data.enabledUsers).toHaveLength(20);
    expect(
      Object.fromEntries(
        envelope.data.groups.map((group) => [group.displayName, group.userIds.length]),
      ),
    ).toEqual({ 'Blue Team': 3, 'Red Team': 2, Cleaners: 0, 'DevOps Team': 3, 'Security Team': 2 });
    expect(members()).toEqual([]);
  });

  it('shows test as tables to a person', async () => {
    const result = await bwdc(['test']);

    expect(result.stdout).toContain('Enabled users (20)');
    expect(result.stdout).toContain('Groups (5)');
    expect(result.stdout).toMatch(/ {2}Blue Team \(3\)\n {4}\S+@/);
  });

  it('syncs, then says plainly that an unchanged directory sent nothing', async () => {
    const first = await bwdc(['sync']);
    const second = await bwdc(['sync']);

    expect(first).toMatchObject({
      stdout: 'Syncing complete.\nSynced 5 group(s) and 20 user(s).\n',
      exitCode: 0,
    });
    expect(members()).toHaveLength(20);
    expect(second).toMatchObject({
      stdout: 'Nothing to sync.\nUnchanged since the last sync: nothing sent.\n',
      exitCode: 0,
    });
  }, 30_000);

  it('tests only what changed since the last sync with --last, in the same envelope', async () => {
    const result = await bwdc(['--response', 'test', '--last']);

    const envelope = JSON.parse(result.stdout) as { data: Record<string, unknown> };
    expect(Object.keys(envelope.data).sort()).toEqual(
      ['deletedUsers', 'disabledUsers', 'enabledUsers', 'groups', 'object'].sort(),
    );
    // No revision attribute is set, so the LDAP provider reads everything, as upstream.
    expect(envelope.data['enabledUsers']).toHaveLength(20);
  });

  it('shows a progress line on a terminal while the directory is read, then clears it', async () => {
    const onTerminal = await bwdc(['test'], {}, { terminal: true });
    const piped = await bwdc(['test']);

    expect(onTerminal.stderr).toContain('Reading the directory: 20 users, 5 groups');
    expect(onTerminal.stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(piped.stderr).toBe('');
  });

  it('indents the envelope with --pretty and prints test as JSON with --raw', async () => {
    const pretty = await bwdc(['--response', '--pretty', 'last-sync', 'users']);
    const raw = await bwdc(['--raw', 'test']);

    expect(pretty.stdout).toMatch(
      /^\{\n {2}"success": true,\n {2}"data": \{\n {4}"object": "string",/,
    );
    expect(JSON.parse(raw.stdout)).toMatchObject({ object: 'test', groups: expect.any(Array) });
    expect((JSON.parse(raw.stdout) as { enabledUsers: unknown[] }).enabledUsers).toHaveLength(20);
  });

  it('prints when users and groups were last synced', async () => {
    const users = await bwdc(['last-sync', 'users']);
    const unknown = await bwdc(['last-sync', 'computers']);

    expect(users.stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\n$/);
    expect(unknown).toMatchObject({ exitCode: 1 });
    expect(unknown.stderr).toContain('Unknown object.');
  });

  it('clear-cache makes the next sync read and send everything again', async () => {
    const importsBefore = bitwarden.requests.filter((request) =>
      request.path.endsWith('/import'),
    ).length;

    const cleared = await bwdc(['clear-cache']);
    const sync = await bwdc(['sync']);

    expect(cleared.stdout).toBe('The sync cache has been cleared.\n');
    expect(sync.stdout).toBe('Syncing complete.\nSynced 5 group(s) and 20 user(s).\n');
    expect(bitwarden.requests.filter((request) => request.path.endsWith('/import'))).toHaveLength(
      importsBefore + 1,
    );
    expect((await bwdc(['last-sync', 'groups'])).stdout).not.toBe('');
  }, 30_000);

  it('names an unreachable directory server, on the directory side, in one line', async () => {
    const closed = await closedPort();
    await bwdc(['config', 'ldap.port', String(closed)]);
    try {
      const result = await bwdc(['sync']);

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toBe(
        `Cannot reach the LDAP server at ldap://127.0.0.1:${closed} (ECONNREFUSED). ` +
          'Check the host name and port (389 for LDAP and StartTLS, 636 for LDAPS) and that this machine can reach the server.\n',
      );
    } finally {
      await bwdc(['config', 'ldap.port', new URL(ldap.url).port]);
    }
  });

  it('answers a typo in a setting with the closest keys', async () => {
    const result = await bwdc(['config', 'ldap.hostnme', 'x']);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('ldap.hostname');
  });

  it('exits 0 on an error with --cleanexit', async () => {
    const result = await bwdc(['--cleanexit', 'last-sync', 'computers']);

    expect(result.exitCode).toBe(0);
  });

  it('keeps named profiles, each with its own settings, one active', async () => {
    const added = await bwdc(['profile', 'add', 'hr-export', '--copy-from', 'default']);
    const used = await bwdc(['profile', 'use', 'hr-export']);
    const configured = await bwdc(['config', 'directory', 'file']);
    const listed = await bwdc(['--response', 'profile', 'list']);
    const back = await bwdc(['profile', 'use', 'default']);
    const stillLdap = await bwdc(['config', 'directory']);
    const removed = await bwdc(['profile', 'remove', 'hr-export']);
    const missing = await bwdc(['profile', 'use', 'hr-export']);

    expect([added, used, configured, back, removed].map((result) => result.exitCode)).toEqual([
      0, 0, 0, 0, 0,
    ]);
    expect(JSON.parse(listed.stdout)).toEqual({
      success: true,
      data: {
        object: 'list',
        data: [
          { name: 'default', active: false, directory: 'ldap' },
          { name: 'hr-export', active: true, directory: 'file' },
        ],
      },
    });
    expect(stillLdap.stdout).toBe('ldap\n');
    expect(missing).toMatchObject({ exitCode: 1 });
    expect(missing.stderr).toContain("There is no profile named 'hr-export'.");
  });

  it('logs out, forgetting the API key but not the settings', async () => {
    const result = await bwdc(['logout']);
    const after = await bwdc(['sync']);

    expect(result.stdout).toBe('You have logged out.\n');
    expect(after.stderr).toContain('You are not logged in.');
    const stored = JSON.parse(await readFile(dataFile(), 'utf8')) as {
      secrets: Record<string, string>;
    };
    expect(Object.keys(stored.secrets)).toEqual(['secretLdap']);
  });
});
