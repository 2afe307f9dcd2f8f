import * as os from 'node:os';

import { resolveDataFilePath } from '@bwdc/storage';

import packageJson from '../package.json';
import { createProgram } from './program';

const program = createProgram({
  version: packageJson.version,
  dataFilePath: () =>
    resolveDataFilePath({
      env: process.env,
      platform: process.platform,
      homeDir: os.homedir(),
      cwd: process.cwd(),
    }),
  write: (text) => process.stdout.write(text),
});

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
