import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { WORKSPACE_ROOT } from './paths';

/**
 * Debian's `chromium` package: the browser itself first, then its launcher script. The browser is
 * started directly when it can be, because the launcher sources /etc/chromium.d, which adds
 * Google API keys and extension flags the tests must not depend on.
 */
const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

const ENSURE_PACKAGES = path.join(WORKSPACE_ROOT, 'tools/scripts/ensure-test-system-packages.sh');

/**
 * The Chromium to launch. When it is missing, the repository's package script installs it (as
 * root, on CI) or fails naming the apt command, as `startOpenLdap` does for slapd.
 */
export async function chromiumExecutable(): Promise<string> {
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (found !== undefined) {
    return found;
  }
  await promisify(execFile)('bash', [ENSURE_PACKAGES], { maxBuffer: 16 * 1024 * 1024 });
  const installed = CANDIDATES.find((candidate) => existsSync(candidate));
  if (installed === undefined) {
    throw new Error(`Chromium is not at ${CANDIDATES.join(' or ')} after ${ENSURE_PACKAGES}.`);
  }
  return installed;
}
