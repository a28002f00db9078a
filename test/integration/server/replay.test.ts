/**
 * A code is accepted at most once: per authenticator the last accepted time step is kept, a code for
 * that step or an earlier one is refused, also when two requests race.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody, AuthenticatedResponse, ConfirmAuthenticatorResponse, PendingAuthenticator } from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, fails, ok, shape, type CallResult } from '../../support/http-client.js';
import {
  advanceToNextStep,
  challengeFor,
  codeAt,
  createTotpUser,
  createUser,
  enroll,
  PERIOD_MS,
  passwordSession,
  RELAXED_THROTTLE,
  submitCode,
} from '../../support/totp.js';

describe('replayed codes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    await server.setEnvironment({ totpEnabled: true });
  });
  afterAll(async () => {
    await server.close();
  });

  describe('sequential', () => {
    it('refuses the same code on a second sign-in within the same time step', async () => {
      const user = await createTotpUser(server);
      advanceToNextStep(server, 1_000);
      const code = codeAt(user.secret, server.clock.now());
      const first = await challengeFor(server, user.username, user.password);
      ok(await submitCode(server, first.id, code), 200, AuthenticatedResponse);
      server.clock.advance(10_000); // still the same step
      const second = await challengeFor(server, user.username, user.password);
      const error = fails(await submitCode(server, second.id, code), 401, 'invalid_code');
      expect(error.attemptsRemaining).toBe(4);
    });

    it('refuses the accepted code also from the next step, where the window would still allow it', async () => {
      const user = await createTotpUser(server);
      const code = codeAt(user.secret, server.clock.now());
      const first = await challengeFor(server, user.username, user.password);
      ok(await submitCode(server, first.id, code), 200, AuthenticatedResponse);
      server.clock.advance(PERIOD_MS);
      const second = await challengeFor(server, user.username, user.password);
      fails(await submitCode(server, second.id, code), 401, 'invalid_code');
      // ...while the code of the new step works.
      ok(await submitCode(server, second.id, codeAt(user.secret, server.clock.now())), 200, AuthenticatedResponse);
    });

    it('refuses an earlier step than the last accepted one, even inside the window', async () => {
      const user = await createTotpUser(server);
      const now = server.clock.now();
      const first = await challengeFor(server, user.username, user.password);
      // Accept the code of the next step (window 1 allows it)...
      ok(await submitCode(server, first.id, codeAt(user.secret, now + PERIOD_MS)), 200, AuthenticatedResponse);
      // ...then the code of the current step, which is older, is refused.
      const second = await challengeFor(server, user.username, user.password);
      fails(await submitCode(server, second.id, codeAt(user.secret, now)), 401, 'invalid_code');
      fails(await submitCode(server, second.id, codeAt(user.secret, now - PERIOD_MS)), 401, 'invalid_code');
      fails(await submitCode(server, second.id, codeAt(user.secret, now + PERIOD_MS)), 401, 'invalid_code');
      // Once the clock has moved on, a later step than the last accepted one is fine again.
      server.clock.advance(2 * PERIOD_MS);
      ok(await submitCode(server, second.id, codeAt(user.secret, server.clock.now())), 200, AuthenticatedResponse);
    });

    it('refuses the code that confirmed the enrollment when it is used to sign in', async () => {
      const user = await createUser(server);
      const session = await passwordSession(server, user.username, user.password);
      const api = apiClient(server.api);
      const pending = ok(await api.post('/me/authenticators', { token: session.token, body: { name: 'Phone' } }), 201, PendingAuthenticator);
      const code = codeAt(pending.secret, server.clock.now());
      ok(await api.post(`/me/authenticators/${pending.id}/confirm`, { token: session.token, body: { code } }), 200, ConfirmAuthenticatorResponse);
      const challenge = await challengeFor(server, user.username, user.password);
      fails(await submitCode(server, challenge.id, code), 401, 'invalid_code');
    });

    it('keeps the last step per authenticator: another authenticator of the user may use the same step', async () => {
      const user = await createTotpUser(server, { authenticatorName: 'Phone' });
      const tablet = await enroll(server, user.token, 'Tablet');
      const now = server.clock.now();
      const a = await challengeFor(server, user.username, user.password);
      ok(await submitCode(server, a.id, codeAt(user.secret, now)), 200, AuthenticatedResponse);
      const b = await challengeFor(server, user.username, user.password);
      ok(await submitCode(server, b.id, codeAt(tablet.secret, now)), 200, AuthenticatedResponse);
      const c = await challengeFor(server, user.username, user.password);
      fails(await submitCode(server, c.id, codeAt(tablet.secret, now)), 401, 'invalid_code');
      fails(await submitCode(server, c.id, codeAt(user.secret, now)), 401, 'invalid_code');
    });
  });

  describe('racing', () => {
    const statuses = (results: readonly CallResult[]) => results.map((r) => r.status).sort((x, y) => x - y);

    it('two sign-ins racing with one code on two challenges: exactly one succeeds (10 rounds)', async () => {
      const user = await createTotpUser(server);
      for (let round = 0; round < 10; round += 1) {
        server.clock.advance(PERIOD_MS);
        const [a, b] = await Promise.all([
          challengeFor(server, user.username, user.password),
          challengeFor(server, user.username, user.password),
        ]);
        const code = codeAt(user.secret, server.clock.now());
        const results = await Promise.all([submitCode(server, a.id, code), submitCode(server, b.id, code)]);
        expect(statuses(results), `round ${round}`).toEqual([200, 401]);
        for (const r of results) {
          if (r.status === 200) ok(r, 200, AuthenticatedResponse);
          else fails(r, 401, 'invalid_code');
        }
      }
    });

    it('five challenges racing with one code: exactly one succeeds', async () => {
      const user = await createTotpUser(server);
      for (let round = 0; round < 3; round += 1) {
        server.clock.advance(PERIOD_MS);
        const challenges = await Promise.all(Array.from({ length: 5 }, () => challengeFor(server, user.username, user.password)));
        const code = codeAt(user.secret, server.clock.now());
        const results = await Promise.all(challenges.map((c) => submitCode(server, c.id, code)));
        expect(statuses(results), `round ${round}`).toEqual([200, 401, 401, 401, 401]);
      }
    });

    it('one challenge submitted twice at once with its code: exactly one session', async () => {
      const user = await createTotpUser(server);
      for (let round = 0; round < 5; round += 1) {
        server.clock.advance(PERIOD_MS);
        const challenge = await challengeFor(server, user.username, user.password);
        const code = codeAt(user.secret, server.clock.now());
        const results = await Promise.all([submitCode(server, challenge.id, code), submitCode(server, challenge.id, code)]);
        expect(statuses(results), `round ${round}`).toEqual([200, 401]);
        const loser = results.find((r) => r.status === 401);
        if (loser === undefined) throw new Error('no refused answer');
        // The loser finds the code used, or the challenge already consumed; either way no second session.
        expect(['invalid_code', 'challenge_expired']).toContain(shape(ApiErrorBody, loser.body, 'loser').error.code);
      }
    });
  });
});
