import { CLI_BUNDLE } from './cli-bundle';
import { run, type RunResult } from './timed-process';

/** The bundled CLI as an admin runs it, with the Node running this script (the workspace's). */
export function bwdcCommand(args: readonly string[]): string[] {
  return [process.execPath, CLI_BUNDLE, ...args];
}

/** An untimed bwdc command for setup and checks; throws on a non-zero exit. */
export async function bwdc(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  extraEnv: Record<string, string> = {},
): Promise<RunResult> {
  const result = await run(bwdcCommand(args), {
    env: { ...env, ...extraEnv },
    captureStdout: true,
  });
  if (result.exitCode !== 0) {
    throw new Error(
      `bwdc ${args.join(' ')} exited with ${result.exitCode}: ${result.stderr || result.stdout}`,
    );
  }
  return result;
}
