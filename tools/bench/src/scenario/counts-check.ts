import type { DirectoryLdif } from '../ldap-directory-ldif';
import { bwdc } from './bwdc';
import type { Sample } from './commands';
import type { BenchEnvironment } from './environment';
import { count } from '../stats';

interface TestEnvelope {
  readonly success: boolean;
  readonly data: {
    readonly enabledUsers: unknown[];
    readonly disabledUsers: unknown[];
    readonly groups: unknown[];
  };
}

export interface ReadCounts {
  readonly users: number;
  readonly groups: number;
}

/** What `bwdc --response test` reads: users (enabled and disabled) and groups. */
export async function readCounts(environment: BenchEnvironment): Promise<ReadCounts> {
  const { stdout } = await bwdc(['--response', 'test'], environment.bwdcEnv);
  const envelope = JSON.parse(stdout) as TestEnvelope;
  return {
    users: envelope.data.enabledUsers.length + envelope.data.disabledUsers.length,
    groups: envelope.data.groups.length,
  };
}

/** The problems with what bwdc read and what each sync left in the organization; none is good. */
export function countProblems(
  directory: DirectoryLdif,
  read: ReadCounts,
  syncs: readonly Sample[],
): string[] {
  const problems: string[] = [];
  if (read.users !== directory.users || read.groups !== directory.groups) {
    problems.push(
      `bwdc test read ${count(read.users)} users / ${count(read.groups)} groups, expected ` +
        `${count(directory.users)} / ${count(directory.groups)}`,
    );
  }
  syncs.forEach((sample, index) => {
    const organization = sample.organization;
    if (organization?.members !== directory.users + 1 || organization.groups !== directory.groups) {
      problems.push(
        `sync ${index + 1} left ${count(organization?.members ?? 0)} members / ` +
          `${count(organization?.groups ?? 0)} groups, expected ${count(directory.users + 1)} / ` +
          `${count(directory.groups)}`,
      );
    }
    if ((sample.imports?.requests ?? 0) < 1) {
      problems.push(`sync ${index + 1} sent no import request`);
    }
  });
  return problems;
}
