import { ConfigurationError } from '@bwdc/core';

import { errorResponse } from './error-response';
import { outputOptions, type OutputOptions } from './output-options';
import { renderResponse, type RenderEnvironment } from './render-response';
import { listResponse, messageResponse, stringResponse, type CliResponse } from './response';

const plain: RenderEnvironment = { platform: 'linux', color: false };
const options = (flags: Partial<OutputOptions> = {}): OutputOptions => ({
  ...outputOptions({}, {}),
  ...flags,
});
const render = (response: CliResponse, flags: Partial<OutputOptions> = {}, env = plain) =>
  renderResponse(response, options(flags), env);

describe('renderResponse', () => {
  it('prints a message as its title, then its message, and exits 0', () => {
    expect(
      render(messageResponse('Syncing complete.', 'Synced 2 group(s) and 5 user(s).')),
    ).toEqual({
      stdout: 'Syncing complete.\nSynced 2 group(s) and 5 user(s).\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('colours the title green on a terminal, and only the raw field with --raw', () => {
    const response = messageResponse('Update available.', 'Notes', 'https://example.com/bwdc.zip');

    expect(render(response, {}, { platform: 'linux', color: true }).stdout).toBe(
      '\u001b[32mUpdate available.\u001b[39m\nNotes\n',
    );
    expect(render(response, { raw: true }).stdout).toBe('https://example.com/bwdc.zip\n');
  });

  it('prints a string as it is and nothing for an empty one', () => {
    expect(render(stringResponse('/data/data.json')).stdout).toBe('/data/data.json\n');
    expect(render(stringResponse(null)).stdout).toBe('');
  });

  it('prints lists as JSON, indented with --pretty', () => {
    expect(render(listResponse([{ name: 'a' }])).stdout).toBe('[{"name":"a"}]\n');
    expect(render(listResponse([1]), { pretty: true }).stdout).toBe('[\n  1\n]\n');
  });

  it('prints an error as one line on stderr and exits 1, or 0 with --cleanexit', () => {
    const failure = errorResponse(new Error('Organization not set.'));

    expect(render(failure)).toEqual({ stdout: '', stderr: 'Organization not set.\n', exitCode: 1 });
    expect(render(failure, { cleanExit: true }).exitCode).toBe(0);
  });

  it('prints the whole envelope on stdout with --response, errors included, as upstream', () => {
    expect(render(stringResponse('x'), { response: true }).stdout).toBe(
      '{"success":true,"data":{"object":"string","data":"x"}}\n',
    );
    const failed = render(errorResponse('Unknown setting.'), { response: true });
    expect(failed).toEqual({
      stdout: '{"success":false,"message":"Unknown setting."}\n',
      stderr: '',
      exitCode: 1,
    });
  });

  it('ends --response output without a newline on Windows, as upstream', () => {
    expect(
      render(stringResponse('x'), { response: true }, { platform: 'win32', color: false }).stdout,
    ).toBe('{"success":true,"data":{"object":"string","data":"x"}}');
  });

  it('prints nothing at all with --quiet, but keeps the exit code', () => {
    expect(render(errorResponse('boom'), { quiet: true })).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 1,
    });
    expect(render(messageResponse('Done.'), { quiet: true }).stdout).toBe('');
  });
});

describe('errorResponse', () => {
  it('gives a typed error its message and remedy on one line, with its code and side', () => {
    const error = new ConfigurationError(
      'ORGANIZATION_NOT_SET',
      'Organization not set.',
      'Log in with the organization API key (bwdc login) before syncing.',
    );

    expect(errorResponse(error)).toEqual({
      success: false,
      message:
        'Organization not set. Log in with the organization API key (bwdc login) before syncing.',
      errorCode: 'ORGANIZATION_NOT_SET',
      side: 'configuration',
    });
  });

  it.each<[string, unknown, string]>([
    ['a string', 'Unknown setting.', 'Unknown setting.'],
    ['an error over several lines', new Error('first\n  second'), 'first second'],
    ['a plain object', { status: 500 }, '{"status":500}'],
    ['null, as upstream rejects on a lost session', null, 'The command failed without saying why.'],
  ])('never prints [object Object]: %s', (_what, error, text) => {
    const { message } = errorResponse(error);

    expect(message).toContain(text);
    expect(message).not.toContain('[object Object]');
  });
});

describe('outputOptions', () => {
  it('takes each option from its flag or from upstream’s environment variable', () => {
    expect(outputOptions({ pretty: true }, { BW_RESPONSE: 'true', BW_QUIET: 'false' })).toEqual({
      response: true,
      pretty: true,
      raw: false,
      quiet: false,
      cleanExit: false,
      noInteraction: false,
    });
  });

  it('counts BW_CLEANEXIT as on whatever its value, as upstream', () => {
    expect(outputOptions({}, { BW_CLEANEXIT: '' }).cleanExit).toBe(true);
  });
});
