/**
 * Throttling with the default settings, keyed by the lower-cased username (also for unknown usernames):
 * wrong passwords lock the (username, client address) they come from at the 5th consecutive one, for 60 s
 * doubling up to an hour, and across addresses only slow the username down (10 free an hour, then waits of
 * 1 s doubling up to 60 s); wrong codes lock the account at the 3rd of a run, 60 s doubling up to an hour,
 * and only a day without them ends the run; per client address, 30 failures in 15 minutes across accounts.
 * The lock runs on the server clock. Each test acts from client addresses of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticatedResponse, TotpRequiredResponse } from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { fails, ok, type CallResult } from '../../support/http-client.js';
import {
  challengeFor,
  codeAt,
  createTotpUser,
  createUser,
  login,
  PERIOD_MS,
  submitCode,
  submitRecoveryCode,
  uniqueUsername,
} from '../../support/totp.js';

/** Asserts 429 too_many_attempts, `retryAfter` and the matching Retry-After header; returns retryAfter. */
function locked(res: CallResult, seconds?: number): number {
  const error = fails(res, 429, 'too_many_attempts');
  if (error.retryAfter === undefined) throw new Error(`429 without retryAfter: ${res.text}`);
  expect(res.headers['retry-after']).toBe(String(error.retryAfter));
  if (seconds !== undefined) expect(error.retryAfter).toBe(seconds);
  return error.retryAfter;
}

const wrong = 'definitely-not-the-password';

describe('throttling (default settings)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.setEnvironment({ totpEnabled: true });
  });
  afterAll(async () => {
    await server.close();
  });

  describe('wrong passwords, per (username, client address)', () => {
    it('allows four wrong passwords from an address; the fifth is already 429 with retryAfter 60', async () => {
      const user = await createUser(server);
      const from = { localAddress: '127.0.1.1' };
      for (let i = 0; i < 4; i += 1) fails(await login(server, user.username, wrong, from), 401, 'invalid_credentials');
      locked(await login(server, user.username, wrong, from), 60);
    });

    it('refuses even the correct password from that address while locked, counting down on the server clock, then lets it in', async () => {
      const user = await createUser(server);
      const from = { localAddress: '127.0.1.2' };
      for (let i = 0; i < 5; i += 1) await login(server, user.username, wrong, from);
      locked(await login(server, user.username, user.password, from), 60);
      server.clock.advance(20_500);
      locked(await login(server, user.username, user.password, from), 40);
      server.clock.advance(39_000);
      locked(await login(server, user.username, user.password, from), 1);
      server.clock.advance(1_000);
      ok(await login(server, user.username, user.password, from), 200, AuthenticatedResponse);
    });

    it('doubles the lock with each further failure after a lock, up to an hour', async () => {
      const user = await createUser(server);
      const from = { localAddress: '127.0.1.3' };
      for (let i = 0; i < 4; i += 1) await login(server, user.username, wrong, from);
      let seconds = locked(await login(server, user.username, wrong, from), 60);
      const seen: number[] = [seconds];
      for (const expected of [120, 240, 480, 960, 1920, 3600, 3600]) {
        server.clock.advance(seconds * 1000 + 1_000);
        seconds = locked(await login(server, user.username, wrong, from));
        seen.push(seconds);
        expect(seconds, `lock after ${seen.length + 4} failures (${seen.join(', ')})`).toBe(expected);
      }
      server.clock.advance(seconds * 1000 + 1_000);
      ok(await login(server, user.username, user.password, from), 200, AuthenticatedResponse);
    });

    it('the right password resets the count', async () => {
      const user = await createUser(server);
      const from = { localAddress: '127.0.1.4' };
      for (let i = 0; i < 4; i += 1) fails(await login(server, user.username, wrong, from), 401, 'invalid_credentials');
      ok(await login(server, user.username, user.password, from), 200, AuthenticatedResponse);
      for (let i = 0; i < 4; i += 1) fails(await login(server, user.username, wrong, from), 401, 'invalid_credentials');
      locked(await login(server, user.username, wrong, from), 60);
    });

    it('after a lock has run out, the right password starts the count again from zero', async () => {
      const user = await createUser(server);
      const from = { localAddress: '127.0.1.5' };
      for (let i = 0; i < 5; i += 1) await login(server, user.username, wrong, from);
      server.clock.advance(61_000);
      ok(await login(server, user.username, user.password, from), 200, AuthenticatedResponse);
      for (let i = 0; i < 4; i += 1) fails(await login(server, user.username, wrong, from), 401, 'invalid_credentials');
      locked(await login(server, user.username, wrong, from), 60);
    });

    it('locks only the address the failures came from: the right password from any other address signs in at once', async () => {
      const user = await createUser(server);
      for (let i = 0; i < 8; i += 1) await login(server, user.username, wrong, { localAddress: '127.0.0.2' });
      locked(await login(server, user.username, user.password, { localAddress: '127.0.0.2' }));
      ok(await login(server, user.username, user.password, { localAddress: '127.0.0.5' }), 200, AuthenticatedResponse);
      ok(await login(server, user.username, user.password), 200, AuthenticatedResponse);
    });

    it('keys the lock by the lower-cased username', async () => {
      const user = await createUser(server);
      const from = { localAddress: '127.0.1.6' };
      const mixed = user.username.charAt(0).toUpperCase() + user.username.slice(1);
      for (const name of [user.username.toUpperCase(), mixed, user.username.toUpperCase(), mixed]) {
        fails(await login(server, name, wrong, from), 401, 'invalid_credentials');
      }
      locked(await login(server, user.username, wrong, from), 60);
      locked(await login(server, user.username, user.password, from), 60);
    });

    it('locks an unknown username exactly like a known one (status, body, retryAfter)', async () => {
      const known = await createUser(server);
      const unknown = uniqueUsername('ghost');
      const knownAnswers: CallResult[] = [];
      const unknownAnswers: CallResult[] = [];
      for (let i = 0; i < 6; i += 1) {
        knownAnswers.push(await login(server, known.username, wrong, { localAddress: '127.0.1.7' }));
        unknownAnswers.push(await login(server, unknown, wrong, { localAddress: '127.0.1.8' }));
      }
      expect(unknownAnswers.map((r) => r.status)).toEqual([401, 401, 401, 401, 429, 429]);
      expect(unknownAnswers.map((r) => r.body)).toEqual(knownAnswers.map((r) => r.body));
      expect(unknownAnswers.map((r) => r.headers['retry-after'])).toEqual(knownAnswers.map((r) => r.headers['retry-after']));
      locked(unknownAnswers[4] as CallResult, 60);
    });

    it('locks an unknown username whatever its case', async () => {
      const unknown = uniqueUsername('nobody');
      const from = { localAddress: '127.0.1.9' };
      const capital = `${unknown.charAt(0).toUpperCase()}${unknown.slice(1)}`;
      for (const name of [unknown.toUpperCase(), unknown, capital, unknown]) fails(await login(server, name, wrong, from), 401, 'invalid_credentials');
      locked(await login(server, capital, wrong, from), 60);
    });
  });

  describe('wrong passwords across client addresses: slowed down, never locked', () => {
    it('ten failures from ten addresses cost nothing; each further one makes the username wait 1, 2, 4 ... up to 60 seconds', async () => {
      const user = await createUser(server);
      for (let i = 0; i < 10; i += 1) fails(await login(server, user.username, wrong, { localAddress: `127.0.7.${i + 1}` }), 401, 'invalid_credentials');
      const waits: number[] = [];
      for (let i = 0; i < 9; i += 1) {
        const wait = locked(await login(server, user.username, wrong, { localAddress: `127.0.7.${i + 20}` }));
        waits.push(wait);
        // While the username waits, even its right password from a fresh address is not checked.
        locked(await login(server, user.username, user.password, { localAddress: '127.0.7.99' }), wait);
        server.clock.advance(wait * 1000);
      }
      expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
      ok(await login(server, user.username, user.password, { localAddress: '127.0.7.99' }), 200, AuthenticatedResponse);
    });

    it('the count starts again after an hour', async () => {
      const user = await createUser(server);
      for (let i = 0; i < 11; i += 1) await login(server, user.username, wrong, { localAddress: `127.0.8.${i + 1}` });
      server.clock.advance(3600_000);
      for (let i = 0; i < 10; i += 1) fails(await login(server, user.username, wrong, { localAddress: `127.0.8.${i + 20}` }), 401, 'invalid_credentials');
      locked(await login(server, user.username, wrong, { localAddress: '127.0.8.40' }), 1);
    });
  });

  describe('password and code failures counted apart', () => {
    it('wrong passwords do not count towards the code lock: after four of them, the third wrong code locks, not the first', async () => {
      const user = await createTotpUser(server);
      const from = { localAddress: '127.0.3.1' };
      for (let i = 0; i < 4; i += 1) fails(await login(server, user.username, wrong, from), 401, 'invalid_credentials');
      const challenge = await challengeFor(server, user.username, user.password, from);
      expect(fails(await submitCode(server, challenge.id, '000000', from), 401, 'invalid_code').attemptsRemaining).toBe(4);
      fails(await submitCode(server, challenge.id, '999999', from), 401, 'invalid_code');
      locked(await submitCode(server, challenge.id, '999990', from), 60);
    });

    it('three wrong codes lock the account, across challenges; then even the right code, and the right password from any address, get 429', async () => {
      const user = await createTotpUser(server);
      const from = { localAddress: '127.0.3.2' };
      const first = await challengeFor(server, user.username, user.password, from);
      fails(await submitCode(server, first.id, '000000', from), 401, 'invalid_code');
      const second = await challengeFor(server, user.username, user.password, from);
      fails(await submitCode(server, second.id, '000000', from), 401, 'invalid_code');
      locked(await submitCode(server, second.id, '111111', from), 60);
      locked(await submitCode(server, first.id, codeAt(user.secret, server.clock.now()), from), 60);
      locked(await login(server, user.username, user.password, { localAddress: '127.0.3.12' }), 60);
      server.clock.advance(61_000);
      const fresh = await challengeFor(server, user.username, user.password, from);
      ok(await submitCode(server, fresh.id, codeAt(user.secret, server.clock.now()), from), 200, AuthenticatedResponse);
    });

    it('the right password alone does not reset the code count: the second step is part of the sign-in', async () => {
      const user = await createTotpUser(server);
      const from = { localAddress: '127.0.3.3' };
      const first = await challengeFor(server, user.username, user.password, from);
      fails(await submitCode(server, first.id, '000000', from), 401, 'invalid_code');
      fails(await submitCode(server, first.id, '000001', from), 401, 'invalid_code');
      const challenge = ok(await login(server, user.username, user.password, from), 200, TotpRequiredResponse).challenge;
      locked(await submitCode(server, challenge.id, '000002', from), 60);
    });

    it('a full sign-in with a code does not reset the code count: the next wrong code still locks', async () => {
      const user = await createTotpUser(server);
      const from = { localAddress: '127.0.3.4' };
      const challenge = await challengeFor(server, user.username, user.password, from);
      fails(await submitCode(server, challenge.id, '000000', from), 401, 'invalid_code');
      fails(await submitCode(server, challenge.id, '000001', from), 401, 'invalid_code');
      ok(await submitCode(server, challenge.id, codeAt(user.secret, server.clock.now()), from), 200, AuthenticatedResponse);
      server.clock.advance(PERIOD_MS);
      const next = await challengeFor(server, user.username, user.password, from);
      locked(await submitCode(server, next.id, '000002', from), 60);
    });

    it('a day without wrong codes, counted from the hour of the last one, starts the count again', async () => {
      const user = await createTotpUser(server);
      const from = { localAddress: '127.0.3.5' };
      const first = await challengeFor(server, user.username, user.password, from);
      fails(await submitCode(server, first.id, '000000', from), 401, 'invalid_code');
      fails(await submitCode(server, first.id, '000001', from), 401, 'invalid_code');
      server.clock.advance(25 * 3600_000 - 1_000);
      const early = await challengeFor(server, user.username, user.password, from);
      locked(await submitCode(server, early.id, '000002', from), 60);
      server.clock.advance(25 * 3600_000);
      const next = await challengeFor(server, user.username, user.password, from);
      fails(await submitCode(server, next.id, '000003', from), 401, 'invalid_code');
      fails(await submitCode(server, next.id, '000004', from), 401, 'invalid_code');
      locked(await submitCode(server, next.id, '000005', from), 60);
    });
  });

  describe('concurrent attempts buy no extra guesses', () => {
    it('20 wrong passwords at once lock exactly as 20 one after another do (3 bursts)', async () => {
      // One by one: each request is started only after the previous answer.
      const a = await createUser(server);
      const one = { localAddress: '127.0.5.1' };
      for (let i = 0; i < 20; i += 1) await login(server, a.username, `${wrong}${i}`, one);
      const reference = locked(await login(server, a.username, a.password, one));
      // All at once, three times over (a race need not show every time).
      const seen: number[] = [];
      for (let round = 0; round < 3; round += 1) {
        const b = await createUser(server);
        const all = { localAddress: `127.0.5.${10 + round}` };
        const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => login(server, b.username, `${wrong}${i}`, all)));
        expect(burst.filter((r) => r.status === 401).length).toBeLessThanOrEqual(4);
        seen.push(locked(await login(server, b.username, b.password, all)));
      }
      expect(seen, `retryAfter after each burst vs ${reference} after the same attempts one by one`).toEqual([reference, reference, reference]);
    });

    it('20 wrong recovery codes at once on one challenge lock exactly as one after another do', async () => {
      const a = await createTotpUser(server);
      const b = await createTotpUser(server);
      const one = { localAddress: '127.0.5.3' };
      const ca = await challengeFor(server, a.username, a.password, one);
      for (let i = 0; i < 20; i += 1) await submitRecoveryCode(server, ca.id, 'AAAAA-AAAAA', one);
      const reference = locked(await login(server, a.username, a.password, one));
      const all = { localAddress: '127.0.5.4' };
      const cb = await challengeFor(server, b.username, b.password, all);
      await Promise.all(Array.from({ length: 20 }, () => submitRecoveryCode(server, cb.id, 'AAAAA-AAAAA', all)));
      const afterBurst = locked(await login(server, b.username, b.password, all));
      expect(afterBurst, 'retryAfter after a burst vs after the same attempts one by one').toBe(reference);
    });

    it('20 wrong codes at once on several challenges lock exactly as one after another do', async () => {
      const a = await createTotpUser(server);
      const b = await createTotpUser(server);
      const one = { localAddress: '127.0.5.5' };
      const challengesA = [await challengeFor(server, a.username, a.password, one), await challengeFor(server, a.username, a.password, one)];
      for (let i = 0; i < 10; i += 1) for (const c of challengesA) await submitCode(server, c.id, '000000', one);
      const reference = locked(await login(server, a.username, a.password, one));
      const all = { localAddress: '127.0.5.6' };
      const challengesB = [await challengeFor(server, b.username, b.password, all), await challengeFor(server, b.username, b.password, all)];
      await Promise.all(challengesB.flatMap((c) => Array.from({ length: 10 }, () => submitCode(server, c.id, '000000', all))));
      const afterBurst = locked(await login(server, b.username, b.password, all));
      expect(afterBurst, 'retryAfter after a burst vs after the same attempts one by one').toBe(reference);
    });
  });

  describe('per client address', () => {
    it('30 failures from one address across accounts in 15 minutes throttle that address, and only it', async () => {
      const user = await createUser(server);
      const from = { localAddress: '127.0.2.1' };
      const answers: CallResult[] = [];
      for (let i = 0; i < 30; i += 1) {
        answers.push(await login(server, uniqueUsername('spray'), wrong, from));
        server.clock.advance(1_000);
      }
      // Every username failed only once: none of them is locked on its own.
      expect(answers.slice(0, 29).map((r) => r.status)).toEqual(Array.from({ length: 29 }, () => 401));
      const retryAfter = locked(await login(server, uniqueUsername('spray'), wrong, from));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      // The address is throttled also for a correct password of an unlocked account...
      locked(await login(server, user.username, user.password, from));
      // ...while the same account signs in from another address.
      ok(await login(server, user.username, user.password, { localAddress: '127.0.2.2' }), 200, AuthenticatedResponse);
      server.clock.advance(15 * 60_000 + 1_000);
      ok(await login(server, user.username, user.password, from), 200, AuthenticatedResponse);
    });

    it('wrong codes count against the address too', async () => {
      const from = { localAddress: '127.0.2.3' };
      const users = [];
      for (let i = 0; i < 15; i += 1) users.push(await createTotpUser(server));
      let throttled: CallResult | undefined;
      for (const user of users) {
        const challenge = await challengeFor(server, user.username, user.password, from);
        for (let i = 0; i < 2 && throttled === undefined; i += 1) {
          const res = await submitCode(server, challenge.id, i === 0 ? '000000' : '999999', from);
          if (res.status === 429) throttled = res;
          else fails(res, 401, 'invalid_code');
        }
      }
      // 30 code failures (2 per account, no account lock) reach the address limit.
      if (throttled === undefined) throw new Error('30 wrong codes from one address were never throttled');
      locked(throttled);
      const other = users[0];
      if (other === undefined) throw new Error('no user');
      locked(await login(server, other.username, other.password, from));
    });
  });
});

describe('hourly ceiling on wrong codes per account (configurable)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: { account: { lockAfterFailures: 1000, maxFailuresPerHour: 5 } } } });
    await server.setEnvironment({ totpEnabled: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('locks after maxFailuresPerHour wrong codes within an hour, until the hour is over', async () => {
    const user = await createTotpUser(server);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const challenge = await challengeFor(server, user.username, user.password);
      statuses.push((await submitCode(server, challenge.id, '000000')).status);
      server.clock.advance(60_000);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const retryAfter = locked(await login(server, user.username, user.password));
    expect(retryAfter).toBeLessThanOrEqual(3600);
    server.clock.advance(3600_000);
    await challengeFor(server, user.username, user.password);
  });
});

describe('coarse request cap on the sign-in routes (configurable)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: { authRequestsPerMinute: 5 } } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers requests over the cap with 429 too_many_attempts in the error shape of api.md, with Retry-After', async () => {
    const user = await createUser(server);
    const from = { localAddress: '127.0.6.1' };
    const answers: CallResult[] = [];
    for (let i = 0; i < 8; i += 1) answers.push(await login(server, user.username, user.password, from));
    expect(answers.slice(0, 5).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const over = answers[7];
    if (over === undefined) throw new Error('no answer');
    const retryAfter = locked(over);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another client address is not capped.
    ok(await login(server, user.username, user.password, { localAddress: '127.0.6.2' }), 200, AuthenticatedResponse);
  });
});
