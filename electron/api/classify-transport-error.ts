/**
 * Sorts a failed request that got no HTTP answer into a proxy that wants a sign-in, timeout, TLS
 * failure or unreachable. A proxy's 407 to the tunnel (CONNECT) never reaches the caller as an
 * answer: undici says "Proxy response (407)", Chromium net::ERR_PROXY_AUTH_REQUESTED (or
 * ERR_PROXY_AUTH_UNSUPPORTED for a scheme it cannot answer).
 * Node's fetch reports causes as error codes (ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT, ...);
 * Electron's net.fetch reports Chromium net errors in the message (net::ERR_CERT_AUTHORITY_INVALID, ...).
 * Both end up wrapped by axios, so the whole cause chain is examined.
 */
import type { ApiFailure } from './api-result.js';

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const TIMEOUT_MESSAGE = /net::ERR_(CONNECTION_)?TIMED_OUT|timeout of \d+ms exceeded/i;
const TLS_CODE = /CERT|SSL|TLS|UNABLE_TO_(GET|VERIFY)|SELF_SIGNED|ERR_OSSL|HOSTNAME_MISMATCH|ALTNAME/i;
const PROXY_AUTH_MESSAGE = /\bproxy response \(407\)|net::ERR_PROXY_AUTH_(REQUESTED|UNSUPPORTED)/i;
const TLS_MESSAGE = /net::ERR_(CERT_|SSL_|BAD_SSL|CERTIFICATE)|certificate|ssl|tls/i;

interface Traits {
  readonly codes: readonly string[];
  readonly messages: readonly string[];
}

function traitsOf(error: unknown): Traits {
  const codes: string[] = [];
  const messages: string[] = [];
  let current: unknown = error;
  // Cause chains are short; the bound only protects against a cycle.
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string') codes.push(code);
    if (typeof message === 'string') messages.push(message);
    current = cause;
  }
  return { codes, messages };
}

export function classifyTransportError(error: unknown): Exclude<ApiFailure, { kind: 'api' } | { kind: 'unexpected' }> {
  const { codes, messages } = traitsOf(error);
  if (messages.some((m) => PROXY_AUTH_MESSAGE.test(m))) return { kind: 'proxyAuth' };
  if (codes.some((c) => TIMEOUT_CODES.has(c)) || messages.some((m) => TIMEOUT_MESSAGE.test(m))) return { kind: 'timeout' };
  if (codes.some((c) => TLS_CODE.test(c)) || messages.some((m) => TLS_MESSAGE.test(m))) return { kind: 'tls' };
  return { kind: 'unreachable' };
}
