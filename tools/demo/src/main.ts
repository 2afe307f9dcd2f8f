/**
 * `npm run demo`: one sync, end to end, on this machine. The sync engine reads a bundled sample
 * directory, the Bitwarden client sends the import to a local Bitwarden server started here, and
 * the organization is shown before and after; a second run of the unchanged directory sends
 * nothing. (The CLI issue turns this into `bwdc` commands.)
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import {
  BitwardenClient,
  clientDeviceFor,
  planSync,
  type DirectoryGroup,
  type DirectoryUser,
  type SyncPlanInput,
} from '@bwdc/core';
import { startBitwardenServer, type OrganizationSnapshot } from '@bwdc/bitwarden-server';

interface SampleDirectory {
  readonly description: string;
  readonly users: DirectoryUser[];
  readonly groups: DirectoryGroup[];
}

const ORGANIZATION_ID = '5f6a7b8c-0d1e-4f2a-8b3c-4d5e6f7a8b9c';
const API_KEY = {
  clientId: `organization.${ORGANIZATION_ID}`,
  clientSecret: 'dEm0SecretThirtyCharacters0000',
};

const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function printOrganization(title: string, organization: OrganizationSnapshot): void {
  print(title);
  for (const member of organization.members) {
    const externalId = member.externalId ?? '-';
    print(
      `  ${member.email.padEnd(32)} ${member.type.padEnd(6)} ${member.status.padEnd(9)} ${externalId}`,
    );
  }
  for (const group of organization.groups) {
    print(
      `  group "${group.name}" (${group.externalId ?? 'no external id'}): ${group.members.join(', ') || 'no members'}`,
    );
  }
  print();
}

async function main(): Promise<void> {
  const samplePath = path.join(__dirname, 'sample-directory.json');
  const sample = JSON.parse(readFileSync(samplePath, 'utf8')) as SampleDirectory;
  const server = await startBitwardenServer({
    seed: {
      organizations: [
        {
          id: ORGANIZATION_ID,
          apiKey: API_KEY.clientSecret,
          members: [
            {
              email: 'owner@example.com',
              type: 'owner',
              status: 'confirmed',
              hasMasterPassword: true,
            },
            // Invited by hand before the connector ran: linked by email, not invited twice.
            {
              email: 'ada.lovelace@example.com',
              type: 'admin',
              status: 'accepted',
              hasMasterPassword: true,
            },
          ],
          // Made by hand, without an external id: the connector never touches it.
          groups: [{ name: 'Auditors', members: ['owner@example.com'] }],
        },
      ],
    },
  });
  try {
    print(
      `Local Bitwarden server: ${server.url} (identity ${server.identityUrl}, API ${server.apiUrl})`,
    );
    print(`Sample directory: ${path.relative(process.cwd(), samplePath)}`);
    print(sample.description);
    print();
    printOrganization('Organization before the sync:', server.organization(ORGANIZATION_ID));

    const input: SyncPlanInput = {
      users: sample.users,
      groups: sample.groups,
      options: {
        removeDisabled: true,
        overwriteExisting: false,
        largeImport: false,
        inviteUsersAfterProvisioning: true,
      },
      destination: { apiUrl: server.apiUrl, organizationId: ORGANIZATION_ID },
      previousFingerprint: null,
    };
    const plan = planSync(input);
    const { counts } = plan;
    print(`Read ${sample.users.length} users and ${sample.groups.length} groups.`);
    print(
      `Import: ${counts.users} members (${counts.enabledUsers} enabled, ${counts.disabledUsers} disabled, ` +
        `${counts.deletedUsers} deleted; ${counts.sentAsDeleted} sent as deleted because removeDisabled is on), ` +
        `${counts.groups} groups with ${counts.memberships} memberships after flattening nested groups.`,
    );
    print(`Left out of the import: ${plan.dropped.length}`);
    for (const dropped of plan.dropped) {
      print(`  - ${dropped.referenceId} <${dropped.email ?? 'no email'}>: ${dropped.reason}`);
    }
    print();

    const client = new BitwardenClient({
      urls: { apiUrl: server.apiUrl, identityUrl: server.identityUrl },
      apiKey: API_KEY,
      device: clientDeviceFor(process.platform, 'd3m0d3m0-0000-4000-8000-000000000001', '0.1.0'),
    });
    await client.importRequests(plan.requests, ({ request, total }) =>
      print(
        `POST ${server.apiUrl}/public/organization/import: request ${request} of ${total} accepted`,
      ),
    );
    print(`Fingerprint stored: ${plan.fingerprint}`);
    print();
    printOrganization('Organization after the sync:', server.organization(ORGANIZATION_ID));

    const sent = server.requests.length;
    const second = planSync({
      ...input,
      users: [...sample.users].reverse(),
      groups: [...sample.groups].reverse(),
      previousFingerprint: plan.fingerprint,
    });
    await client.importRequests(second.requests);
    print(
      `Second run, same directory read in reverse order: outcome "${second.outcome}", ` +
        `${server.requests.length - sent} requests sent.`,
    );
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
