import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/**
 * The password comes from standard input, never from the command line (where `ps` and shell
 * history would keep it). At a terminal it is asked for without echo; piped, the first line is used.
 */
export async function readPassword(
  input: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => void },
  output: Writable,
  prompt = 'Password: ',
): Promise<string> {
  if (input.isTTY !== true) {
    const rl = createInterface({ input, terminal: false });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  output.write(prompt);
  return new Promise((resolve) => {
    const rl = createInterface({ input, output: undefined, terminal: true });
    rl.once('line', (line) => {
      output.write('\n');
      rl.close();
      resolve(line);
    });
  });
}
