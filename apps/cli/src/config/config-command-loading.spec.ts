import { Command } from 'commander';

import type * as ConfigCommand from './config.command';

describe('registering bwdc config', () => {
  it('loads neither the providers, storage nor zod, so --help stays light', () => {
    const loaded: string[] = [];
    jest.isolateModules(() => {
      for (const heavy of ['@bwdc/providers', '@bwdc/storage', 'zod']) {
        jest.doMock(heavy, () => {
          loaded.push(heavy);
          return {};
        });
      }
      const { registerConfigCommand } = require('./config.command') as typeof ConfigCommand;
      registerConfigCommand(new Command('bwdc'), {
        store: () => Promise.reject(new Error('not opened')),
        secrets: () => {
          throw new Error('not created');
        },
        env: {},
        respond: async () => undefined,
      });
    });

    expect(loaded).toEqual([]);
  });
});
