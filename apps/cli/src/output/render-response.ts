import { EXIT_ERROR, EXIT_OK, EXIT_REFUSED_BY_GUARD, type ExitCode } from './exit-codes';
import { guardRefusalLines } from './guard-refusal-text';
import { historyText } from './history-text';
import type { OutputOptions } from './output-options';
import { planText } from './plan-text';
import type { CliResponse, ResponseData } from './response';
import { testDataPieces } from './test-data';

export interface RenderedOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: ExitCode;
}

/** The same, with stdout in pieces to print one after another: a long table is never whole. */
export interface StreamedOutput {
  readonly stdout: Iterable<string>;
  readonly stderr: string;
  readonly exitCode: ExitCode;
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
 * JSON, test and plan results and the history as tables. Exit 1 on an error, 3 when a guard
 * refused the sync, 0 for either with `--cleanexit`. An error is one line on stderr; a deletion
 * guard's refusal adds, after that line, who would have been removed.
 */
export function renderResponse(
  response: CliResponse,
  options: OutputOptions,
  environment: RenderEnvironment,
): RenderedOutput {
  const streamed = renderResponseStreamed(response, options, environment);
  return { ...streamed, stdout: [...streamed.stdout].join('') };
}

/** `renderResponse`, with `bwdc test`'s tables made piece by piece as they are printed. */
export function renderResponseStreamed(
  response: CliResponse,
  options: OutputOptions,
  environment: RenderEnvironment,
): StreamedOutput {
  const exitCode = exitCodeOf(response, options);
  if (options.response) {
    const json = toJson(response, options);
    const end = environment.platform === 'win32' ? '' : '\n';
    return { stdout: options.quiet ? [] : [`${json}${end}`], stderr: '', exitCode };
  }
  if (!response.success) {
    const text = environment.color ? red(response.message) : response.message;
    const lines = [text, ...(response.guard ? guardRefusalLines(response.guard) : [])];
    return { stdout: [], stderr: options.quiet ? '' : `${lines.join('\n')}\n`, exitCode };
  }
  if (options.quiet) {
    return { stdout: [], stderr: '', exitCode };
  }
  const data = response.data;
  if (data.object === 'test' && !options.raw) {
    // Upstream printed JSON; a person gets tables, a script gets JSON with --response or --raw.
    return { stdout: testDataPieces(data), stderr: '', exitCode };
  }
  const text = renderData(data, options, environment);
  return { stdout: text === '' ? [] : [`${text}\n`], stderr: '', exitCode };
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
      // Only with --raw: the tables are made piece by piece (renderResponseStreamed).
      return toJson(data, options);
    case 'plan':
      return options.raw ? toJson(data, options) : planText(data);
    case 'history':
      return options.raw ? toJson(data.runs, options) : historyText(data.runs);
  }
}

function exitCodeOf(response: CliResponse, options: OutputOptions): ExitCode {
  if (response.success || options.cleanExit) {
    return EXIT_OK;
  }
  return response.guard === undefined ? EXIT_ERROR : EXIT_REFUSED_BY_GUARD;
}

function toJson(value: unknown, options: OutputOptions): string {
  return JSON.stringify(value, null, options.pretty ? 2 : undefined);
}

const red = (text: string): string => `\u001b[31m${text}\u001b[39m`;
const green = (text: string): string => `\u001b[32m${text}\u001b[39m`;
