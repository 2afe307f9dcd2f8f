import type { MeasuredCommand, Sample } from './commands';
import type { BenchEnvironment } from './environment';
import { mbText, secondsText } from '../stats';

const describe = (sample: Sample): string =>
  `${secondsText(sample.wallSeconds)} (CPU ${secondsText(sample.cpuSeconds)}, ` +
  `${mbText(sample.peakRssMb)})`;

/**
 * Round 0 is the warm-up, not counted. Each round runs every command once; which one goes first
 * rotates from round to round, so that drift on a shared machine hits them alike.
 */
export async function runRounds(
  environment: BenchEnvironment,
  commands: readonly MeasuredCommand[],
  runs: number,
): Promise<{ samples: Map<string, Sample[]>; warmUp: Map<string, Sample> }> {
  const samples = new Map(commands.map((command): [string, Sample[]] => [command.key, []]));
  const warmUp = new Map<string, Sample>();
  for (let round = 0; round <= runs; round += 1) {
    const order = commands.map((_, index) => commands[(index + round) % commands.length]);
    const parts: string[] = [];
    for (const command of order) {
      if (command === undefined) {
        continue;
      }
      const sample = await command.run(environment);
      if (round === 0) {
        warmUp.set(command.key, sample);
      } else {
        samples.get(command.key)?.push(sample);
      }
      parts.push(`${command.key} ${describe(sample)}`);
    }
    console.log(`${round === 0 ? 'warm-up' : `round ${round}/${runs}`}: ${parts.join(', ')}`);
  }
  return { samples, warmUp };
}
