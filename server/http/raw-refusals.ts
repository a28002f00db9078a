/**
 * Refusals made below Fastify, on Node's HTTP server itself: requests its parser cannot read (a malformed
 * request line or header, Content-Length beside Transfer-Encoding, a header block too large), CONNECT
 * (which Node would otherwise answer by cutting the connection), and an Expect it cannot meet. Answered
 * like everything else: api.md's error body under /api/v1, plain text elsewhere, nothing repeated.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { isApiTarget } from './api-path.js';

type Refusal = 'unreadable' | 'headers_too_large' | 'too_slow' | 'no_such_method' | 'expectation';

/** Node puts the bytes it was parsing on the error. */
type ParserError = Error & { readonly code?: string; readonly rawPacket?: unknown };

/** The answer Node is still giving on this socket to an earlier request (Node's own field), if any. */
type HttpSocket = Socket & { readonly _httpMessage?: ServerResponse | null };

const API_FIELDS: Readonly<Record<Refusal, Readonly<Record<string, string>>>> = {
  unreadable: { request: 'is not valid HTTP' },
  headers_too_large: { headers: 'are too large' },
  too_slow: { request: 'took too long to arrive' },
  no_such_method: { method: 'is not allowed' },
  expectation: { headers: 'ask for an Expect this server does not meet' },
};

const SITE_STATUS: Readonly<Record<Refusal, number>> = { unreadable: 400, headers_too_large: 431, too_slow: 408, no_such_method: 405, expectation: 417 };

interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * The answer for a refusal, by where the request was going. `target` is undefined when it could not be
 * read: then it may have been an API request, and the answer is the one every API client can read.
 */
function refusal(kind: Refusal, target: string | undefined): Answer {
  const api = target === undefined || isApiTarget(target);
  const body = api
    ? JSON.stringify({ error: { code: 'invalid_request', message: 'The request is not valid.', fields: API_FIELDS[kind] } })
    : `${STATUS_CODES[SITE_STATUS[kind]] ?? 'Bad Request'}\n`;
  return {
    status: api ? 400 : SITE_STATUS[kind],
    headers: {
      'Content-Type': api ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'close',
    },
    body,
  };
}

/** The request line as far as it arrived: its first word, and the first part of it that looks like a target. */
function readRequestLine(packet: unknown): { readonly method: string | undefined; readonly target: string | undefined } {
  const line = Buffer.isBuffer(packet) ? (packet.toString('latin1', 0, 400).split(/\r?\n/, 1)[0] ?? '') : '';
  return { method: /^\S+/.exec(line)?.[0], target: /\s(\/\S*|[A-Za-z][A-Za-z0-9+.-]*:\/\/\S*)/.exec(line)?.[1] };
}

function writeAndClose(socket: Duplex, answer: Answer, withBody: boolean): void {
  const head = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`, ...Object.entries(answer.headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  // A client that stops reading does not keep the socket open for long.
  const giveUp = setTimeout(() => socket.destroy(), 5_000);
  giveUp.unref();
  socket.end(`${head}\r\n\r\n${withBody ? answer.body : ''}`, () => {
    clearTimeout(giveUp);
    socket.destroy();
  });
}

export function answerClientError(error: ParserError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const kind: Refusal = error.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'too_slow' : 'unreadable';
  const current = (socket as HttpSocket)._httpMessage;
  if (current === null || current === undefined) {
    const { method, target } = readRequestLine(error.rawPacket);
    writeAndClose(socket, refusal(kind, target), method !== 'HEAD');
  } else if (current.req.complete) {
    // Unreadable bytes after a good request (pipelined): its answer is finished first, then the
    // connection closes; a second status line in the middle would garble both.
    current.once('close', () => socket.end());
  } else if (!current.headersSent) {
    // The body of the request being answered is unreadable (a broken chunk): it is refused, by its own target.
    writeAndClose(socket, refusal(kind, current.req.url), current.req.method !== 'HEAD');
  } else {
    socket.destroy();
  }
}

/** CONNECT: this server is no proxy. */
export function answerConnect(request: IncomingMessage, socket: Duplex): void {
  writeAndClose(socket, refusal('no_such_method', request.url), true);
}

/** An Expect other than 100-continue. */
export function answerExpectation(request: IncomingMessage, response: ServerResponse): void {
  const answer = refusal('expectation', request.url);
  response.writeHead(answer.status, answer.headers);
  response.end(request.method === 'HEAD' ? undefined : answer.body);
}
