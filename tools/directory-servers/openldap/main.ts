/**
 * Runs a throw-away OpenLDAP for manual runs, the demo and benchmarks:
 *   npx tsx tools/directory-servers/openldap/main.ts --seed file.ldif [--size-limit N]
 * Prints the connection details as JSON on stdout and stops slapd on SIGINT/SIGTERM.
 */
import { parseCliArgs, USAGE, UsageError } from './cli-args';
import { startOpenLdap } from './start-openldap';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`openldap: ${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const server = await startOpenLdap(options);
  const { url, ldapsUrl, caCertPath, suffix, admin, reader, pid } = server;
  process.stdout.write(
    `${JSON.stringify({ url, ldapsUrl, caCertPath, suffix, admin, reader, pid }, null, 2)}\n`,
  );
  const shutdown = (): void => {
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`openldap: stop failed: ${message(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`openldap: ${message(error)}\n`);
  process.exitCode = 1;
});
