import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const runFile = promisify(execFile);
const MAIN = path.join(__dirname, 'main.ts');

/**
 * The benchmark runner end to end on the CI scenario: it sets up slapd, the Bitwarden server and
 * bwdc, and its correctness checks hold. Timings vary with the machine, so none is asserted.
 */
describe('npm run bench -- ldap-smoke', () => {
  it('syncs 1,000 users and 60 groups and prints the table', async () => {
    const { stdout } = await runFile(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', MAIN, 'ldap-smoke', '--runs', '1'],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );

    expect(stdout).toMatch(/^command +median wall +min – max wall +median CPU +max peak RSS$/m);
    expect(stdout).toMatch(/^floor: ldapsearch users \+ groups +\d/m);
    expect(stdout).toMatch(/^bwdc sync \(full\) +\d/m);
    expect(stdout).toContain(
      'counts: bwdc test read 1,000 users / 60 groups (expected 1,000 / 60); ' +
        'org after sync: 1,001 members / 60 groups (expected 1,001 / 60): ok',
    );
    const imports = /^bwdc sync \(full\): (\d+) – (\d+) import requests/m.exec(stdout);
    expect(Number(imports?.[1])).toBeGreaterThanOrEqual(1);
    // bwdc's run history splits the sync's time; a directory was read and an import posted.
    const split =
      /^bwdc sync \(full\) time split \(median, from bwdc history\): start ([\d.]+) s, read ([\d.]+) s, plan ([\d.]+) s, import ([\d.]+) s$/m.exec(
        stdout,
      );
    expect(split).not.toBeNull();
    expect(Number(split?.[2])).toBeGreaterThan(0);
    expect(Number(split?.[4])).toBeGreaterThan(0);
    const sync = /^bwdc sync \(full\) +([\d.]+) s/m.exec(stdout);
    const withoutImport =
      /^bwdc sync \(full\) without the import phase \(wall − import, median\): ([\d.]+) s, ([\d.]+)× the floor$/m.exec(
        stdout,
      );
    expect(Number(withoutImport?.[1])).toBeGreaterThan(0);
    expect(Number(withoutImport?.[1])).toBeLessThan(Number(sync?.[1]));
    expect(Number(withoutImport?.[2])).toBeGreaterThan(0);
  }, 180_000);
});
