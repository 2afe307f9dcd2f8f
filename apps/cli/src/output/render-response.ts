import type { OutputOptions } from './output-options';
import type { CliResponse, ResponseData } from './response';
import { testDataText } from './test-data';

export interface RenderedOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1;
}

export interface RenderEnvironment {
  /** Windows: upstream ends `--response` output without a newline there. */
  readonly platform: NodeJS.Platform;
  /** Whether stdout is a terminal that shows colours. */
  readonly color: boolean;
}

/**
 * The one place that turns a result into text and an exit code, following upstream's rules
 * (`src-cli/baseProgram.ts`): `--response` prints the envelope on stdout, errors included;
 * otherwise errors go to stderr, strings print raw, messages as a title and a message, lists as
 * JSON and test results as tables. Exit 1 on an error unless `--cleanexit`.
 */
export function renderResponse(
  response: CliResponse,
  options: OutputOptions,
  environment: RenderEnvironment,
): RenderedOutput {
  const exitCode = response.success || options.cleanExit ? 0 : 1;
  if (options.response) {
    const json = toJson(response, options);
    const end = environment.platform === 'win32' ? '' : '\n';
    return { stdout: options.quiet ? '' : `${json}${end}`, stderr: '', exitCode };
  }
  if (!response.success) {
    const text = environment.color ? red(response.message) : response.message;
    return { stdout: '', stderr: options.quiet ? '' : `${text}\n`, exitCode };
  }
  const text = renderData(response.data, options, environment);
  return { stdout: options.quiet || text === '' ? '' : `${text}\n`, stderr: '', exitCode };
}

function renderData(
  data: ResponseData,
  options: OutputOptions,
  environment: RenderEnvironment,
): string {
  switch (data.object) {
    case 'string':
      return data.data ?? '';
    case 'message': {
      if (options.raw && data.raw !== undefined && data.raw !== null) {
        return data.raw;
      }
      const title = data.title ?? '';
      const colouredTitle =
        environment.color && data.noColor !== true && title !== '' ? green(title) : title;
      return [colouredTitle, data.message ?? ''].filter((part) => part !== '').join('\n');
    }
    case 'list':
      return toJson(data.data, options);
    case 'test':
      // Upstream printed JSON; a person gets tables, a script gets JSON with --response or --raw.
      return options.raw ? toJson(data, options) : testDataText(data);
  }
}

function toJson(value: unknown, options: OutputOptions): string {
  return JSON.stringify(value, null, options.pretty ? 2 : undefined);
}

const red = (text: string): string => `\u001b[31m${text}\u001b[39m`;
const green = (text: string): string => `\u001b[32m${text}\u001b[39m`;
