/**
 * Runs a throw-away Samba AD DC for manual runs, the demo and benchmarks (root only):
 *   npx tsx tools/directory-servers/samba-ad/main.ts --test-directory [--seed file.ldif]
 * Prints the connection details as JSON on stdout and stops the DC on SIGINT/SIGTERM.
 */
import { parseCliArgs, USAGE, UsageError } from './cli-args';
import { startSambaAd } from './start-samba-ad';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`samba-ad: ${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const server = await startSambaAd(options);
  const { url, ldapsUrl, caCertPath, baseDn, domain, admin, pid, pids, namespace, dir, timings } =
    server;
  process.stdout.write(
    `${JSON.stringify({ url, ldapsUrl, caCertPath, baseDn, domain, admin, pid, pids, namespace, dir, timings }, null, 2)}\n`,
  );
  const shutdown = (): void => {
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`samba-ad: stop failed: ${message(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`samba-ad: ${message(error)}\n`);
  process.exitCode = 1;
});
