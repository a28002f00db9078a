/**
 * No user enumeration: an unknown username, a wrong password, a disabled account and a user with TOTP
 * all look the same to someone without the password: same status, same body, comparable timing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticatedResponse } from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, expectStatus, fails, ok, type CallResult } from '../../support/http-client.js';
import { adminToken, createTotpUser, createUser, login, RELAXED_THROTTLE, uniqueUsername, type TestUser } from '../../support/totp.js';

/** Status, body and the headers a client could read meaning into. */
function visible(res: CallResult) {
  return {
    status: res.status,
    body: res.body,
    contentType: res.headers['content-type'],
    retryAfter: res.headers['retry-after'],
    setCookie: res.headers['set-cookie'],
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe('no user enumeration through sign-in', () => {
  let server: TestServer;
  let active: TestUser;
  let disabled: TestUser;
  let withTotp: TestUser;
  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    await server.setEnvironment({ totpEnabled: true });
    active = await createUser(server);
    withTotp = await createTotpUser(server);
    disabled = await createUser(server);
    const token = await adminToken(server);
    const api = apiClient(server.api);
    expectStatus(await api.patch(`/admin/users/${disabled.id}`, { token, body: { disabled: true } }), 200);
  });
  afterAll(async () => {
    await server.close();
  });

  it('unknown username and wrong password give identical answers', async () => {
    const unknown = await login(server, uniqueUsername('nobody'), 'some-password');
    const wrongPassword = await login(server, active.username, 'some-password');
    fails(unknown, 401, 'invalid_credentials');
    expect(visible(unknown)).toEqual(visible(wrongPassword));
  });

  it('a disabled user with the right password looks like a wrong password', async () => {
    const disabledRight = await login(server, disabled.username, disabled.password);
    const disabledWrong = await login(server, disabled.username, 'some-password');
    const wrongPassword = await login(server, active.username, 'some-password');
    fails(disabledRight, 401, 'invalid_credentials');
    expect(visible(disabledRight)).toEqual(visible(wrongPassword));
    expect(visible(disabledWrong)).toEqual(visible(wrongPassword));
  });

  it('a wrong password for a user with TOTP gives the same answer as for one without', async () => {
    const a = await login(server, withTotp.username, 'some-password');
    const b = await login(server, active.username, 'some-password');
    expect(visible(a)).toEqual(visible(b));
  });

  it('an unknown username in another case, or with odd characters, gives the same answer', async () => {
    const reference = visible(await login(server, active.username, 'some-password'));
    for (const name of [active.username.toUpperCase() + 'x', 'no.such@user', 'a'.repeat(200)]) {
      expect(visible(await login(server, name, 'some-password')), name).toEqual(reference);
    }
  });

  it('the correct password still works for the active user (the checks above did not lock it)', async () => {
    ok(await login(server, active.username, active.password), 200, AuthenticatedResponse);
  });

  it('takes comparable time for unknown users, disabled users and wrong passwords', async () => {
    const samples = { unknown: [] as number[], wrong: [] as number[], disabled: [] as number[] };
    const timed = async (username: string): Promise<number> => {
      const start = process.hrtime.bigint();
      const res = await login(server, username, 'timing-password');
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      fails(res, 401, 'invalid_credentials');
      return ms;
    };
    // Warm up, then interleave so machine load hits all three alike.
    await timed(active.username);
    await timed(uniqueUsername('warm'));
    for (let i = 0; i < 25; i += 1) {
      samples.unknown.push(await timed(uniqueUsername('timing')));
      samples.wrong.push(await timed(active.username));
      samples.disabled.push(await timed(disabled.username));
    }
    const wrong = median(samples.wrong);
    const summary = `medians ms: unknown ${median(samples.unknown).toFixed(2)}, wrong ${wrong.toFixed(2)}, disabled ${median(samples.disabled).toFixed(2)}`;
    // An unknown user must cost a password hash too: a skipped hash would make it several times faster.
    expect(median(samples.unknown) / wrong, summary).toBeGreaterThan(0.5);
    expect(median(samples.unknown) / wrong, summary).toBeLessThan(2);
    expect(median(samples.disabled) / wrong, summary).toBeGreaterThan(0.5);
    expect(median(samples.disabled) / wrong, summary).toBeLessThan(2);
  });
});
