/**
 * One connector read for `ldap-read.bench.ts`, in a fresh process that loads only the provider:
 * reads the directory named in BWDC_LDAP_BENCH_TARGET and prints its time, memory and counts as
 * JSON.
 */
import {
  LdapDirectoryProvider,
  LdapDirectorySettingsSchema,
  LdapSyncSettingsSchema,
} from '@bwdc/providers';

import { PAGE_SIZE } from './ldapsearch-floor';

export const CHILD_TARGET = 'BWDC_LDAP_BENCH_TARGET';

/** Where the child connects; passed as JSON in the environment. */
export interface Target {
  readonly url: string;
  readonly suffix: string;
  readonly dn: string;
  readonly password: string;
}

/** What one connector run reports back to the parent. */
export interface ConnectorRun {
  readonly readMs: number;
  readonly rssBeforeBytes: number;
  readonly peakRssBytes: number;
  readonly users: number;
  readonly groups: number;
  readonly userMemberships: number;
  readonly groupMemberships: number;
}

async function connectorChild(target: Target): Promise<void> {
  const url = new URL(target.url);
  const provider = new LdapDirectoryProvider({
    directory: LdapDirectorySettingsSchema.parse({
      hostname: url.hostname,
      port: Number(url.port),
      rootPath: target.suffix,
      username: target.dn,
      ad: false,
      pageSize: PAGE_SIZE,
    }),
    sync: {
      ...LdapSyncSettingsSchema.parse({
        userObjectClass: 'inetOrgPerson',
        groupObjectClass: 'groupOfNames',
        memberAttribute: 'member',
        userEmailAttribute: 'mail',
        groupNameAttribute: 'cn',
      }),
      users: true,
      groups: true,
      userFilter: null,
      groupFilter: null,
    },
    password: target.password,
  });
  const rssBeforeBytes = process.memoryUsage().rss;
  const started = performance.now();
  const snapshot = await provider.read({
    mode: 'full',
    dryRun: true,
    cursor: null,
    startedAt: new Date(),
  });
  const readMs = performance.now() - started;
  const result: ConnectorRun = {
    readMs,
    rssBeforeBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    users: snapshot.users.length,
    groups: snapshot.groups.length,
    userMemberships: snapshot.groups.reduce((sum, g) => sum + g.userMemberExternalIds.length, 0),
    groupMemberships: snapshot.groups.reduce((sum, g) => sum + g.groupMemberReferenceIds.length, 0),
  };
  process.stdout.write(JSON.stringify(result));
}

const target = process.env[CHILD_TARGET];
if (require.main === module && target) {
  connectorChild(JSON.parse(target) as Target).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
