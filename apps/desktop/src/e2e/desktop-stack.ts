import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import type { Logger } from '@bwdc/core';
import { DATA_FILE_NAME } from '@bwdc/storage';

import { NO_DESKTOP_SHELL } from '../main/bridge/desktop-shell';
import { composeDesktop, type ComposedDesktop } from '../main/compose-desktop';
import { scaledTime } from '../test-host/scaled-time';
import { startDesktopTestHost, type DesktopTestHost } from '../test-host/start-desktop-test-host';
import { assertOnLoopback, type LdapServer, type LoopbackServer } from './loopback-servers';
import { Teardown } from './teardown';

/**
 * The Connector's environment: secrets in the data file (no keychain on CI), and nothing from
 * the machine's environment, which could point the data folder or the server elsewhere.
 */
export const E2E_CONNECTOR_ENV: Readonly<Record<string, string>> = {
  BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true',
};

export interface DesktopStackOptions<B extends LoopbackServer, D extends LdapServer> {
  /**
   * The emulators, started by the spec: only `*.integration.spec.ts` files may import them
   * (ESLint's module boundaries), so this harness takes them as starters.
   */
  readonly startBitwarden: () => Promise<B>;
  readonly startDirectory: () => Promise<D>;
  /** The built renderer (`buildApp()`). */
  readonly staticDir: string;
  readonly logger?: Logger;
}

export interface DesktopStack<B extends LoopbackServer, D extends LdapServer> {
  readonly bitwarden: B;
  readonly directory: D;
  /** Main's side: the Connector over a data file in a temporary folder, and its bridge. */
  readonly desktop: ComposedDesktop;
  readonly host: DesktopTestHost;
  /** The address that opens the app with the bridge's token (test-host-connector.ts). */
  readonly appUrl: string;
  /** Stops all of it, last started first, and removes the data folder. */
  stop(): Promise<void>;
}

const silent: Logger = { log: () => undefined };

/**
 * Everything the desktop app talks to, on 127.0.0.1: the Bitwarden server and LDAP emulators,
 * main's composition (`composeDesktop`, with the scheduler's time 300 times faster, so a
 * 5-minute interval passes in a second) and the test host serving the renderer and main's
 * channels. A start that fails half-way stops what it had started.
 */
export async function startDesktopStack<B extends LoopbackServer, D extends LdapServer>(
  options: DesktopStackOptions<B, D>,
): Promise<DesktopStack<B, D>> {
  const teardown = new Teardown();
  return teardown.guard(async () => {
    const [bitwarden, directory] = await Promise.allSettled([
      options.startBitwarden(),
      options.startDirectory(),
    ]);
    // Both before either failure is thrown: the one that started must be stopped too.
    for (const started of [bitwarden, directory]) {
      if (started.status === 'fulfilled') {
        teardown.add(() => started.value.stop());
      }
    }
    if (bitwarden.status === 'rejected') {
      throw bitwarden.reason;
    }
    if (directory.status === 'rejected') {
      throw directory.reason;
    }
    assertOnLoopback('Bitwarden server', bitwarden.value.url);
    assertOnLoopback('LDAP server', directory.value.url);

    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bwdc-desktop-e2e-'));
    teardown.add(() => rm(dataDir, { recursive: true, force: true }));
    const desktop = await composeDesktop({
      dataFilePath: path.join(dataDir, DATA_FILE_NAME),
      env: E2E_CONNECTOR_ENV,
      platform: process.platform,
      version: '0.0.0-e2e',
      logger: options.logger ?? silent,
      shell: NO_DESKTOP_SHELL,
      ...scaledTime(300),
    });
    teardown.add(() => desktop.dispose());
    const host = await startDesktopTestHost({
      bridge: desktop.bridge,
      staticDir: options.staticDir,
    });
    teardown.add(() => host.stop());

    return {
      bitwarden: bitwarden.value,
      directory: directory.value,
      desktop,
      host,
      appUrl: `${host.url}/#bridge-token=${host.token}`,
      stop: () => teardown.run(),
    };
  });
}
