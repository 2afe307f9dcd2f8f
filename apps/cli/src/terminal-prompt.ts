import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

export interface PromptStreams {
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: NodeJS.WritableStream;
}

/**
 * Asks on stderr (stdout stays for results) and reads one line from stdin. A secret is not
 * echoed: upstream's prompt showed the client secret as it was typed.
 */
export function terminalPrompt(
  question: string,
  options: { readonly secret: boolean },
  streams: PromptStreams = { input: process.stdin, output: process.stderr },
): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) {
        streams.output.write(chunk);
      }
      done();
    },
  });
  const readline = createInterface({
    input: streams.input,
    output,
    terminal: streams.input.isTTY === true,
  });
  return new Promise((resolve) => {
    readline.question(question, (answer) => {
      readline.close();
      if (muted) {
        streams.output.write('\n');
      }
      resolve(answer);
    });
    // The question is written by now; what is typed next is not.
    muted = options.secret;
  });
}
