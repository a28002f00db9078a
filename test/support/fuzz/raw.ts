/**
 * Raw HTTP for the fuzz suite, bytes no client library would send: odd methods and versions, control
 * characters and non-ASCII in the request line, broken headers, conflicting lengths, broken chunking,
 * two requests in one write, requests cut short.
 */
import { chance, int, pick, type Random } from './values.js';

export interface RawCase {
  readonly bytes: Buffer;
  /** The request target, to tell which answer shape applies. */
  readonly target: string;
  readonly marker: string;
  /** The bytes stop before the request is complete: no answer is owed. */
  readonly cutShort: boolean;
}

const TARGETS = ['/api/v1/health', '/api/v1/auth/login', '/api/v1/me', '/api/v1/admin/users', '/signin', '/assets/app.js', '/web/csrf', '/nowhere'] as const;

function requestLine(random: Random, target: string): string {
  const method = chance(random, 0.7) ? pick(random, ['GET', 'POST', 'DELETE', 'PATCH']) : pick(random, ['FOO', 'get', 'G ET', 'PRI', 'CONNECT', 'TRACE', 'M-SEARCH', 'GET\t']);
  const version = chance(random, 0.8) ? 'HTTP/1.1' : pick(random, ['HTTP/1.0', 'HTTP/0.9', 'HTTP/2.0', 'HTTP/1.2', 'HTTP/1', 'http/1.1', 'HTTP/1.1 extra']);
  return `${method} ${target} ${version}`;
}

function header(random: Random, marker: string): string {
  return pick(random, [
    `X-Bad ${marker}: 1`,
    `X-Ctl: a\x01${marker}`,
    `X-Nul: a\x00${marker}`,
    `X-Fold: a\r\n ${marker}`,
    `${marker}`,
    `: ${marker}`,
    `X-Utf8: ${marker}é`,
    `Content-Length: ${pick(random, ['-1', 'abc', '1, 2', '99999999999999999999', ' 5'])}`,
    'Content-Length: 2\r\nContent-Length: 3',
    'Transfer-Encoding: chunked\r\nContent-Length: 5',
    `Transfer-Encoding: ${pick(random, ['gzip, chunked', 'chunked, gzip', 'identity', marker, 'chunked\r\nTransfer-Encoding: chunked'])}`,
    `Host: ${pick(random, ['', marker, 'a b', 'x'.repeat(300)])}`,
    `X-Big: ${marker}${'b'.repeat(17_000)}`,
    `Expect: ${pick(random, ['100-continue', marker])}`,
    `Upgrade: ${pick(random, ['websocket', 'h2c', marker])}\r\nConnection: Upgrade`,
  ]);
}

function body(random: Random, marker: string): string {
  return pick(random, [
    '',
    `{"username":"${marker}","password":"x"}`,
    `zz${marker}\r\n{}\r\n0\r\n\r\n`,
    `5;ext=${marker}\r\n{"a":\r\n0\r\nX-Trailer: ${marker}\r\n\r\n`,
    `FFFFFFFFFFFFFFFF\r\n${marker}\r\n`,
    '0\r\n\r\n',
  ]);
}

export function rawCase(random: Random, host: string, index: number): RawCase {
  const marker = `zqr${index.toString(36)}fz`;
  const base = pick(random, TARGETS);
  // The marker travels as a value: a bare query key that looks like a name is named in the refusal, by design.
  let target = `${base}?q=${marker}`;
  switch (int(random, 5)) {
    case 0:
      target = `${base}/${marker}\x7f%ZZ`;
      break;
    case 1:
      target = `${base}/${marker}é`;
      break;
    case 2:
      target = `http://${host}${base}?q=${marker}`;
      break;
    default:
      break;
  }
  const headers = [`Host: ${host}`, ...Array.from({ length: int(random, 2) }, () => header(random, marker))];
  const text = `${requestLine(random, target)}\r\n${headers.join('\r\n')}\r\n\r\n${body(random, marker)}`;
  const pipelined = chance(random, 0.1) ? `${text}GET /api/v1/health HTTP/1.1\r\nHost: ${host}\r\n\r\n` : text;
  const cutShort = chance(random, 0.1);
  const bytes = Buffer.from(cutShort ? pipelined.slice(0, int(random, pipelined.length - 1)) : pipelined, 'latin1');
  return { bytes: Buffer.concat([bytes, chance(random, 0.05) ? Buffer.from([0xc3, 0x28, 0xff]) : Buffer.alloc(0)]), target: base, marker, cutShort };
}
