import { readdirSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { activeProfileOf } from '../data-file-keys';
import { DataFileStore } from '../data-file-store';
import { DataFileUnsupportedError } from '../errors/data-file.errors';
import { DataFileSchema } from '../schema/data-file.schema';
import { importUpstreamDataFile } from './import-upstream-data-file';

const fixtures = path.join(__dirname, 'fixtures');
const samples = readdirSync(fixtures).filter((name) => name.endsWith('.json'));

/** The parts of an upstream file these tests compare; all are JSON values. */
type Settings = Record<string, unknown>;
interface UpstreamSample extends Settings {
  readonly directoryLdap: Settings;
  readonly directoryGsuite: Settings;
  readonly directoryEntra: Settings;
  readonly directoryOkta: Settings;
  readonly directoryOnelogin: Settings;
  readonly sync: Settings;
}

describe('opening an upstream connector data.json', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'bwdc-upstream-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('has samples to check', () => {
    expect(samples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(samples)(
    'migrates %s in place with no setting lost, keeping the original',
    async (sample) => {
      const file = path.join(folder, 'data.json');
      await copyFile(path.join(fixtures, sample), file);
      const originalBytes = await readFile(file);
      const upstream = JSON.parse(originalBytes.toString('utf8')) as UpstreamSample;

      const sut = await DataFileStore.open({ file });

      expect(await readFile(`${file}.upstream-backup`)).toEqual(originalBytes);
      const migrated = DataFileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
      expect(await sut.read()).toEqual(migrated);
      expect(migrated['version']).toBe(1);

      const profile = activeProfileOf(migrated);
      expect(profile.directoryType).toBe('ldap');
      // Every directory setting, field by field; the password moved to the secrets.
      const { password, ...ldapSettings } = upstream.directoryLdap;
      expect(profile.directories['ldap']).toEqual(ldapSettings);
      for (const [field, value] of Object.entries(ldapSettings)) {
        expect(profile.directories['ldap']?.[field]).toEqual(value);
      }
      expect(profile.directories['gsuite']).toEqual(upstream.directoryGsuite);
      expect(profile.directories['entra']).toEqual(upstream.directoryEntra);
      expect(profile.directories['okta']).toEqual(upstream.directoryOkta);
      expect(profile.directories['onelogin']).toEqual(upstream.directoryOnelogin);
      for (const [field, value] of Object.entries(upstream['sync'])) {
        expect(profile.sync[field]).toEqual(value);
      }
      expect(profile.state).toEqual({
        lastSyncHash: upstream['lastSyncHash'] ?? null,
        lastUserSync: upstream['lastUserSync'],
        lastGroupSync: upstream['lastGroupSync'],
        userDeltaToken: upstream['userDeltaToken'],
        groupDeltaToken: upstream['groupDeltaToken'],
        // Upstream never counted: the empty-read check starts with our first whole read.
        lastSyncUserCount: null,
      });
      expect(migrated.server).toEqual(upstream['environmentUrls']);
      expect(migrated.organizationId).toBe(upstream['organizationId']);
      expect(migrated.appId).toBe(upstream['appId']);
      expect(migrated.secrets).toEqual({
        accessToken: upstream['accessToken'],
        apiKeyClientId: upstream['apiKeyClientId'],
        apiKeyClientSecret: upstream['apiKeyClientSecret'],
        secretLdap: password,
      });
      expect(migrated.app).toEqual({
        installedVersion: upstream['installedVersion'],
        entityId: upstream['entityId'],
      });
    },
  );

  it('opens the migrated file again without a second migration', async () => {
    const file = path.join(folder, 'data.json');
    await copyFile(path.join(fixtures, samples[0] ?? ''), file);
    await DataFileStore.open({ file });
    const once = await readFile(file, 'utf8');

    await DataFileStore.open({ file });

    expect(await readFile(file, 'utf8')).toBe(once);
  });

  it('refuses the nested layout of connectors before 2.x, leaving it untouched', async () => {
    const file = path.join(folder, 'data.json');
    const legacy = JSON.stringify({ stateVersion: 3, global: {}, activeUserId: 'u' });
    await (await import('node:fs/promises')).writeFile(file, legacy);

    await expect(DataFileStore.open({ file })).rejects.toBeInstanceOf(DataFileUnsupportedError);
    expect(await readFile(file, 'utf8')).toBe(legacy);
  });
});

describe('importUpstreamDataFile', () => {
  it('keeps the old always-invite behaviour for configs older than state version 8', () => {
    const result = importUpstreamDataFile({ stateVersion: 7, sync: { users: true, groups: true } });

    expect(result.ok && result.file.profiles['default']?.sync.inviteUsersAfterProvisioning).toBe(
      true,
    );
  });

  it('keeps keychain-mode placeholders out of the secrets and scopes secrets by config id', () => {
    const keychain = importUpstreamDataFile({
      stateVersion: 8,
      directoryType: 3,
      directoryOkta: { id: 'cfg-1', orgUrl: 'https://acme.okta.com', token: '[STORED SECURELY]' },
    });
    const plaintext = importUpstreamDataFile({
      stateVersion: 8,
      directoryType: 3,
      directoryOkta: { id: 'cfg-1', orgUrl: 'https://acme.okta.com', token: 'okta-token' },
    });

    expect(keychain.ok && keychain.file.secrets).toEqual({});
    expect(keychain.ok && keychain.file.profiles['default']?.directories['okta']).toEqual({
      id: 'cfg-1',
      orgUrl: 'https://acme.okta.com',
    });
    expect(plaintext.ok && plaintext.file.secrets).toEqual({ 'secretOkta:cfg-1': 'okta-token' });
  });

  it('keeps a disabled schedule (interval null) as it is', () => {
    const result = importUpstreamDataFile({
      stateVersion: 8,
      sync: { interval: null, users: null },
    });

    expect(result.ok && result.file.profiles['default']?.sync).toMatchObject({
      interval: null,
      users: false,
    });
  });
});
