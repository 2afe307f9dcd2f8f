import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

import { findBinary } from '@bwdc/directory-servers';

import { GNU_TIME } from './timed-process';

const ENSURE_PACKAGES = path.resolve(__dirname, '../../../scripts/ensure-test-system-packages.sh');
const COMMANDS = ['ldapsearch', 'slapd', 'slapadd'];

const missing = (): string[] => [
  ...COMMANDS.filter((command) => findBinary(command) === undefined),
  ...(existsSync(GNU_TIME) ? [] : [GNU_TIME]),
];

/** slapd, the LDAP client tools and GNU time, installed through the repo's script when missing. */
export function ensureSystemTools(): void {
  if (missing().length === 0) {
    return;
  }
  const result = spawnSync('bash', [ENSURE_PACKAGES], { stdio: 'inherit' });
  const still = missing();
  if (result.status !== 0 || still.length > 0) {
    throw new Error(
      `the benchmark needs ${still.join(', ')}; tools/scripts/ensure-test-system-packages.sh ` +
        `could not install them (it needs root and apt-get)`,
    );
  }
}

/** slapd's version line, e.g. `slapd 2.5.13+dfsg-5`. */
export function slapdVersion(): string {
  const result = spawnSync(findBinary('slapd') ?? 'slapd', ['-VV'], { encoding: 'utf8' });
  return /slapd [^\s]+/.exec(`${result.stdout}${result.stderr}`)?.[0] ?? 'slapd (version unknown)';
}
