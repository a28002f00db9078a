/**
 * Bytes on a plain TCP socket, for requests no HTTP client library would send: malformed request
 * lines, bad headers, Content-Length beside Transfer-Encoding, oversized header blocks.
 */
import { connect } from 'node:net';

export interface RawAnswer {
  /** 0 when the server closed the connection without answering. */
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Everything received, status line included. */
  readonly text: string;
}

/**
 * Sends `bytes` to the server at `origin` and reads one answer, until the server closes or `timeoutMs`
 * passes. With `halfClose` the client also ends its side after writing, as a client cut off mid-request
 * would; the server then owes no answer to a request it has not seen the end of.
 */
export function rawRequest(origin: string, bytes: string | Buffer, timeoutMs = 5_000, halfClose = false): Promise<RawAnswer> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      resolve(parseAnswer(Buffer.concat(chunks).toString('latin1')));
    };
    const timer = setTimeout(() => {
      socket.destroy();
      finish();
    }, timeoutMs);
    socket.on('connect', () => {
      if (halfClose) socket.end(bytes);
      else socket.write(bytes);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // One answer is enough; the connection may be kept alive for more.
      const text = Buffer.concat(chunks).toString('latin1');
      if (isComplete(text)) {
        socket.destroy();
        finish();
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after an answer was sent is how some refusals end.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', finish);
  });
}

function isComplete(text: string): boolean {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, end));
  if (length === null) return false;
  return Buffer.byteLength(text.slice(end + 4), 'latin1') >= Number(length[1]);
}

function parseAnswer(text: string): RawAnswer {
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  // The first answer's body only: a pipelined second answer may follow it.
  const rest = end < 0 ? '' : text.slice(end + 4);
  const length = headers['content-length'];
  const body = length === undefined ? rest : Buffer.from(rest, 'latin1').subarray(0, Number(length)).toString('latin1');
  return { status: status === null ? 0 : Number(status[1]), headers, body, text };
}
