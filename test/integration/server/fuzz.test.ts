/**
 * A seeded fuzz run over every route: odd methods, paths, parameters, queries, headers and bodies (types,
 * sizes, encodings, unicode, prototype keys), and raw malformed HTTP on a socket. Whatever comes in:
 * no 5xx, every error under /api/v1 in api.md's shape with one of its codes, plain text elsewhere, and
 * nothing of the request repeated in a refusal. Replay a run with STEPGATE_TEST_SEED.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Value from 'typebox/value';
import { ApiErrorBody, PendingAuthenticator } from '../../../shared/api/schemas.js';
import { API_ERROR_STATUS } from '../../../shared/api/errors.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, expectStatus, ok, type ApiClient } from '../../support/http-client.js';
import { rawRequest } from '../../support/raw-http.js';
import { seededRandom, testSeed } from '../../support/race.js';
import { fuzzRequest, type FuzzRequest, type Ids, type TokenRef } from '../../support/fuzz/requests.js';
import { rawCase } from '../../support/fuzz/raw.js';
import { makeWebDir, type WebDir } from '../../support/web-dir.js';
import { adminToken, challengeFor, createTotpUser, createUser, passwordSession, RELAXED_THROTTLE, type TestUser } from '../../support/totp.js';

const SEED = testSeed(8_601);
const REQUESTS = 3_000;
const RAW_REQUESTS = 400;
const BATCH = 150;
const CONCURRENCY = 8;

interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  /** Everything received (for raw requests, the status line and headers too). */
  readonly text: string;
}

const isApiPath = (path: string): boolean => /^\/api\/v1(\/|\?|$)/.test(path);

/** What is wrong with an answer, if anything. */
function problems(method: string, path: string, marker: string, answer: Answer): readonly string[] {
  const found: string[] = [];
  if (answer.status >= 500) found.push(`answered ${answer.status}`);
  if (answer.status < 300) return found;
  const headerText = Object.values(answer.headers).flat().join('\n');
  if (answer.text.includes(marker) || headerText.includes(marker)) found.push('repeats the request');
  if (answer.status < 400 || method === 'HEAD') return found;
  const type = String(answer.headers['content-type'] ?? '');
  if (isApiPath(path)) {
    let body: unknown;
    try {
      body = JSON.parse(answer.body);
    } catch {
      body = undefined;
    }
    if (!type.startsWith('application/json') || !Value.Check(ApiErrorBody, body)) found.push('is not in the error shape');
    else if (API_ERROR_STATUS[body.error.code] !== answer.status) found.push(`says ${body.error.code} with status ${answer.status}`);
  } else if (!/^text\/(plain|html)/.test(type)) {
    found.push(`is ${type || 'untyped'} outside the API`);
  }
  return found;
}

describe('fuzz', () => {
  let server: TestServer;
  let webDir: WebDir;
  let api: ApiClient;
  let admin: TestUser;
  let victim: TestUser;
  let required: TestUser;
  let ids: Ids;
  const tokens = new Map<TokenRef, string>();
  const failures: string[] = [];
  let fiveHundreds = 0;
  let sent = 0;

  beforeAll(async () => {
    webDir = await makeWebDir();
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE, webDir: webDir.path }, logs: true });
    await server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
    api = apiClient(server.api);
    admin = await createUser(server, { isAdmin: true, username: 'fuzz-admin' });
    victim = await createUser(server, { username: 'fuzz-victim', password: 'fuzz-victim-password' });
    required = await createUser(server, { totpRequired: true });
    const totpUser = await createTotpUser(server);
    const victimToken = (await passwordSession(server, victim.username, victim.password)).token;
    const pending = ok(await api.post('/me/authenticators', { token: victimToken, body: { name: 'Pending' } }), 201, PendingAuthenticator);
    ids = { victim: victim.id, pending: pending.id, challenge: (await challengeFor(server, totpUser.username, totpUser.password)).id };
  });
  afterAll(async () => {
    await server.close();
    await webDir.remove();
  });

  /** Before each batch: sessions the last one may have ended, settings and the victim's password it may have changed. */
  async function refresh(): Promise<void> {
    await server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
    await server.operations.setPassword(victim.id, victim.password);
    tokens.set('admin', await adminToken(server));
    const adminSession = tokens.get('admin') ?? '';
    expectStatus(await api.patch(`/admin/users/${victim.id}`, { token: adminSession, body: { disabled: false, totpRequired: false } }), 200);
    tokens.set('full', (await passwordSession(server, victim.username, victim.password)).token);
    tokens.set('enrollment', (await passwordSession(server, required.username, required.password)).token);
    const dead = (await passwordSession(server, admin.username, admin.password)).token;
    expectStatus(await api.post('/auth/logout', { token: dead }), 204);
    tokens.set('dead', dead);
    tokens.set('garbage', `sgs_${'A'.repeat(43)}`);
  }

  function send(req: FuzzRequest): Promise<Answer> {
    const url = new URL(server.url);
    const token = req.token === 'none' ? undefined : tokens.get(req.token);
    const headers: Record<string, string> = { ...req.headers };
    if (token !== undefined && headers['authorization'] === undefined) {
      if (req.cookie) headers['cookie'] = `stepgate_session=${token}`;
      else headers['authorization'] = `Bearer ${token}`;
    }
    if (req.body !== undefined) headers['content-length'] = String(req.body.length);
    return new Promise((resolve, reject) => {
      const outgoing = request({ method: req.method, hostname: url.hostname, port: url.port, path: req.path, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, text });
        });
      });
      outgoing.on('error', (error) => reject(new Error(`${req.method} ${req.path.slice(0, 200)}: ${error.message}`)));
      outgoing.end(req.body);
    });
  }

  function record(what: string, method: string, path: string, marker: string, answer: Answer): void {
    sent += 1;
    if (answer.status >= 500) fiveHundreds += 1;
    const found = problems(method, path, marker, answer);
    if (found.length > 0 && failures.length < 20) failures.push(`${what} ${method} ${path.slice(0, 120)} -> ${answer.status} ${found.join(', ')}: ${answer.text.slice(0, 200)}`);
  }

  it(`${REQUESTS} requests over every route: no 5xx, errors in their shape, nothing repeated (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const all = Array.from({ length: REQUESTS }, (_, i) => fuzzRequest(random, ids, i));
    for (let start = 0; start < all.length; start += BATCH) {
      await refresh();
      const batch = all.slice(start, start + BATCH);
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let i = next++; i < batch.length; i = next++) {
            const req = batch[i] as FuzzRequest;
            record(`#${start + i}`, req.method, req.path, req.marker, await send(req));
          }
        }),
      );
    }
    expect(failures).toEqual([]);
  });

  it(`${RAW_REQUESTS} raw malformed requests on a socket: no 5xx, errors in their shape, nothing repeated (seed ${SEED})`, async () => {
    const random = seededRandom(SEED + 1);
    const host = new URL(server.url).host;
    for (let i = 0; i < RAW_REQUESTS; i += 1) {
      const raw = rawCase(random, host, i);
      const answer = await rawRequest(server.url, raw.bytes, 2_000, raw.cutShort);
      // A pipelined second answer must be as sound as the first.
      if (/HTTP\/1\.[01] 5\d\d/.test(answer.text)) fiveHundreds += 1;
      if (raw.cutShort) {
        // Cut short, the request may not say where it was going: no answer is owed, and any answer is sound.
        if (answer.text.includes(raw.marker)) failures.push(`raw #${i} cut short: repeats the request`);
        sent += answer.status === 0 ? 0 : 1;
        continue;
      }
      if (answer.status === 0) failures.push(`raw #${i} ${raw.target}: the connection closed without an answer`);
      record(`raw #${i}`, 'RAW', raw.target, raw.marker, answer);
    }
    expect(failures).toEqual([]);
  });

  it('the server is still well, nothing was logged as a server error, and the count is reported', async () => {
    expectStatus(await api.get('/health'), 200);
    expect(server.logs.filter((line) => Number(line['level']) >= 50)).toEqual([]);
    expect(fiveHundreds).toBe(0);
    expect(sent).toBeGreaterThanOrEqual(REQUESTS + RAW_REQUESTS * 0.8);
    console.log(`fuzz (seed ${SEED}): ${sent} requests answered, ${fiveHundreds} with 5xx`);
  });
});
