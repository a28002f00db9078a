/**
 * Challenges: bound to one user, 5 minutes, 5 attempts, consumed by success. The account throttle is
 * relaxed here so that the challenge's own limits are what the tests see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticatedResponse, MeResponse, RecoveryResponse } from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, fails, ok } from '../../support/http-client.js';
import {
  challengeFor,
  codeAt,
  createTotpUser,
  PERIOD_MS,
  RELAXED_THROTTLE,
  submitCode,
  submitRecoveryCode,
  type TotpUser,
} from '../../support/totp.js';

describe('challenges', () => {
  let server: TestServer;
  let alice: TotpUser;
  let bob: TotpUser;
  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    await server.setEnvironment({ totpEnabled: true });
    alice = await createTotpUser(server, { username: 'alice' });
    bob = await createTotpUser(server, { username: 'bob' });
  });
  afterAll(async () => {
    await server.close();
  });

  const now = () => server.clock.now();

  describe('attempts', () => {
    it('counts wrong codes down 4, 3, 2, 1, 0; then even the right code gets challenge_expired', async () => {
      const challenge = await challengeFor(server, alice.username, alice.password);
      const remaining: (number | undefined)[] = [];
      for (let i = 0; i < 5; i += 1) {
        remaining.push(fails(await submitCode(server, challenge.id, '000000'), 401, 'invalid_code').attemptsRemaining);
      }
      expect(remaining).toEqual([4, 3, 2, 1, 0]);
      fails(await submitCode(server, challenge.id, codeAt(alice.secret, now())), 401, 'challenge_expired');
      // A new sign-in gives a fresh challenge with which the code works.
      const fresh = await challengeFor(server, alice.username, alice.password);
      expect(fresh.attemptsRemaining).toBe(5);
      ok(await submitCode(server, fresh.id, codeAt(alice.secret, now())), 200, AuthenticatedResponse);
      server.clock.advance(PERIOD_MS);
    });

    it('wrong recovery codes spend the same attempts as wrong codes', async () => {
      const challenge = await challengeFor(server, alice.username, alice.password);
      expect(fails(await submitCode(server, challenge.id, '000000'), 401, 'invalid_code').attemptsRemaining).toBe(4);
      expect(fails(await submitRecoveryCode(server, challenge.id, 'AAAAA-AAAAA'), 401, 'invalid_code').attemptsRemaining).toBe(3);
      expect(fails(await submitCode(server, challenge.id, '000001'), 401, 'invalid_code').attemptsRemaining).toBe(2);
      ok(await submitCode(server, challenge.id, codeAt(alice.secret, now())), 200, AuthenticatedResponse);
      server.clock.advance(PERIOD_MS);
    });
  });

  describe('expiry', () => {
    it('is still good 4 min 59 s after the password step', async () => {
      const challenge = await challengeFor(server, alice.username, alice.password);
      server.clock.advance(299_000);
      ok(await submitCode(server, challenge.id, codeAt(alice.secret, now())), 200, AuthenticatedResponse);
      server.clock.advance(PERIOD_MS);
    });

    it('answers challenge_expired just past expiresAt, even with the right code', async () => {
      const challenge = await challengeFor(server, alice.username, alice.password);
      server.clock.set(Date.parse(challenge.expiresAt) + 1);
      fails(await submitCode(server, challenge.id, codeAt(alice.secret, now())), 401, 'challenge_expired');
    });

    it('answers challenge_expired after 5 minutes for a recovery code too', async () => {
      const challenge = await challengeFor(server, alice.username, alice.password);
      server.clock.advance(5 * 60_000 + 1_000);
      const recoveryCode = alice.recoveryCodes[9];
      if (recoveryCode === undefined) throw new Error('no recovery code');
      fails(await submitRecoveryCode(server, challenge.id, recoveryCode), 401, 'challenge_expired');
    });
  });

  describe('consumed by success', () => {
    it('a challenge that succeeded answers challenge_expired to the next, valid, code', async () => {
      const challenge = await challengeFor(server, alice.username, alice.password);
      ok(await submitCode(server, challenge.id, codeAt(alice.secret, now())), 200, AuthenticatedResponse);
      server.clock.advance(PERIOD_MS);
      fails(await submitCode(server, challenge.id, codeAt(alice.secret, now())), 401, 'challenge_expired');
    });

    it('a challenge that succeeded with a recovery code cannot be used again', async () => {
      const challenge = await challengeFor(server, alice.username, alice.password);
      const [first, second] = alice.recoveryCodes;
      if (first === undefined || second === undefined) throw new Error('no recovery codes');
      ok(await submitRecoveryCode(server, challenge.id, first), 200, RecoveryResponse);
      fails(await submitRecoveryCode(server, challenge.id, second), 401, 'challenge_expired');
      fails(await submitCode(server, challenge.id, codeAt(alice.secret, now())), 401, 'challenge_expired');
    });
  });

  describe('bound to one user', () => {
    it("bob's valid code does not complete alice's challenge", async () => {
      const challenge = await challengeFor(server, alice.username, alice.password);
      const error = fails(await submitCode(server, challenge.id, codeAt(bob.secret, now())), 401, 'invalid_code');
      expect(error.attemptsRemaining).toBe(4);
      // Alice's own code still completes it, and the session is alice's.
      const done = ok(await submitCode(server, challenge.id, codeAt(alice.secret, now())), 200, AuthenticatedResponse);
      expect(done.session.user.username).toBe('alice');
      const me = ok(await apiClient(server.api).get('/me', { token: done.session.token }), 200, MeResponse);
      expect(me.user.username).toBe('alice');
      server.clock.advance(PERIOD_MS);
    });

    it("bob's code was not spent by the attempt on alice's challenge: bob signs in with it", async () => {
      const aliceChallenge = await challengeFor(server, alice.username, alice.password);
      const bobCode = codeAt(bob.secret, now());
      fails(await submitCode(server, aliceChallenge.id, bobCode), 401, 'invalid_code');
      const bobChallenge = await challengeFor(server, bob.username, bob.password);
      const done = ok(await submitCode(server, bobChallenge.id, bobCode), 200, AuthenticatedResponse);
      expect(done.session.user.username).toBe('bob');
      server.clock.advance(PERIOD_MS);
    });

    it("bob's recovery code does not complete alice's challenge, and stays usable for bob", async () => {
      const recoveryCode = bob.recoveryCodes[3];
      if (recoveryCode === undefined) throw new Error('no recovery code');
      const aliceChallenge = await challengeFor(server, alice.username, alice.password);
      fails(await submitRecoveryCode(server, aliceChallenge.id, recoveryCode), 401, 'invalid_code');
      const bobChallenge = await challengeFor(server, bob.username, bob.password);
      const done = ok(await submitRecoveryCode(server, bobChallenge.id, recoveryCode), 200, RecoveryResponse);
      expect(done.session.user.username).toBe('bob');
    });

    it('an unknown challenge id answers challenge_expired', async () => {
      fails(await submitCode(server, 'ch_doesNotExist0123456789abcdef', codeAt(alice.secret, now())), 401, 'challenge_expired');
      fails(await submitRecoveryCode(server, 'ch_doesNotExist0123456789abcdef', 'ABCDE-FGHJK'), 401, 'challenge_expired');
    });
  });
});
