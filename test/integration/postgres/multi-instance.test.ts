/**
 * Two server processes on one PostgreSQL database behave as one server: a burst of guesses split
 * across them buys no extra guess, a code raced on both is accepted once, an ended session is ended
 * on both at once, and a process killed outright under load loses nothing it had acknowledged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../server/config.js';
import { AuthenticatedResponse, TotpRequiredResponse } from '../../../shared/api/schemas.js';
import type { CliServer } from '../../support/cli-server.js';
import { apiClient, call, expectStatus, fails, ok, type CallResult } from '../../support/http-client.js';
import { startInstances, type Instances } from '../../support/instances.js';
import { seededRandom, sleep, testSeed } from '../../support/race.js';
import { codeAt } from '../../support/totp.js';

const api = (server: CliServer | undefined) => {
  if (server === undefined) throw new Error('no such instance');
  return apiClient(`${server.origin}/api/v1`);
};

describe('several server processes on one database', () => {
  let instances: Instances | undefined;
  const random = seededRandom(testSeed(12_001));
  /** Alternates between the two processes, as a load balancer would. */
  const running = (): Instances => {
    if (instances === undefined) throw new Error('the instances did not start');
    return instances;
  };
  const either = (i: number) => api(running().servers[i % 2]);

  beforeAll(async () => {
    // The default throttle; only the coarse request cap is out of the way.
    instances = await startInstances(2, { throttle: { authRequestsPerMinute: 100_000 } });
  });
  afterAll(async () => {
    await instances?.close();
  });

  const login = (i: number, username: string, password: string, localAddress = '127.0.0.1') =>
    either(i).post('/auth/login', { body: { username, password }, localAddress });
  const challenge = async (i: number, username: string, password: string) => ok(await login(i, username, password), 200, TotpRequiredResponse).challenge.id;

  it('20 wrong passwords at once from one address, split across both, are refused as one server refuses them: failures until the lock, then the lock', async () => {
    // The failure that reaches the limit locks (username, address) and is answered with the lock.
    const failuresBeforeLock = DEFAULT_CONFIG.throttle.password.lockAfterFailures - 1;
    for (let round = 0; round < 3; round += 1) {
      const user = await running().createUser();
      const from = `127.0.12.${10 + round}`;
      const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => login(i, user.username, `wrong-${i}`, from)));
      expect(burst.filter((r) => r.status === 401).length, `round ${round}`).toBeLessThanOrEqual(failuresBeforeLock);
      expect(burst.filter((r) => r.status !== 401).every((r) => r.status === 429)).toBe(true);
      // The right password from that address, on either, meets the lock.
      fails(await login(0, user.username, user.password, from), 429, 'too_many_attempts');
      fails(await login(1, user.username, user.password, from), 429, 'too_many_attempts');
    }
  });

  it('40 wrong codes at once on one challenge, split across both, get no further than one after another would', async () => {
    const failuresBeforeLock = DEFAULT_CONFIG.throttle.account.lockAfterFailures - 1;
    for (let round = 0; round < 3; round += 1) {
      const user = await running().createTotpUser();
      const id = await challenge(0, user.username, user.password);
      const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => either(i).post('/auth/totp', { body: { challengeId: id, code: '000000' } })));
      expect(burst.filter((r) => r.status === 401).length, `round ${round}`).toBeLessThanOrEqual(failuresBeforeLock);
      // Every one of them answered as a refusal: none lost to the contention on the account.
      expect(burst.filter((r) => r.status !== 401 && r.status !== 429).map((r) => r.status), `round ${round}`).toEqual([]);
      // Locked: the right code is refused on both.
      const right = codeAt(user.secret, Date.now());
      for (const i of [0, 1]) expect((await either(i).post('/auth/totp', { body: { challengeId: id, code: right } })).status, `round ${round}`).not.toBe(200);
    }
  });

  it('the same code raced on both, each with a challenge of its own, is accepted once (5 rounds)', async () => {
    for (let round = 0; round < 5; round += 1) {
      const user = await running().createTotpUser();
      const [a, b] = [await challenge(0, user.username, user.password), await challenge(1, user.username, user.password)];
      const code = codeAt(user.secret, Date.now());
      const answers = await Promise.all([either(0).post('/auth/totp', { body: { challengeId: a, code } }), either(1).post('/auth/totp', { body: { challengeId: b, code } })]);
      expect(answers.map((r) => r.status).sort(), `round ${round}`).toEqual([200, 401]);
      const refused = answers.find((r) => r.status === 401);
      if (refused !== undefined) fails(refused, 401, 'invalid_code');
    }
  });

  it('a session ended on one process is refused by the other at once: logout, disabling, revocation', async () => {
    const admin = await running().createUser({ isAdmin: true });
    const adminToken = ok(await login(1, admin.username, admin.password), 200, AuthenticatedResponse).session.token;
    const user = await running().createTotpUser();
    const signIn = async () => {
      const id = await challenge(0, user.username, user.password);
      // A code of its own each time: the next step's code (within the window), then the one after.
      return ok(await either(0).post('/auth/totp', { body: { challengeId: id, code: codeAt(user.secret, Date.now() + 30_000 * signIns++) } }), 200, AuthenticatedResponse)
        .session.token;
    };
    let signIns = 0;

    const first = await signIn();
    expectStatus(await either(1).get('/me', { token: first }), 200);
    expectStatus(await either(1).post('/auth/logout', { token: first }), 204);
    fails(await either(0).get('/me', { token: first }), 401, 'unauthorized');

    const second = await signIn();
    expectStatus(await either(0).get('/me', { token: second }), 200);
    expectStatus(await either(1).delete(`/admin/users/${user.id}/authenticators`, { token: adminToken }), 204);
    fails(await either(0).get('/me', { token: second }), 401, 'unauthorized');

    const other = await running().createUser();
    const token = ok(await login(0, other.username, other.password), 200, AuthenticatedResponse).session.token;
    expectStatus(await either(1).patch(`/admin/users/${other.id}`, { token: adminToken, body: { disabled: true } }), 200);
    fails(await either(0).get('/me', { token }), 401, 'unauthorized');
  });

  it('one process killed outright (SIGKILL) under a load on both loses no write either had acknowledged', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => running().createUser()));
    /** Sessions by token: true while alive as far as acknowledged writes say, false once logged out. */
    const sessions = new Map<string, boolean>();
    const unsure = new Set<string>();
    let acknowledged = 0;
    const stop = { now: false };
    const worker = async (w: number) => {
      for (let i = w; !stop.now; i += 1) {
        const server = running().servers[i % 2];
        if (server === undefined) continue;
        const client = api(server);
        const user = users[Math.floor(random() * users.length)];
        const alive = [...sessions].filter(([t, live]) => live && !unsure.has(t)).map(([t]) => t);
        try {
          if (user !== undefined && (alive.length === 0 || random() < 0.6)) {
            const res: CallResult = await client.post('/auth/login', { body: { username: user.username, password: user.password } });
            if (res.status === 200) {
              sessions.set(ok(res, 200, AuthenticatedResponse).session.token, true);
              acknowledged += 1;
            }
          } else {
            const token = alive[Math.floor(random() * alive.length)] ?? '';
            unsure.add(token);
            if ((await client.post('/auth/logout', { token })).status === 204) {
              sessions.set(token, false);
              unsure.delete(token);
              acknowledged += 1;
            }
          }
        } catch {
          // The killed process's requests fail: nothing was acknowledged by them.
          await sleep(1);
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    await sleep(1_500);
    await running().servers[0]?.stop('SIGKILL');
    await sleep(500);
    stop.now = true;
    await load;
    expect(acknowledged).toBeGreaterThan(50);

    const restarted = await running().restart(0);
    let lost = 0;
    for (const [token, live] of sessions) {
      if (unsure.has(token)) continue;
      for (const server of [restarted, running().servers[1]]) {
        const status = (await call('GET', `${server?.origin ?? ''}/api/v1/me`, { token })).status;
        if ((status === 200) !== live) lost += 1;
      }
    }
    expect(lost, `of ${acknowledged} acknowledged writes`).toBe(0);
  });
});
