import { describe, expect, it } from 'vitest';
import { classifyTransportError } from '../../../../electron/api/classify-transport-error.js';

const wrap = (cause: unknown) => Object.assign(new Error('Network Error'), { code: 'ERR_NETWORK', cause });

describe('classifyTransportError', () => {
  it.each([
    // Electron's net.fetch reports Chromium net errors in the message.
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls'],
    ['net::ERR_CERT_DATE_INVALID', 'tls'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'tls'],
    ['net::ERR_TIMED_OUT', 'timeout'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'timeout'],
    ['net::ERR_CONNECTION_REFUSED', 'unreachable'],
    ['net::ERR_NAME_NOT_RESOLVED', 'unreachable'],
    ['net::ERR_INTERNET_DISCONNECTED', 'unreachable'],
    // A 407 nothing answered (Basic, Digest), and a scheme Chromium cannot answer.
    ['net::ERR_PROXY_AUTH_REQUESTED', 'proxyAuth'],
    ['net::ERR_PROXY_AUTH_UNSUPPORTED', 'proxyAuth'],
    // undici's tunnel refused by the proxy (test/integration/electron/api/proxy-auth.test.ts meets it for real).
    ['Proxy response (407) !== 200 when HTTP Tunneling', 'proxyAuth'],
    ['Proxy response (502) !== 200 when HTTP Tunneling', 'unreachable'],
  ])('%s is %s', (message, kind) => {
    expect(classifyTransportError(wrap(new TypeError(message)))).toEqual({ kind });
  });

  it.each([
    ['CERT_HAS_EXPIRED', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['ECONNREFUSED', 'unreachable'],
    ['ENOTFOUND', 'unreachable'],
  ])('Node cause %s is %s', (code, kind) => {
    expect(classifyTransportError(wrap(Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code }) })))).toEqual({
      kind,
    });
  });

  it('survives a cause cycle', () => {
    const a: { message: string; cause?: unknown } = { message: 'a' };
    a.cause = a;
    expect(classifyTransportError(a)).toEqual({ kind: 'unreachable' });
  });
});
