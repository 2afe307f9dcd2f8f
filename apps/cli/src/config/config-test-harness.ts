import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import type { SecretStore } from '@bwdc/core';
import { MemorySecretStore } from '@bwdc/core/testing';
import { DataFileStore } from '@bwdc/storage';
import { Command } from 'commander';

import { outputOptions, renderResponse, errorResponse, type CliResponse } from '../output';
import { registerConfigCommand } from './config.command';

export { MemorySecretStore };

export interface ConfigRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** `bwdc config ...` through commander, on a real data file in a temp folder. */
export class ConfigHarness {
  private constructor(
    readonly folder: string,
    readonly store: DataFileStore,
    readonly secrets: SecretStore,
  ) {}

  static async create(
    secrets: (store: DataFileStore) => SecretStore = () => new MemorySecretStore(),
  ): Promise<ConfigHarness> {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'bwdc-config-'));
    const store = await DataFileStore.open({ file: path.join(folder, 'data.json') });
    return new ConfigHarness(folder, store, secrets(store));
  }

  async run(args: readonly string[], env: Record<string, string> = {}): Promise<ConfigRun> {
    let output: ConfigRun = { stdout: '', stderr: '', exitCode: -1 };
    const program = new Command('bwdc').exitOverride().option('--response');
    registerConfigCommand(program, {
      store: async () => this.store,
      secrets: () => this.secrets,
      env,
      respond: async (run) => {
        let response: CliResponse;
        try {
          response = await run();
        } catch (error) {
          response = errorResponse(error);
        }
        output = renderResponse(response, outputOptions(program.opts(), {}), {
          platform: 'linux',
          color: false,
        });
      },
    });
    await program.parseAsync(['node', 'bwdc', 'config', ...args]);
    return output;
  }

  /** The value `bwdc config <setting>` prints, without its newline. */
  async get(setting: string): Promise<string> {
    const { stdout, stderr } = await this.run([setting]);
    expect(stderr).toBe('');
    return stdout.replace(/\n$/, '');
  }

  async dataFileText(): Promise<string> {
    return readFile(this.store.file, 'utf8').catch(() => '');
  }

  async dispose(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true });
  }
}
