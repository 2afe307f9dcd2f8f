import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * Asks on stderr (stdout stays for results) and reads one line from stdin. A secret is not
 * echoed: upstream's prompt showed the client secret as it was typed.
 */
export function terminalPrompt(
  question: string,
  options: { readonly secret: boolean },
): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) {
        process.stderr.write(chunk);
      }
      done();
    },
  });
  const readline = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
  return new Promise((resolve) => {
    readline.question(question, (answer) => {
      readline.close();
      if (muted) {
        process.stderr.write('\n');
      }
      resolve(answer);
    });
    // The question is written by now; what is typed next is not.
    muted = options.secret;
  });
}
