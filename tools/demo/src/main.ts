/**
 * `npm run demo`: the sync engine on a bundled sample directory. It prints the import request the
 * connector would post to the Bitwarden Public API, what it left out and why, and shows that a
 * second run of an unchanged directory sends nothing. (The CLI issue replaces this with the
 * end-to-end demo against the local Bitwarden server.)
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { planSync, type DirectoryGroup, type DirectoryUser, type SyncPlanInput } from '@bwdc/core';

interface SampleDirectory {
  readonly description: string;
  readonly users: DirectoryUser[];
  readonly groups: DirectoryGroup[];
}

const samplePath = path.join(__dirname, 'sample-directory.json');
const sample = JSON.parse(readFileSync(samplePath, 'utf8')) as SampleDirectory;

const input: SyncPlanInput = {
  users: sample.users,
  groups: sample.groups,
  options: {
    removeDisabled: true,
    overwriteExisting: false,
    largeImport: false,
    inviteUsersAfterProvisioning: false,
  },
  destination: {
    apiUrl: 'https://api.bitwarden.com',
    organizationId: '5f6a7b8c-0000-4000-8000-000000000001',
  },
  previousFingerprint: null,
};

const first = planSync(input);
const { counts } = first;
const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

print(`Sample directory: ${path.relative(process.cwd(), samplePath)}`);
print(sample.description);
print();
print(`Read ${sample.users.length} users and ${sample.groups.length} groups.`);
print(
  `Import: ${counts.users} members (${counts.enabledUsers} enabled, ${counts.disabledUsers} disabled, ` +
    `${counts.deletedUsers} deleted; ${counts.sentAsDeleted} sent as deleted because removeDisabled is on), ` +
    `${counts.groups} groups with ${counts.memberships} memberships after flattening nested groups.`,
);
print(`Left out of the import: ${first.dropped.length}`);
for (const dropped of first.dropped) {
  print(`  - ${dropped.referenceId} <${dropped.email ?? 'no email'}>: ${dropped.reason}`);
}
print();
print(`POST ${input.destination.apiUrl}/public/organization/import`);
print(JSON.stringify(first.requests[0], null, 2));
print();
print(`Fingerprint: ${first.fingerprint}`);

const shuffled: SyncPlanInput = {
  ...input,
  users: [...sample.users].reverse(),
  groups: [...sample.groups].reverse(),
  previousFingerprint: first.fingerprint,
};
const second = planSync(shuffled);
print(
  `Second run, same directory read in reverse order: outcome "${second.outcome}" ` +
    `(fingerprint ${second.fingerprint === first.fingerprint ? 'unchanged' : 'changed'}), ` +
    `${second.requests.length} requests to send.`,
);
