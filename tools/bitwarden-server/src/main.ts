/**
 * Runs the local Bitwarden server from a seed file, for manual runs and scripted end-to-end tests:
 *   tsx tools/bitwarden-server/src/main.ts --port 18080 --seed seed.json
 */
import { parseCliArgs, USAGE, UsageError } from './cli-args';
import { startBitwardenServer } from './http-server';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`bitwarden-server: ${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  let server;
  try {
    server = await startBitwardenServer(options);
  } catch (error) {
    process.stderr.write(
      `bitwarden-server: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
    return;
  }
  process.stdout.write(
    `Bitwarden server listening\n  base:     ${server.url}\n  identity: ${server.identityUrl}\n  api:      ${server.apiUrl}\n`,
  );
  const shutdown = (): void => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bitwarden-server: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
