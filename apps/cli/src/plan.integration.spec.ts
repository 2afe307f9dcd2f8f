import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { startBitwardenServer, type RunningBitwardenServer } from '@bwdc/bitwarden-server';
import type { PlanReport } from '@bwdc/core';

import { runBwdc } from './cli-test-harness';

const ORG_ID = '0d9c8b7a-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
const CLIENT_SECRET = 'PlanS3cretThirtyCharactersLong';

/**
 * The directory, as a JSON export: two new people, carol under a new externalId (the organization
 * knows her email under another one), dave whom the organization has without an externalId,
 * erin as she is, frank deleted; "Engineering" renamed and joined by alice, a new group "Sales".
 */
const DIRECTORY = {
  users: [
    { email: 'alice@example.com', externalId: 'E001' },
    { email: 'bob@example.com', externalId: 'E002' },
    { email: 'carol@example.com', externalId: 'E003' },
    { email: 'dave@example.com', externalId: 'E004' },
    { email: 'erin@example.com', externalId: 'E005' },
    { externalId: 'E009', deleted: true },
  ],
  groups: [
    { name: 'Platform Engineering', externalId: 'g-eng', members: ['E001', 'E005'] },
    { name: 'Sales', externalId: 'g-sales', members: ['E002'] },
  ],
};

describe('bwdc plan against a seeded organization', () => {
  let bitwarden: RunningBitwardenServer;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    bitwarden = await startBitwardenServer({
      seed: {
        organizations: [
          {
            id: ORG_ID,
            apiKey: CLIENT_SECRET,
            members: [
              { email: 'owner@example.com', type: 'owner', status: 'confirmed' },
              {
                email: 'carol@example.com',
                externalId: 'OLD-CAROL',
                type: 'user',
                status: 'confirmed',
                hasMasterPassword: true,
              },
              { email: 'dave@example.com', type: 'user', status: 'confirmed' },
              { email: 'erin@example.com', externalId: 'E005', type: 'user', status: 'confirmed' },
              { email: 'frank@example.com', externalId: 'E009', type: 'user', status: 'confirmed' },
            ],
            groups: [{ name: 'Engineering', externalId: 'g-eng', members: ['erin@example.com'] }],
          },
        ],
      },
    });
    dir = await mkdtemp(path.join(tmpdir(), 'bwdc-plan-'));
    env = {
      BITWARDENCLI_CONNECTOR_APPDATA_DIR: dir,
      BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true',
      BW_CLIENTID: `organization.${ORG_ID}`,
      BW_CLIENTSECRET: CLIENT_SECRET,
    };
    const exportFile = path.join(dir, 'directory.json');
    await writeFile(exportFile, JSON.stringify(DIRECTORY));
    const settings: [string, string][] = [
      ['server', bitwarden.url],
      ['directory', 'file'],
      ['file.path', exportFile],
      ['sync.users', 'true'],
      ['sync.groups', 'true'],
    ];
    for (const [setting, value] of settings) {
      expect(await bwdc(['config', setting, value])).toMatchObject({ exitCode: 0 });
    }
    expect(await bwdc(['login'])).toMatchObject({ exitCode: 0 });
  }, 60_000);

  afterAll(async () => {
    await bitwarden?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const bwdc = (args: string[]) => runBwdc({ dataFile: path.join(dir, 'data.json'), env, args });

  it('prints the counts, the skipped member with the fix, the renamed group and the verdict', async () => {
    const { stdout, stderr, exitCode } = await bwdc(['plan']);

    expect({ stderr, exitCode }).toEqual({ stderr: '', exitCode: 0 });
    expect(stdout).toMatch(/to add \(invited or staged\) +2\n/);
    expect(stdout).toMatch(/linked by email +1\n/);
    expect(stdout).toMatch(/removed +1 +\(deleted 1, disabled 0, unlisted 0\)\n/);
    expect(stdout).toMatch(/skipped +1 +\(email already known under another externalId\)\n/);
    expect(stdout).toContain('\nRemoved (1)\n  frank@example.com  E009  (deleted)\n');
    expect(stdout).toContain(
      "Fix: give the existing member the directory's externalId, or remove that member.\n" +
        '  carol@example.com  E003  (the member has externalId OLD-CAROL)\n',
    );
    expect(stdout).toContain('\nLinked by email (1)\n  dave@example.com  -> E004\n');
    expect(stdout).toContain('  Platform Engineering (renamed from "Engineering")\n');
    expect(stdout).toContain('    + alice@example.com\n');
    expect(stdout).toContain('  Sales (new)\n    + bob@example.com\n');
    expect(stdout).toMatch(
      /Deletion guard: 1 removal\(s\), within the limit of 10 for 5 members\./,
    );
  });

  it('gives the whole PlanReport in the --response envelope', async () => {
    const { stdout, exitCode } = await bwdc(['--response', 'plan']);

    expect(exitCode).toBe(0);
    const envelope = JSON.parse(stdout) as {
      success: boolean;
      data: PlanReport & { object: string };
    };
    expect(envelope.success).toBe(true);
    const { object, organization, guard } = envelope.data;
    expect(object).toBe('plan');
    expect(organization.members.added.map((member) => member.email).sort()).toEqual([
      'alice@example.com',
      'bob@example.com',
    ]);
    expect(organization.members.skipped).toEqual([
      expect.objectContaining({
        email: 'carol@example.com',
        externalId: 'E003',
        existing: expect.objectContaining({ externalId: 'OLD-CAROL' }),
      }),
    ]);
    expect(organization.members.linked).toEqual([
      expect.objectContaining({ email: 'dave@example.com', linkedExternalId: 'E004' }),
    ]);
    expect(organization.members.removed).toEqual([
      expect.objectContaining({ email: 'frank@example.com', reason: 'deleted' }),
    ]);
    expect(organization.groups.updated).toEqual([
      expect.objectContaining({
        externalId: 'g-eng',
        name: 'Platform Engineering',
        renamedFrom: 'Engineering',
        membersAdded: [expect.objectContaining({ email: 'alice@example.com' })],
        membersRemoved: [],
      }),
    ]);
    expect(organization.groups.created.map((group) => group.name)).toEqual(['Sales']);
    expect(guard).toMatchObject({ removals: 1, limit: 10, tooManyRemovals: false });
  });

  it('sends nothing: no import reached the server and the organization is as seeded', () => {
    const imports = bitwarden.requests.filter((request) =>
      request.path.toLowerCase().endsWith('/public/organization/import'),
    );

    expect(imports).toEqual([]);
    // The plans above did read the organization: this is not a plan that never ran.
    expect(
      bitwarden.requests.some(
        (request) => request.method === 'GET' && /\/public\/members\b/i.test(request.path),
      ),
    ).toBe(true);
    const organization = bitwarden.organization(ORG_ID);
    expect(organization.members.map((member) => member.email).sort()).toEqual([
      'carol@example.com',
      'dave@example.com',
      'erin@example.com',
      'frank@example.com',
      'owner@example.com',
    ]);
    expect(organization.groups.map((group) => group.name)).toEqual(['Engineering']);
  });
});
