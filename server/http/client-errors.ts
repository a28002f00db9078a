/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a malformed request line or header,
 * Content-Length beside Transfer-Encoding, a header block too large): answered here, on the socket.
 * Under /api/v1 in api.md's error body, elsewhere in plain text; the connection then closes.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { isApiTarget } from './api-path.js';

/** Node puts the bytes it was parsing on the error; the request line, when it is there, names the target. */
type ParserError = Error & { readonly code?: string; readonly rawPacket?: unknown };

/** A socket still writing an earlier answer (Node's own field) must not get a second status line in the middle. */
type HttpSocket = Socket & { readonly _httpMessage?: { readonly headersSent?: boolean } | null };

const REQUEST_LINE = /^[A-Z]{1,20} (\S{1,16384}) HTTP\//;
const GIVE_UP_MS = 5_000;

function apiAnswer(code: string | undefined): { readonly body: string; readonly type: string } {
  const fields =
    code === 'HPE_HEADER_OVERFLOW' ? { headers: 'are too large' } : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? { request: 'took too long to arrive' } : { request: 'is not valid HTTP' };
  const body = JSON.stringify({ error: { code: 'invalid_request', message: 'The request is not valid.', fields } });
  return { body, type: 'application/json; charset=utf-8' };
}

/** What the answer is for: a request under the API, or (when the target cannot be read) possibly one. */
function forApi(error: ParserError): boolean {
  const packet = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.toString('latin1', 0, 16_500) : '';
  const target = REQUEST_LINE.exec(packet)?.[1];
  return target === undefined || isApiTarget(target);
}

export function answerClientError(error: ParserError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable || (socket as HttpSocket)._httpMessage?.headersSent === true) {
    socket.destroy();
    return;
  }
  const api = forApi(error);
  // The API answers with its own code's status; the site with the status that says what went wrong.
  const status = api ? 400 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const { body, type } = api ? apiAnswer(error.code) : { body: `${STATUS_CODES[status] ?? 'Bad Request'}\n`, type: 'text/plain; charset=utf-8' };
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    `Content-Type: ${type}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
  ].join('\r\n');
  const giveUp = setTimeout(() => socket.destroy(), GIVE_UP_MS);
  giveUp.unref();
  socket.end(`${head}\r\n\r\n${body}`, () => {
    clearTimeout(giveUp);
    socket.destroy();
  });
}
