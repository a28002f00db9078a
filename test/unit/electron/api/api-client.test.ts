/**
 * The API client against real sockets on loopback: an HTTP server that answers as told, one that
 * never answers, a closed port, and an https server with a self-signed certificate.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../electron/api/api-client.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let handler: Handler = (_req, res) => res.end();
let http: Server;
let origin: string;
const seen: { method: string; url: string; auth: string | undefined; type: string | undefined; body: string }[] = [];

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

beforeAll(async () => {
  http = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, type: req.headers['content-type'], body });
      handler(req, res, body);
    });
  });
  origin = `http://${await listen(http)}`;
});

afterAll(() => {
  http.close();
});

/** A Date header far from this computer's clock: the answer carries it for the flow to compare. */
const DATE = 'Tue, 24 Nov 2026 06:00:00 GMT';

const session = {
  token: 'tok',
  expiresAt: '2030-01-01T00:00:00.000Z',
  user: { id: 'u1', username: 'ada', displayName: 'Ada', isAdmin: false },
};

describe('createApiClient', () => {
  it('posts the login and returns the answer that matches the schema', async () => {
    handler = (_req, res) => json(res, 200, { status: 'authenticated', session }, { date: DATE });
    seen.length = 0;
    const result = await createApiClient({ origin }).login({ username: 'ada', password: 'pw' });
    expect(result).toEqual({ ok: true, value: { status: 'authenticated', session }, serverDate: Date.parse(DATE) });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/v1/auth/login' });
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ username: 'ada', password: 'pw' });
  });

  it('sends the bearer token, no body and no content type on logout, and accepts 204', async () => {
    handler = (_req, res) => {
      res.writeHead(204);
      res.end();
    };
    seen.length = 0;
    expect(await createApiClient({ origin: `${origin}/` }).logout('tok')).toEqual({ ok: true, value: null });
    expect(seen[0]).toEqual({ method: 'POST', url: '/api/v1/auth/logout', auth: 'Bearer tok', type: undefined, body: '' });
  });

  it('returns documented errors with their details', async () => {
    handler = (_req, res) =>
      json(res, 429, { error: { code: 'too_many_attempts', message: 'Wait.', retryAfter: 42 } }, { 'retry-after': '42', date: DATE });
    expect(await createApiClient({ origin }).verifyTotp({ challengeId: 'c', code: '123456' })).toEqual({
      ok: false,
      failure: { kind: 'api', code: 'too_many_attempts', retryAfter: 42 },
      serverDate: Date.parse(DATE),
    });
    handler = (_req, res) => json(res, 401, { error: { code: 'invalid_code', message: 'No.', attemptsRemaining: 2, reason: 'clock_skew' } }, { date: DATE });
    expect(await createApiClient({ origin }).verifyTotp({ challengeId: 'c', code: '123456' })).toEqual({
      ok: false,
      failure: { kind: 'api', code: 'invalid_code', attemptsRemaining: 2, reason: 'clock_skew' },
      serverDate: Date.parse(DATE),
    });
  });

  it('leaves out a Date header it cannot read', async () => {
    handler = (_req, res) => json(res, 200, { status: 'authenticated', session }, { date: 'soon' });
    expect(await createApiClient({ origin }).login({ username: 'ada', password: 'pw' })).toEqual({ ok: true, value: { status: 'authenticated', session } });
  });

  it.each([
    ['a 200 with the wrong shape', (res: ServerResponse) => json(res, 200, { status: 'authenticated' })],
    ['a 200 that is not JSON', (res: ServerResponse) => res.end('<html>proxy login</html>')],
    ['a 502 without an error body', (res: ServerResponse) => json(res, 502, { oops: true })],
    ['a redirect', (res: ServerResponse) => { res.writeHead(302, { location: 'https://elsewhere.example' }); res.end(); }],
  ])('calls %s unexpected', async (_, answer) => {
    handler = (_req, res) => answer(res);
    const result = await createApiClient({ origin }).login({ username: 'ada', password: 'pw' });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'unexpected' } });
  });

  it('times out a server that never answers', async () => {
    handler = () => undefined;
    const started = Date.now();
    const result = await createApiClient({ origin, timeoutMs: 300 }).info();
    expect(result).toEqual({ ok: false, failure: { kind: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('calls a closed port unreachable', async () => {
    const closed = createServer();
    const address = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    expect(await createApiClient({ origin: `http://${address}` }).info()).toEqual({ ok: false, failure: { kind: 'unreachable' } });
  });

  it('calls an untrusted certificate a TLS failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepgate-tls-'));
    try {
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      ], { stdio: 'ignore' });
      const tls = createTlsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) =>
        json(res, 200, { status: 'ok' }),
      );
      const address = await listen(tls);
      try {
        expect(await createApiClient({ origin: `https://${address}` }).info()).toEqual({ ok: false, failure: { kind: 'tls' } });
      } finally {
        tls.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses the fetch it is given, as Electron passes net.fetch', async () => {
    handler = (_req, res) => json(res, 200, { status: 'ok' });
    const used: string[] = [];
    const client = createApiClient({
      origin,
      fetch: (input, init) => {
        used.push(String(input instanceof Request ? input.url : input));
        return fetch(input, init);
      },
    });
    await client.info();
    expect(used).toEqual([`${origin}/api/v1/info`]);
  });
});
