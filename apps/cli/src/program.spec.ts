import { createProgram } from './program';

function run(
  args: string[],
  env: Record<string, string> = {},
  dataFilePath: () => string = () => '/data/data.json',
) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exitCodes: number[] = [];
  const program = createProgram({
    version: '1.2.3',
    dataFilePath,
    env,
    platform: 'linux',
    color: false,
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    setExitCode: (code) => exitCodes.push(code),
    connector: () => Promise.reject(new Error('no Connector in these tests')),
    prompt: () => Promise.reject(new Error('no prompt in these tests')),
    openDataFile: () => Promise.reject(new Error('no data file in these tests')),
    secretStore: () => {
      throw new Error('no secret store in these tests');
    },
  })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => stdout.push(text),
      writeErr: (text) => stderr.push(text),
    });
  return { stdout, stderr, exitCodes, parsed: program.parseAsync(['node', 'bwdc', ...args]) };
}

describe('bwdc program', () => {
  it('prints the data file path for data-file', async () => {
    const { stdout, exitCodes, parsed } = run(['data-file']);

    await parsed;

    expect(stdout).toEqual(['/data/data.json\n']);
    expect(exitCodes).toEqual([0]);
  });

  it('answers in upstream’s envelope with --response, or with BW_RESPONSE=true', async () => {
    const envelope = '{"success":true,"data":{"object":"string","data":"/data/data.json"}}\n';
    const byFlag = run(['--response', 'data-file']);
    const byVariable = run(['data-file'], { BW_RESPONSE: 'true' });

    await Promise.all([byFlag.parsed, byVariable.parsed]);

    expect(byFlag.stdout).toEqual([envelope]);
    expect(byVariable.stdout).toEqual([envelope]);
  });

  it('prints nothing with --quiet', async () => {
    const { stdout, stderr, parsed } = run(['--quiet', 'data-file']);

    await parsed;

    expect([...stdout, ...stderr]).toEqual([]);
  });

  it('prints a failure as one line, with the stack only under BITWARDENCLI_CONNECTOR_DEBUG', async () => {
    const failing = () => {
      throw new Error('The data folder cannot be found.');
    };
    const plain = run(['data-file'], {}, failing);
    const debug = run(['data-file'], { BITWARDENCLI_CONNECTOR_DEBUG: 'true' }, failing);

    await Promise.all([plain.parsed, debug.parsed]);

    expect(plain.stderr).toEqual(['The data folder cannot be found.\n']);
    expect(plain.exitCodes).toEqual([1]);
    expect(debug.stderr.join('')).toMatch(/^Error: The data folder cannot be found\.\n\s+at /);
    expect(debug.stderr.at(-1)).toBe('The data folder cannot be found.\n');
  });

  it('prints the version for --version', async () => {
    const { stdout, parsed } = run(['--version']);

    await expect(parsed).rejects.toMatchObject({ code: 'commander.version' });
    expect(stdout).toEqual(['1.2.3\n']);
  });

  it('rejects an unknown command', async () => {
    const { parsed } = run(['frobnicate']);

    await expect(parsed).rejects.toMatchObject({ code: 'commander.unknownCommand' });
  });
});
