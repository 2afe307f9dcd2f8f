import { PassThrough } from 'node:stream';

import { terminalPrompt } from './terminal-prompt';

/** A terminal: typed characters are echoed by readline unless the prompt mutes them. */
function terminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  const written: string[] = [];
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => written.push(chunk.toString()));
  return { input, output, written: () => written.join('') };
}

describe('terminalPrompt', () => {
  it('shows the question and never echoes a secret as it is typed', async () => {
    const io = terminal();
    const answer = terminalPrompt('client_secret: ', { secret: true }, io);

    io.input.write('s3cr3t-value\r');

    await expect(answer).resolves.toBe('s3cr3t-value');
    expect(io.written()).toContain('client_secret: ');
    expect(io.written()).not.toContain('s3cr3t');
  });

  it('echoes an answer that is not secret', async () => {
    const io = terminal();
    const answer = terminalPrompt('client_id: ', { secret: false }, io);

    io.input.write('organization.abc\r');

    await expect(answer).resolves.toBe('organization.abc');
    expect(io.written()).toContain('organization.abc');
  });
});
