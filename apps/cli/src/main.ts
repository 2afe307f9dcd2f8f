import * as os from 'node:os';

import packageJson from '../package.json';
import type * as Composition from './composition';
import { errorResponse, outputOptions, renderResponse } from './output';
import { createProgram } from './program';

const environment = {
  env: process.env,
  platform: process.platform,
  color: process.stdout.isTTY === true && process.env['NO_COLOR'] === undefined,
  stderrIsTerminal: process.stderr.isTTY === true,
};
const stderr = (text: string): void => {
  process.stderr.write(text);
};

// Loaded on first use: `--version` and `--help` need only commander and the output layer. Keep it
// that way: a value imported here or in program.ts (and its commands) from storage, providers or
// zod is loaded on every start (`npm run bench:cli` measures it).
let composition: typeof Composition | undefined;
const compose = (): typeof Composition =>
  (composition ??= require('./composition') as typeof Composition);

const program = createProgram({
  ...environment,
  version: packageJson.version,
  dataFilePath: () => compose().dataFilePath(),
  connector: () =>
    compose().openConnector({
      dataFilePath: compose().dataFilePath(),
      env: process.env,
      platform: process.platform,
      version: packageJson.version,
      logger: compose().stderrLogger(process.env, stderr),
    }),
  prompt: (question, options) => compose().terminalPrompt(question, options),
  openDataFile: () => compose().openDataFile(),
  secretStore: (store) => compose().secretStore(store),
  service: {
    openConnector: (logger) =>
      compose().openConnector({
        dataFilePath: compose().dataFilePath(),
        env: process.env,
        platform: process.platform,
        version: packageJson.version,
        logger,
        source: 'service',
      }),
    onStopSignal: (listener) => {
      // Once: a second Ctrl-C during the grace period ends the process at once (Node's default).
      process.once('SIGINT', listener);
      process.once('SIGTERM', listener);
      return () => {
        process.off('SIGINT', listener);
        process.off('SIGTERM', listener);
      };
    },
    exit: (code) => process.exit(code),
    writeLog: (line) => process.stdout.write(line),
    logIsTerminal: process.stdout.isTTY === true,
    hostname: os.hostname(),
  },
  stdout: (text) => process.stdout.write(text),
  stderr,
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
