import { createProgram } from './program';

function run(args: string[]) {
  const output: string[] = [];
  const program = createProgram({
    version: '1.2.3',
    dataFilePath: () => '/data/data.json',
    write: (text) => output.push(text),
  })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => output.push(text),
      writeErr: (text) => output.push(text),
    });
  return { output, parsed: program.parseAsync(['node', 'bwdc', ...args]) };
}

describe('bwdc program', () => {
  it('prints the data file path for data-file', async () => {
    const { output, parsed } = run(['data-file']);

    await parsed;

    expect(output).toEqual(['/data/data.json\n']);
  });

  it('prints the version for --version', async () => {
    const { output, parsed } = run(['--version']);

    await expect(parsed).rejects.toMatchObject({ code: 'commander.version' });
    expect(output).toEqual(['1.2.3\n']);
  });

  it('rejects an unknown command', async () => {
    const { parsed } = run(['frobnicate']);

    await expect(parsed).rejects.toMatchObject({ code: 'commander.unknownCommand' });
  });
});
