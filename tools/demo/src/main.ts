/**
 * `npm run demo`: the main job end to end, with nothing to set up. It starts a local Bitwarden
 * server with an organization, points a throw-away `bwdc` data folder at it and at a bundled HR
 * export (the file provider), and then runs the commands an admin would type: config, login,
 * test, plan (the preview), sync, sync again (unchanged), a change in the export, sync once more,
 * and the run history. Each command is the real CLI in its own process; the organization is
 * printed at the end.
 */
import { execFile } from 'node:child_process';
import { appendFile, copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { startBitwardenServer, type OrganizationSnapshot } from '@bwdc/bitwarden-server';

const ORGANIZATION_ID = '5f6a7b8c-0d1e-4f2a-8b3c-4d5e6f7a8b9c';
const API_KEY = {
  clientId: `organization.${ORGANIZATION_ID}`,
  clientSecret: 'dEm0SecretThirtyCharacters0000',
};
const workspaceRoot = path.resolve(__dirname, '../../..');
const cliMain = path.join(workspaceRoot, 'apps/cli/src/main.ts');
const sampleExport = path.join(workspaceRoot, 'libs/providers/src/file/sample/people.csv');

const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

/** Runs `bwdc` as a separate process, as a shell or a scheduler would, and shows what it said. */
async function bwdc(args: string[], env: Record<string, string>): Promise<void> {
  print(`$ bwdc ${args.map((arg) => (/\s/.test(arg) ? `'${arg}'` : arg)).join(' ')}`);
  const run = promisify(execFile);
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', cliMain, ...args], {
      cwd: workspaceRoot,
      env: { ...process.env, ...env },
    });
    process.stdout.write(indent(stdout + stderr));
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    process.stdout.write(indent(`${failed.stdout ?? ''}${failed.stderr ?? failed.message}`));
    throw new Error(`bwdc ${args[0] ?? ''} failed`);
  }
}

const indent = (text: string): string =>
  text === '' ? '' : `${text.trimEnd().replace(/^/gm, '  ')}\n`;

function printOrganization(organization: OrganizationSnapshot): void {
  print('The organization now:');
  for (const member of organization.members) {
    print(
      `  ${member.email.padEnd(30)} ${member.type.padEnd(6)} ${member.status.padEnd(9)} ${member.externalId ?? '-'}`,
    );
  }
  for (const group of organization.groups) {
    print(`  group "${group.name}": ${group.members.join(', ') || 'no members'}`);
  }
}

async function main(): Promise<void> {
  const server = await startBitwardenServer({
    seed: {
      organizations: [
        {
          id: ORGANIZATION_ID,
          apiKey: API_KEY.clientSecret,
          members: [
            { email: 'owner@example.com', type: 'owner', status: 'confirmed' },
            // Invited by hand before the connector ran: linked by email, not invited twice.
            { email: 'alice.chen@example.com', type: 'admin', status: 'accepted' },
          ],
          // Made by hand, without an external id: the connector never touches it.
          groups: [{ name: 'Auditors', members: ['owner@example.com'] }],
        },
      ],
    },
  });
  const dataFolder = await mkdtemp(path.join(tmpdir(), 'bwdc-demo-'));
  const hrExport = path.join(dataFolder, 'people.csv');
  await copyFile(sampleExport, hrExport);
  const env = {
    BITWARDENCLI_CONNECTOR_APPDATA_DIR: dataFolder,
    // No keychain is needed for a throw-away demo; a real install keeps secrets in the keychain.
    BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true',
  };
  try {
    print(`Local Bitwarden server: ${server.url}, organization ${ORGANIZATION_ID}`);
    print(`Data folder: ${dataFolder}; HR export: ${hrExport} (a copy of the bundled sample)`);
    print();
    for (const [setting, value] of [
      ['server', server.url],
      ['directory', 'file'],
      ['file.path', hrExport],
      ['sync.users', 'true'],
      ['sync.groups', 'true'],
      ['sync.removeDisabled', 'true'],
    ] as const) {
      await bwdc(['config', setting, value], env);
    }
    await bwdc(['login'], {
      ...env,
      BW_CLIENTID: API_KEY.clientId,
      BW_CLIENTSECRET: API_KEY.clientSecret,
    });
    await bwdc(['test'], env);
    await bwdc(['plan'], env);
    await bwdc(['sync'], env);
    await bwdc(['sync'], env);
    print('(HR adds a new hire to the export)');
    await appendFile(hrExport, 'mia.lopez@example.com,E1013,,,Sales\n');
    await bwdc(['sync'], env);
    await bwdc(['last-sync', 'users'], env);
    await bwdc(['history', '--limit', '5'], env);
    print();
    printOrganization(server.organization(ORGANIZATION_ID));
    print();
    print('The same commands work against a real directory and server, for example:');
    print('  bwdc config server https://vault.example.com');
    print('  bwdc config directory ldap');
    print('  bwdc config ldap.hostname dc1.example.com && bwdc config ldap.ssl true');
    print('  bwdc config ldap.password --secretenv LDAP_PASSWORD');
    print('  bwdc login   (BW_CLIENTID / BW_CLIENTSECRET: the organization API key)');
    print('  bwdc test && bwdc plan && bwdc sync');
    print('  bwdc serve   (scheduled syncs with /health and /metrics: docs/service.md)');
  } finally {
    await server.stop();
    await rm(dataFolder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
