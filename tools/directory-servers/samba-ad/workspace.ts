import { rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import type { NetworkNamespace } from './netns';
import { createNamespace, sweepStaleNamespaces } from './netns';
import type { Teardown } from './teardown';

export interface Workspace {
  readonly namespace: NetworkNamespace;
  /** `<tmp>/<namespace name>`: domain, TLS files, sockets, logs. */
  readonly dir: string;
}

/** Unix socket paths are limited to 107 bytes, and the folder holds the relays' sockets. */
function tempBase(): string {
  const base = tmpdir();
  return base.length <= 40 ? base : '/tmp';
}

/**
 * The namespace and the temporary folder of one start, both registered for clean-up. The folder
 * is named after the namespace, so that the next start can sweep both if this test process is
 * killed before it cleans up (SIGKILL skips stop() and the exit hook alike).
 */
export async function createWorkspace(teardown: Teardown): Promise<Workspace> {
  const stale = await sweepStaleNamespaces();
  await Promise.all(
    stale.map((name) => rm(path.join(tempBase(), name), { recursive: true, force: true })),
  );
  const namespace = await createNamespace();
  teardown.add(namespace);
  const dir = path.join(tempBase(), namespace.namespace);
  // A folder of that name can only be a leftover whose namespace is gone already.
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { mode: 0o700 });
  teardown.add({
    name: `folder ${dir}`,
    release: () => rm(dir, { recursive: true, force: true }),
    releaseSync: () => rmSync(dir, { recursive: true, force: true }),
  });
  return { namespace, dir };
}
