/**
 * Every answer under /api/v1 is api.md's error body with one of its codes, also when the router or
 * Node's HTTP parser refuses the request before any route runs; the rest of the site answers in
 * plain text. Neither echoes the address or the input back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Value from 'typebox/value';
import { ApiErrorBody } from '../../../shared/api/schemas.js';
import { API_ERROR_STATUS } from '../../../shared/api/errors.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, call, describeCall, fails, type ApiClient, type Method } from '../../support/http-client.js';
import { rawRequest, type RawAnswer } from '../../support/raw-http.js';
import { createUser, passwordSession } from '../../support/totp.js';

/** Put into addresses and headers; an answer that contains it has echoed the request. */
const MARKER = 'zqxmarker';

function inErrorShape(status: number, contentType: string | undefined, body: string, what: string): ApiErrorBody['error'] {
  expect(contentType ?? '', what).toMatch(/^application\/json/);
  const parsed = JSON.parse(body) as unknown;
  if (!Value.Check(ApiErrorBody, parsed)) throw new Error(`${what}: not in the error shape: ${body}`);
  expect(API_ERROR_STATUS[parsed.error.code], `${what}: status of ${parsed.error.code}`).toBe(status);
  return parsed.error;
}

function plain(status: number, contentType: string | undefined, body: string, what: string): void {
  expect(status, what).toBeGreaterThanOrEqual(400);
  expect(status, what).toBeLessThan(500);
  expect(contentType ?? '', what).toMatch(/^text\/plain/);
  expect(body.length, what).toBeLessThan(200);
}

describe('error shape', () => {
  let server: TestServer;
  let api: ApiClient;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ logs: true });
    api = apiClient(server.api);
    const user = await createUser(server);
    token = (await passwordSession(server, user.username, user.password)).token;
  });
  afterAll(async () => {
    // Refusals are the client's doing: nothing of it is an error in the server's log.
    expect(server.logs.filter((l) => Number(l['level']) >= 50)).toEqual([]);
    await server.close();
  });

  describe('router refusals under /api/v1', () => {
    it('an over-long path parameter is 400 invalid_request naming id', async () => {
      for (const length of [129, 2049, 5000, 15_000]) {
        const res = await api.delete(`/me/authenticators/${MARKER}${'x'.repeat(length)}`, { token });
        const error = fails(res, 400, 'invalid_request');
        expect(Object.keys(error.fields ?? {}), describeCall(res)).toEqual(['id']);
        expect(res.text).not.toContain(MARKER);
      }
    });

    it('malformed percent-encoding is 400 invalid_request, without the address', async () => {
      for (const path of [`/me%ZZ${MARKER}`, `/me/authenticators/%E0%A4%A${MARKER}/confirm`, `/${MARKER}%`, `/admin/users/%${MARKER}`]) {
        const res = await api.get(path, { token });
        const error = fails(res, 400, 'invalid_request');
        expect(Object.keys(error.fields ?? {}), describeCall(res)).toEqual(['path']);
        expect(res.text).not.toContain(MARKER);
      }
    });

    it('an unknown route or method is 404 not_found, without the address', async () => {
      const cases: readonly (readonly [Method, string])[] = [
        ['GET', `/${MARKER}`],
        ['PUT', '/me'],
        ['DELETE', '/health'],
        ['OPTIONS', `/auth/${MARKER}`],
        ['PATCH', '/auth/login'],
        ['GET', ''],
      ];
      for (const [method, path] of cases) {
        const res = await api.call(method, path);
        fails(res, 404, 'not_found');
        expect(res.text).not.toContain(MARKER);
      }
    });
  });

  describe('the rest of the site answers in plain text', () => {
    it('an unknown page is 404 in plain text, without the address', async () => {
      for (const path of [`/${MARKER}`, `/web/${MARKER}`, `/api/v2/${MARKER}`, `/api/v1${MARKER}`]) {
        const res = await call('GET', `${server.url}${path}`, { headers: { accept: 'text/html' } });
        expect(res.status, describeCall(res)).toBe(404);
        plain(res.status, res.headers['content-type'], res.text, describeCall(res));
        expect(res.text).not.toContain(MARKER);
      }
    });

    it('malformed percent-encoding outside the API is 400 in plain text', async () => {
      const res = await call('GET', `${server.url}/signin%ZZ${MARKER}`);
      expect(res.status, describeCall(res)).toBe(400);
      plain(res.status, res.headers['content-type'], res.text, describeCall(res));
      expect(res.text).not.toContain(MARKER);
    });
  });

  describe('refusals of the HTTP parser', () => {
    const host = () => `Host: ${new URL(server.url).host}\r\n`;
    /** Malformed requests by name: each takes the request target and gives the bytes. */
    const malformed: Readonly<Record<string, (target: string) => string>> = {
      'a space in a header name': (t) => `GET ${t} HTTP/1.1\r\n${host()}Bad ${MARKER}: 1\r\n\r\n`,
      'a control character in a header value': (t) => `GET ${t} HTTP/1.1\r\n${host()}X-Note: a\x01${MARKER}\r\n\r\n`,
      'Content-Length beside Transfer-Encoding': (t) =>
        `POST ${t} HTTP/1.1\r\n${host()}Content-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      'two different Content-Lengths': (t) => `POST ${t} HTTP/1.1\r\n${host()}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
      'a broken chunk size': (t) =>
        `POST ${t} HTTP/1.1\r\n${host()}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz${MARKER}\r\n{}\r\n0\r\n\r\n`,
      'headers larger than the server takes (431)': (t) => `GET ${t} HTTP/1.1\r\n${host()}X-Big: ${MARKER}${'b'.repeat(20_000)}\r\n\r\n`,
      'an unknown HTTP version': (t) => `GET ${t} HTTP/7.3\r\n${host()}\r\n`,
      'a header line without a colon': (t) => `GET ${t} HTTP/1.1\r\n${host()}${MARKER}\r\n\r\n`,
    };

    for (const [what, bytes] of Object.entries(malformed)) {
      it(`${what}: under /api/v1 400 invalid_request in the error shape, elsewhere plain text; never echoed`, async () => {
        const inApi: RawAnswer = await rawRequest(server.url, bytes(`/api/v1/auth/login?${MARKER}`));
        const error = inErrorShape(inApi.status, inApi.headers['content-type'], inApi.body, `${what}: ${inApi.text.slice(0, 300)}`);
        expect(error.code).toBe('invalid_request');
        expect(inApi.text).not.toContain(MARKER);

        const elsewhere = await rawRequest(server.url, bytes(`/signin?${MARKER}`));
        plain(elsewhere.status, elsewhere.headers['content-type'], elsewhere.body, `${what}: ${elsewhere.text.slice(0, 300)}`);
        expect(elsewhere.text).not.toContain(MARKER);
      });
    }

    it('a request line that is not HTTP at all gets a plain 400 and the connection closes', async () => {
      const res = await rawRequest(server.url, `\x16\x03\x01${MARKER}\r\n\r\n`);
      expect(res.status).toBe(400);
      expect(res.text).not.toContain(MARKER);
    });
  });
});
