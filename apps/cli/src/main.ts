import * as os from 'node:os';

import { resolveDataFilePath } from '@bwdc/storage';

import packageJson from '../package.json';
import { errorResponse, outputOptions, renderResponse } from './output';
import { createProgram } from './program';

const environment = {
  env: process.env,
  platform: process.platform,
  color: process.stdout.isTTY === true && process.env['NO_COLOR'] === undefined,
};

const program = createProgram({
  ...environment,
  version: packageJson.version,
  dataFilePath: () =>
    resolveDataFilePath({
      env: process.env,
      platform: process.platform,
      homeDir: os.homedir(),
      cwd: process.cwd(),
    }),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  setExitCode: (code) => {
    process.exitCode = code;
  },
});

// Commands answer their own failures; what is left is commander's own (unknown command...).
program.parseAsync(process.argv).catch((error: unknown) => {
  const rendered = renderResponse(
    errorResponse(error),
    outputOptions(program.opts(), process.env),
    environment,
  );
  process.stdout.write(rendered.stdout);
  process.stderr.write(rendered.stderr);
  process.exitCode = rendered.exitCode;
});
