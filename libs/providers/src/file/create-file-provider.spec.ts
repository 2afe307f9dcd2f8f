import { ConfigurationError } from '@bwdc/core';

import { createDirectoryProvider, type ProviderContext } from '../registry';
import { FileDirectoryError } from './file-error';
import { FileDirectoryProvider } from './file-directory-provider';

const context = (settings: unknown): ProviderContext => ({
  settings,
  secrets: {},
  logger: { log: () => undefined },
});

const request = { mode: 'full', dryRun: false, cursor: null, startedAt: new Date() } as const;

describe('the file entry of the provider registry', () => {
  it('builds a file provider from a profile’s directory settings and sync switches', () => {
    const provider = createDirectoryProvider(
      'file',
      context({ directory: { path: '/exports/people.csv' }, sync: { users: true } }),
    );

    expect(provider).toBeInstanceOf(FileDirectoryProvider);
    expect(provider.type).toBe('file');
  });

  it('names every invalid setting', () => {
    const run = () =>
      createDirectoryProvider(
        'file',
        context({ directory: { format: 'xml', delimiter: '' }, sync: { groups: 'yes' } }),
      );

    expect(run).toThrow(ConfigurationError);
    expect(run).toThrow(/path: .*format: .*delimiter: .*groups: /);
  });

  it('yields only what the sync switches ask for', async () => {
    const provider = createDirectoryProvider(
      'file',
      context({
        directory: { path: `${__dirname}/sample/people.csv` },
        sync: { users: false, groups: true },
      }),
    );

    const snapshot = await provider.read(request);

    expect(snapshot.users).toEqual([]);
    expect(snapshot.groups).toHaveLength(4);
  });

  it('reports a missing file as a local-file problem naming it', async () => {
    const provider = createDirectoryProvider(
      'file',
      context({ directory: { path: '/nowhere/people.csv' }, sync: { users: true } }),
    );

    const read = provider.read(request);

    await expect(read).rejects.toThrow(FileDirectoryError);
    await expect(provider.read(request)).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
      side: 'local-file',
      file: '/nowhere/people.csv',
      message: expect.stringContaining('/nowhere/people.csv'),
    });
  });

  it('reports a folder given as the file', async () => {
    const provider = createDirectoryProvider(
      'file',
      context({ directory: { path: __dirname, format: 'csv' }, sync: { users: true } }),
    );

    await expect(provider.read(request)).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      side: 'local-file',
    });
  });
});
