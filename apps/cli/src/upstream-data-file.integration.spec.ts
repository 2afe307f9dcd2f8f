import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { startBitwardenServer, type RunningBitwardenServer } from '@bwdc/bitwarden-server';
import { startOpenLdap, type RunningOpenLdap } from '@bwdc/directory-servers';

import { runBwdc } from './cli-test-harness';

/** A real upstream data.json (its copy among the storage tests' fixtures). */
const fixture = path.resolve(
  __dirname,
  '../../../libs/storage/src/upstream/fixtures/ldap-plaintext-after-sync.v8.json',
);

interface UpstreamFile {
  readonly organizationId: string;
  readonly apiKeyClientSecret: string;
  readonly directoryLdap: { readonly port: number; readonly rootPath: string };
}

/** The directory the upstream file was written for: people, and groupOfNames under ou=Groups. */
function seedFor(suffix: string): string {
  const people = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'];
  const uid = (name: string) => name.split(' ')[0]?.toLowerCase() ?? name;
  return [
    `dn: ou=People,${suffix}\nobjectClass: organizationalUnit\nou: People`,
    `dn: ou=Groups,${suffix}\nobjectClass: organizationalUnit\nou: Groups`,
    ...people.map(
      (name) =>
        `dn: cn=${name},ou=People,${suffix}\nobjectClass: inetOrgPerson\ncn: ${name}\nsn: ${name.split(' ')[1]}\nuid: ${uid(name)}\nmail: ${uid(name)}@example.com`,
    ),
    `dn: cn=Pioneers,ou=Groups,${suffix}\nobjectClass: groupOfNames\ncn: Pioneers\n` +
      people.map((name) => `member: cn=${name},ou=People,${suffix}`).join('\n'),
  ].join('\n\n');
}

/**
 * Acceptance 2 of the CLI issue: an upstream connector's data.json in the data folder, plaintext
 * secrets as it was written, and `bwdc sync` works with no step but pointing `server` here.
 */
describe('bwdc on a data.json written by the upstream connector', () => {
  let upstream: UpstreamFile;
  let bitwarden: RunningBitwardenServer;
  let ldap: RunningOpenLdap;
  let dir: string;

  beforeAll(async () => {
    upstream = JSON.parse(await readFile(fixture, 'utf8')) as UpstreamFile;
    [bitwarden, ldap] = await Promise.all([
      startBitwardenServer({
        seed: {
          organizations: [
            {
              id: upstream.organizationId,
              apiKey: upstream.apiKeyClientSecret,
              members: [{ email: 'owner@example.com', type: 'owner', status: 'confirmed' }],
              groups: [],
            },
          ],
        },
      }),
      // The file names 127.0.0.1:3890 and the fixtures' admin: the same slapd, on that port.
      startOpenLdap({
        port: upstream.directoryLdap.port,
        seed: { ldif: seedFor(upstream.directoryLdap.rootPath) },
      }),
    ]);
    dir = await mkdtemp(path.join(tmpdir(), 'bwdc-upstream-'));
    await copyFile(fixture, path.join(dir, 'data.json'));
  }, 60_000);

  afterAll(async () => {
    await Promise.all([bitwarden?.stop(), ldap?.stop()]);
    await rm(dir, { recursive: true, force: true });
  });

  async function bwdc(args: string[]) {
    const { stdout, stderr, exitCode } = await runBwdc({
      dataFile: path.join(dir, 'data.json'),
      env: {
        BITWARDENCLI_CONNECTOR_APPDATA_DIR: dir,
        BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true',
      },
      args,
    });
    return { output: stdout + stderr, exitCode };
  }

  it('syncs after only the server is pointed here, then finds nothing changed', async () => {
    const server = await bwdc(['config', 'server', bitwarden.url]);
    const first = await bwdc(['sync']);
    const second = await bwdc(['sync']);

    expect(server.exitCode).toBe(0);
    expect(first).toEqual({
      output: 'Syncing complete.\nSynced 1 group(s) and 3 user(s).\n',
      exitCode: 0,
    });
    expect(second.output).toContain('Unchanged since the last sync: nothing sent.');
    const organization = bitwarden.organization(upstream.organizationId);
    expect(organization.members.map((member) => member.email).sort()).toEqual([
      'ada@example.com',
      'alan@example.com',
      'grace@example.com',
      'owner@example.com',
    ]);
    expect(organization.groups.map((group) => [group.name, group.members.length])).toEqual([
      ['Pioneers', 3],
    ]);
    // The upstream original is kept beside the converted file.
    await expect(readFile(path.join(dir, 'data.json.upstream-backup'), 'utf8')).resolves.toContain(
      '"stateVersion"',
    );
  }, 60_000);
});
