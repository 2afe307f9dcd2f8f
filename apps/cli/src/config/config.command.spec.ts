import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';

import { DATA_KEYS, PlaintextSecretStore } from '@bwdc/storage';

import { ConfigHarness, type MemorySecretStore } from './config-test-harness';
import { MASKED_SECRET } from './secret-setting';
import { SETTINGS, type Setting } from './setting-catalogue';

/** A value each setting accepts, and what `bwdc config <setting>` then prints. */
function sampleFor({ name, target }: Setting): { value: string; printed: string } {
  switch (target.kind) {
    case 'server':
      return { value: `${name}.example.com/`, printed: `https://${name}.example.com` };
    case 'directoryType':
      return { value: 'FILE', printed: 'file' };
    case 'secret':
      return { value: `secret-of-${name}`, printed: MASKED_SECRET };
    case 'directory':
    case 'sync': {
      const { kind } = target.shape;
      switch (kind.type) {
        case 'boolean':
          return { value: 'TRUE', printed: 'true' };
        case 'integer':
        case 'number':
          return { value: '7', printed: '7' };
        case 'text':
          return { value: 'x', printed: 'x' };
        case 'choice':
          return { value: kind.options[0] ?? '', printed: kind.options[0] ?? '' };
        case 'json':
          return { value: '["x"]', printed: '["x"]' };
      }
    }
  }
}

describe('bwdc config', () => {
  let harness: ConfigHarness;

  beforeEach(async () => {
    harness = await ConfigHarness.create();
  });

  afterEach(async () => {
    await harness.dispose();
  });

  it.each(SETTINGS.map((setting) => [setting.name, setting] as const))(
    'sets and prints %s',
    async (name, setting) => {
      const { value, printed } = sampleFor(setting);

      expect(await harness.run([name, value])).toEqual({
        stdout: `Saved setting \`${name}\`.\n`,
        stderr: '',
        exitCode: 0,
      });
      expect(await harness.get(name)).toBe(printed);
    },
  );

  it('lists every setting with its value, secrets masked', async () => {
    await harness.run(['ldap.password', 'hunter2']);
    await harness.run(['ldap.hostname', 'dc1.example.com']);

    const { stdout } = await harness.run(['--list']);
    const rows = JSON.parse(stdout) as { setting: string; value: unknown }[];

    expect(rows.map((row) => row.setting)).toEqual(SETTINGS.map((setting) => setting.name));
    expect(rows).toEqual(
      expect.arrayContaining([
        { setting: 'server', value: null },
        { setting: 'ldap.hostname', value: 'dc1.example.com' },
        { setting: 'ldap.port', value: 389 },
        { setting: 'ldap.password', value: MASKED_SECRET },
        { setting: 'okta.token', value: null },
        { setting: 'sync.interval', value: 5 },
      ]),
    );
    expect(stdout).not.toContain('hunter2');
  });

  it('lists the settings that start with a prefix', async () => {
    const { stdout } = await harness.run(['--list', 'LDAP.']);
    const settings = (JSON.parse(stdout) as { setting: string }[]).map((row) => row.setting);

    expect(settings).toContain('ldap.password');
    expect(settings.every((name) => name.startsWith('ldap.'))).toBe(true);
  });

  it('matches keys in any case', async () => {
    await harness.run(['LDAP.HostName', 'dc1.example.com']);
    await harness.run(['SYNC.LARGEIMPORT', 'true']);

    expect(await harness.get('ldap.hostname')).toBe('dc1.example.com');
    expect(await harness.get('Sync.LargeImport')).toBe('true');
  });

  it('stores each setting where the provider reads it', async () => {
    await harness.run(['ldap.port', '636']);
    await harness.run(['ldap.ssl', 'true']);
    await harness.run(['sync.userObjectClass', 'inetOrgPerson']);
    await harness.run(['sync.users', 'true']);

    const file = await harness.store.read();
    expect(DATA_KEYS.directories.read(file)['ldap']).toEqual({ port: 636, ssl: true });
    expect(DATA_KEYS.syncOptions.read(file)).toMatchObject({
      users: true,
      userObjectClass: 'inetOrgPerson',
    });
  });

  it('clears a nullable field with null and restores a default otherwise', async () => {
    await harness.run(['sync.userFilter', '(cn=a*)']);
    await harness.run(['ldap.port', '636']);

    await harness.run(['sync.userFilter', 'null']);
    await harness.run(['ldap.port', 'null']);
    await harness.run(['file.groupPathSeparator', 'null']);

    expect(await harness.get('sync.userFilter')).toBe('');
    expect(await harness.get('ldap.port')).toBe('389');
    expect(await harness.get('file.groupSeparator')).toBe(';');
    expect(await harness.get('file.groupPathSeparator')).toBe('');
    const directories = DATA_KEYS.directories.read(await harness.store.read());
    expect(directories).toEqual({ ldap: {}, file: { groupPathSeparator: null } });
  });

  describe('server', () => {
    it('stores a self-hosted base URL normalised and resets the other URLs', async () => {
      await harness.run(['server.api', 'https://api.example.com']);
      await harness.run(['server.identity', 'https://id.example.com/']);
      expect(await harness.get('server.identity')).toBe('https://id.example.com');

      await harness.run(['server', ' bitwarden.example.com/// ']);

      expect(DATA_KEYS.server.read(await harness.store.read())).toEqual({
        base: 'https://bitwarden.example.com',
        api: null,
        identity: null,
        webVault: null,
      });
    });

    it.each(['null', 'bitwarden.com', 'https://bitwarden.com', 'https://bitwarden.com/'])(
      'resets to the Bitwarden cloud for %s',
      async (value) => {
        await harness.run(['server', 'https://vault.example.com']);
        await harness.run(['server.api', 'https://api.example.com']);

        await harness.run(['server', value]);

        expect(DATA_KEYS.server.read(await harness.store.read())).toEqual({
          base: null,
          api: null,
          identity: null,
          webVault: null,
        });
      },
    );

    it('keeps http:// and refuses what is not a URL', async () => {
      await harness.run(['server', 'http://localhost:8080']);
      expect(await harness.get('server')).toBe('http://localhost:8080');

      const result = await harness.run(['server', 'not a host']);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/^Invalid value for server: not a URL\./);
    });
  });

  describe('directory', () => {
    it.each([
      ['0', 'ldap'],
      ['1', 'entra'],
      ['2', 'gsuite'],
      ['3', 'okta'],
      ['4', 'onelogin'],
      ['ldap', 'ldap'],
      ['OneLogin', 'onelogin'],
      ['file', 'file'],
    ])('takes upstream’s number or a name: %s', async (value, type) => {
      await harness.run(['directory', value]);

      expect(await harness.get('directory')).toBe(type);
    });

    it.each(['5', '-1', 'abc', '1.5', ''])('refuses %j (upstream stored NaN)', async (value) => {
      const result = await harness.run(['directory', value]);

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('Invalid value for directory');
      expect(result.stderr).toContain('0 (ldap)');
    });

    it('clears the sync state when the type changes, and only then', async () => {
      const state = {
        lastSyncHash: 'hash',
        lastUserSync: '2024-01-01T00:00:00.000Z',
        lastGroupSync: '2024-01-01T00:00:00.000Z',
        userDeltaToken: 'delta',
        groupDeltaToken: 'delta',
        lastSyncUserCount: 3,
      };
      await harness.run(['directory', 'ldap']);
      await harness.store.set(DATA_KEYS.syncState, state);

      await harness.run(['directory', '0']);
      expect(await harness.store.get(DATA_KEYS.syncState)).toEqual(state);

      await harness.run(['directory', 'okta']);
      expect(await harness.store.get(DATA_KEYS.syncState)).toEqual({
        lastSyncHash: null,
        lastUserSync: null,
        lastGroupSync: null,
        userDeltaToken: null,
        groupDeltaToken: null,
        lastSyncUserCount: null,
      });
    });
  });

  describe('secrets', () => {
    const secretText = 'pa55-w0rd-that-must-not-leak';

    it.each(SETTINGS.filter((setting) => setting.target.kind === 'secret').map((s) => s.name))(
      'never writes %s to the data file nor prints it',
      async (name) => {
        const outputs = [
          await harness.run([name, secretText]),
          await harness.run([name]),
          await harness.run(['--list']),
          await harness.run(['--response', name]),
        ];

        expect(await harness.dataFileText()).not.toContain(secretText);
        for (const output of outputs) {
          expect(output.stdout + output.stderr).not.toContain(secretText);
        }
        expect(await harness.get(name)).toBe(MASKED_SECRET);
      },
    );

    it('stores them under upstream’s keychain keys, scoped to the config id', async () => {
      const secrets = harness.secrets as MemorySecretStore;
      await harness.store.set(DATA_KEYS.directories, { ldap: { id: 'cfg-1' } });

      await harness.run(['ldap.password', 'a']);
      await harness.run(['azure.key', 'b']);
      await harness.run(['okta.token', 'c']);
      await harness.run(['onelogin.secret', 'd']);
      await harness.run(['gsuite.key', '  -----BEGIN KEY-----\\nabc\\n-----END KEY-----']);

      expect(Object.fromEntries(secrets.entries)).toEqual({
        'secretLdap:cfg-1': 'a',
        secretEntra: 'b',
        secretOkta: 'c',
        secretOneLogin: 'd',
        secretGsuite: '-----BEGIN KEY-----\nabc\n-----END KEY-----',
      });
      expect(await harness.get('entra.key')).toBe(MASKED_SECRET);
    });

    it('deletes a secret with null, under every key it may be read from', async () => {
      const secrets = harness.secrets as MemorySecretStore;
      secrets.entries.set('secretEntra', 'old');
      secrets.entries.set('secretAzure', 'older');

      await harness.run(['entra.key', 'null']);

      expect([...secrets.entries.keys()]).toEqual([]);
      expect(await harness.get('entra.key')).toBe('');
    });

    it('takes the value from --secretenv', async () => {
      const result = await harness.run(['ldap.password', '--secretenv', 'LDAP_PW'], {
        LDAP_PW: secretText,
      });

      expect(result.stdout).toBe('Saved setting `ldap.password`.\n');
      expect(await harness.secrets.get('secretLdap')).toBe(secretText);
    });

    it('takes the first line of --secretfile, even a literal null', async () => {
      const file = path.join(harness.folder, 'secret.txt');
      await writeFile(file, 'null\r\nsecond line\n');

      await harness.run(['okta.token', '', '--secretfile', file]);

      expect(await harness.secrets.get('secretOkta')).toBe('null');
    });

    it('imports a Google service account JSON key file: the key as the secret, the client email as a setting', async () => {
      const pem = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n';
      const file = path.join(harness.folder, 'key.json');
      await writeFile(
        file,
        JSON.stringify(
          {
            type: 'service_account',
            client_email: 'bwdc@project.iam.gserviceaccount.com',
            private_key: pem,
          },
          null,
          2,
        ),
      );

      const result = await harness.run(['gsuite.key', '--secretfile', file]);

      expect(result.stdout).toBe(
        'Saved settings `gsuite.key` and `gsuite.clientEmail` from the service account key file.\n',
      );
      expect(await harness.secrets.get('secretGsuite')).toBe(pem);
      expect(await harness.get('gsuite.clientEmail')).toBe('bwdc@project.iam.gserviceaccount.com');
    });

    it('takes a PEM --secretfile for gsuite.key whole, not its first line', async () => {
      const pem = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n';
      const file = path.join(harness.folder, 'key.pem');
      await writeFile(file, pem);

      await harness.run(['gsuite.key', '--secretfile', file]);

      expect(await harness.secrets.get('secretGsuite')).toBe(pem);
    });

    it('names a JSON --secretfile that is no service account key, never echoing it', async () => {
      const file = path.join(harness.folder, 'other.json');
      await writeFile(file, '{"client_email":"a@b.c","token":"s3cr3t"}');

      const result = await harness.run(['gsuite.key', '--secretfile', file]);

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/key file cannot be used: it has no PEM private_key/);
      expect(result.stderr).not.toContain('s3cr3t');
      expect(await harness.secrets.get('secretGsuite')).toBeNull();
    });

    it('reports a missing variable or file without a value', async () => {
      const missingVariable = await harness.run(['ldap.password', '--secretenv', 'NOPE']);
      const missingFile = await harness.run([
        'ldap.password',
        '--secretfile',
        path.join(harness.folder, 'nope.txt'),
      ]);

      expect(missingVariable.stderr).toMatch(/^The environment variable NOPE .* is not set\./);
      expect(missingFile.stderr).toMatch(/^Cannot read the --secretfile .*nope\.txt/);
      expect([missingVariable.exitCode, missingFile.exitCode]).toEqual([1, 1]);
    });

    it('keeps them in the data file only in plaintext mode', async () => {
      const plaintext = await ConfigHarness.create((store) => new PlaintextSecretStore(store));
      try {
        await plaintext.run(['ldap.password', secretText]);

        expect((await plaintext.store.read()).secrets).toEqual({ secretLdap: secretText });
        expect(DATA_KEYS.directories.read(await plaintext.store.read())).toEqual({});
        expect(await plaintext.get('ldap.password')).toBe(MASKED_SECRET);
      } finally {
        await plaintext.dispose();
      }
    });
  });

  describe('errors', () => {
    it.each([
      [
        ['ldap.port', 'abc'],
        'Invalid value for ldap.port: expected a whole number. ldap.port takes a whole number, or null to restore its default (389).',
      ],
      [
        ['ldap.port', '70000'],
        'Invalid value for ldap.port: Too big: expected number to be <=65535. ldap.port takes a whole number, or null to restore its default (389).',
      ],
      [
        ['sync.inviteUsersAfterProvisioning', 'yes'],
        "Invalid value for sync.inviteUsersAfterProvisioning: Value must be 'true' or 'false'. sync.inviteUsersAfterProvisioning takes 'true' or 'false'.",
      ],
      [
        ['sync.users', 'null'],
        "Invalid value for sync.users: it cannot be cleared. sync.users takes 'true' or 'false'.",
      ],
      [
        ['file.format', 'xml'],
        'Invalid value for file.format: expected one of csv, json, ldif. file.format takes one of csv, json, ldif, or null to clear it.',
      ],
      [
        ['file.delimiter', ';;'],
        'Invalid value for file.delimiter: the delimiter must be one character. file.delimiter takes text, or null to restore its default (",").',
      ],
      [
        ['ldap.hostname', ' '],
        'Invalid value for ldap.hostname: the LDAP server host name is required. ldap.hostname takes text.',
      ],
    ])('refuses a wrong value: %j', async (args, message) => {
      expect(await harness.run(args)).toEqual({ stdout: '', stderr: `${message}\n`, exitCode: 1 });
      expect(await harness.dataFileText()).toBe('');
    });

    it('suggests the closest keys for an unknown one', async () => {
      const typo = await harness.run(['ldap.hostnme', 'x']);
      const bare = await harness.run(['userFilter']);

      expect(typo.stderr).toBe(
        "Unknown setting 'ldap.hostnme'. Did you mean ldap.hostname? Run bwdc config --list to see every setting.\n",
      );
      expect(bare.stderr).toContain('Did you mean sync.userFilter');
      expect(typo.exitCode).toBe(1);
    });

    it('lists the keys of the group, or every key, when none is close', async () => {
      const inGroup = await harness.run(['ldap.frobnicate']);
      const anywhere = await harness.run(['frobnicate']);

      expect(inGroup.stderr).toMatch(
        /^Unknown setting 'ldap\.frobnicate'\. The ldap\.\* settings are ldap\.hostname, ldap\.port, /,
      );
      expect(anywhere.stderr).toContain('Valid settings: server, server.api,');
      expect(anywhere.stderr).toContain('sync.inviteUsersAfterProvisioning');
    });

    it('answers in upstream’s envelope with --response', async () => {
      const { stdout } = await harness.run(['--response', 'nope.nope', 'x']);

      expect(JSON.parse(stdout)).toMatchObject({
        success: false,
        errorCode: 'SETTING_UNKNOWN',
        side: 'configuration',
      });
    });

    it.each([
      [[], 'Name the setting to set or print.'],
      [['ldap.password', 'x', '--secretenv', 'X'], 'Give the value as an argument or with'],
      [['ldap.password', '--secretenv', 'X', '--secretfile', 'f'], 'Give --secretenv or'],
      [['--list', 'ldap', 'x'], '--list takes no value.'],
    ])('refuses %j', async (args, message) => {
      const result = await harness.run(args);

      expect(result.stderr).toContain(message);
      expect(result.exitCode).toBe(1);
    });
  });
});
