import { readFileSync } from 'node:fs';
import * as path from 'node:path';

interface PackageJson {
  readonly engines: { readonly node: string };
  readonly devDependencies: Readonly<Record<string, string>>;
}

const packageJson = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'),
) as PackageJson;

describe('runtime', () => {
  it('runs the tests on Node 24, the pinned runtime, not the machine’s own', () => {
    const major = Number(process.versions.node.split('.')[0]);

    expect(major).toBe(24);
    expect(path.relative(process.cwd(), process.execPath)).toContain(
      path.join('node_modules', 'node'),
    );
  });

  it('declares the Node 24 engine and pins the runtime as a dependency', () => {
    expect(packageJson.engines.node).toBe('>=24 <25');
    expect(packageJson.devDependencies['node']).toMatch(/^24\./);
  });
});
