import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { parseCliArgs } from './cli-args';
import { organizationSeed } from './spec-helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'bw-cli-'));
const seedFile = path.join(dir, 'seed.json');
writeFileSync(seedFile, JSON.stringify({ organizations: [organizationSeed()] }));
const badSeedFile = path.join(dir, 'bad.json');
writeFileSync(badSeedFile, JSON.stringify({ organizations: [{ id: 'x' }] }));
const notJsonFile = path.join(dir, 'not.json');
writeFileSync(notJsonFile, '{');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseCliArgs', () => {
  it('reads every option', () => {
    const options = parseCliArgs([
      '--port',
      '18080',
      '--seed',
      seedFile,
      '--host',
      'localhost',
      '--token-lifetime',
      '60',
      '--body-limit',
      '1000',
      '--page-size',
      '5',
    ]);

    expect(options).toMatchObject({
      port: 18080,
      host: 'localhost',
      tokenLifetimeSeconds: 60,
      bodyLimitBytes: 1000,
      pageSize: 5,
    });
    expect(options.seed.organizations).toHaveLength(1);
  });

  it.each([
    [['--seed', seedFile], /--port is required/],
    [['--port', '1'], /--seed is required/],
    [['--port', 'abc', '--seed', seedFile], /--port must be an integer/],
    [['--port', '70000', '--seed', seedFile], /--port must be an integer/],
    [['--port', '1', '--seed', seedFile, '--bogus', 'x'], /unknown argument "--bogus"/],
    [['--port', '1', '--seed'], /--seed needs a value/],
    [['--port', '1', '--seed', path.join(dir, 'missing.json')], /cannot read/],
    [['--port', '1', '--seed', notJsonFile], /not valid JSON/],
    [['--port', '1', '--seed', badSeedFile], /organizations\[0\]\.id must be a GUID/],
    [['--port', '1', '--seed', seedFile, '--tls-key', seedFile], /must be given together/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
