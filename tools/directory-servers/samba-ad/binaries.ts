import { existsSync } from 'node:fs';
import * as path from 'node:path';

import { findBinary } from '../find-binary';
import { runCommand } from './processes';

export interface SambaBinaries {
  readonly samba: string;
  readonly sambaTool: string;
  readonly socat: string;
  /**
   * Debian's own python3: the samba bindings live in its dist-packages. The python3 first on PATH
   * may be a pyenv or venv build that cannot import them.
   */
  readonly python: string;
}

const ENSURE_PACKAGES = path.resolve(__dirname, '../../scripts/ensure-test-system-packages.sh');
const SYSTEM_PYTHON = '/usr/bin/python3';
/** From samba-ad-provision: without the AD schema files, provisioning stops half-way. */
const AD_SCHEMA = '/usr/share/samba/setup/ad-schema';

function locate(): Partial<SambaBinaries> & { schema: boolean } {
  const samba = findBinary('samba');
  const sambaTool = findBinary('samba-tool');
  const socat = findBinary('socat');
  return {
    ...(samba === undefined ? {} : { samba }),
    ...(sambaTool === undefined ? {} : { sambaTool }),
    ...(socat === undefined ? {} : { socat }),
    ...(existsSync(SYSTEM_PYTHON) ? { python: SYSTEM_PYTHON } : {}),
    schema: existsSync(AD_SCHEMA),
  };
}

function complete(found: ReturnType<typeof locate>): SambaBinaries | undefined {
  const { samba, sambaTool, socat, python, schema } = found;
  return samba && sambaTool && socat && python && schema
    ? { samba, sambaTool, socat, python }
    : undefined;
}

/**
 * Samba, samba-tool, socat and a python3 with the samba bindings; installs the Debian packages
 * through the repo's script when any is missing (root only, which the namespace needs anyway).
 */
export async function sambaBinaries(): Promise<SambaBinaries> {
  if (process.getuid?.() !== 0) {
    throw new Error('the Samba AD DC needs root: it creates a network namespace (ip netns add)');
  }
  let binaries = complete(locate());
  if (binaries === undefined) {
    await runCommand('bash', [ENSURE_PACKAGES]);
    binaries = complete(locate());
  }
  if (binaries === undefined) {
    throw new Error(`samba, samba-tool, socat or the AD schema missing after ${ENSURE_PACKAGES}`);
  }
  return binaries;
}
