/**
 * Invariants "logout is final" and "limits hold under load" (docs/security.md): a logged-out token does
 * nothing more, whatever it raced with; names stay unique and the number of authenticators stays within
 * its limit when adds race; one authenticator is removed once.
 */
import { describe, expect, it } from 'vitest';
import { MeResponse, PendingAuthenticator, RecoveryCodesResponse, RecoveryResponse } from '../../../../shared/api/schemas.js';
import { MAX_AUTHENTICATORS } from '../../../../server/enrollment/enrollment.js';
import { describeCall, expectStatus, fails, ok, type CallResult } from '../../../support/http-client.js';
import { race } from '../../../support/race.js';
import { raceSuite } from '../../../support/race-suite.js';
import { challengeFor, createTotpUser, createUser, passwordSession, signIn, submitRecoveryCode } from '../../../support/totp.js';

const ROUNDS = 10;
const MAX_DELAY_MS = 25;

describe('invariants: logout is final; limits hold under load', () => {
  const suite = raceSuite(8_401);

  const logout = (token: string) => suite.api.post('/auth/logout', { token });

  it(`one token logged out twice at once: one 204, then it is dead (${ROUNDS} rounds)`, async () => {
    const user = await createUser(suite.server);
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const { token } = await passwordSession(suite.server, user.username, user.password);
      const results = await race(() => logout(token), () => logout(token), delay);
      expect(results.map((r) => r.status).sort(), `round ${round}: ${results.map(describeCall).join(' | ')}`).toEqual([204, 401]);
      expect(await suite.probe.works(token)).toBe(false);
    }
  });

  it(`logout raced with a regeneration on the same session: the codes shown are the ones that work, and the token is dead (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createTotpUser(suite.server);
      const session = await signIn(suite.server, user);
      const [loggedOut, regenerated] = await race(() => logout(session.token), () => suite.api.post('/me/recovery-codes', { token: session.token }), delay);
      const where = `round ${round}, delay ${delay} ms: ${describeCall(regenerated)}`;
      expectStatus(loggedOut, 204);
      const working = regenerated.status === 200 ? ok(regenerated, 200, RecoveryCodesResponse).recoveryCodes : (fails(regenerated, 401, 'unauthorized'), user.recoveryCodes);
      expect(await suite.probe.works(session.token), where).toBe(false);
      const res = await submitRecoveryCode(suite.server, (await challengeFor(suite.server, user.username, user.password)).id, working[0] ?? '');
      ok(res, 200, RecoveryResponse);
    }
  });

  it(`logout raced with adding an authenticator on the same session: the token is dead either way (${ROUNDS} rounds)`, async () => {
    const user = await createUser(suite.server);
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const { token } = await passwordSession(suite.server, user.username, user.password);
      const [loggedOut, added] = await race(() => logout(token), () => suite.api.post('/me/authenticators', { token, body: { name: `Phone ${round}` } }), delay);
      expectStatus(loggedOut, 204);
      expect([201, 401], describeCall(added)).toContain(added.status);
      expect(await suite.probe.works(token)).toBe(false);
    }
  });

  it(`adds with one name at once: exactly one is created (${ROUNDS} rounds)`, async () => {
    for (const [round] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createUser(suite.server);
      const { token } = await passwordSession(suite.server, user.username, user.password);
      const results = await Promise.all(['Phone', 'phone', ' PHONE '].map((name) => suite.api.post('/me/authenticators', { token, body: { name } })));
      const where = `round ${round}: ${results.map(describeCall).join(' | ')}`;
      expect(results.filter((r) => r.status === 201), where).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 201)) expect(Object.keys(fails(r, 400, 'invalid_request').fields ?? {})).toEqual(['name']);
    }
  });

  // Fewer rounds: each first fills the account with pending authenticators, a QR code apiece.
  const LIMIT_ROUNDS = 4;
  it(`adds at once near the limit: never more than ${MAX_AUTHENTICATORS} live authenticators (${LIMIT_ROUNDS} rounds)`, async () => {
    for (let round = 0; round < LIMIT_ROUNDS; round += 1) {
      const user = await createUser(suite.server);
      const { token } = await passwordSession(suite.server, user.username, user.password);
      for (let i = 0; i < MAX_AUTHENTICATORS - 2; i += 1) ok(await suite.api.post('/me/authenticators', { token, body: { name: `Early ${i}` } }), 201, PendingAuthenticator);
      const results: readonly CallResult[] = await Promise.all([0, 1, 2, 3].map((i) => suite.api.post('/me/authenticators', { token, body: { name: `Late ${i}` } })));
      const where = `round ${round}: ${results.map(describeCall).join(' | ')}`;
      expect(results.filter((r) => r.status === 201), where).toHaveLength(2);
      for (const r of results.filter((x) => x.status !== 201)) fails(r, 400, 'invalid_request');
    }
  });

  it(`one authenticator removed twice at once: once 204, once 404 (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createTotpUser(suite.server);
      const remove = () => suite.api.delete(`/me/authenticators/${user.authenticatorId}`, { token: user.token });
      const results = await race(remove, remove, delay);
      expect(results.map((r) => r.status).sort(), `round ${round}: ${results.map(describeCall).join(' | ')}`).toEqual([204, 404]);
      expect(ok(await suite.api.get('/me', { token: user.token }), 200, MeResponse).totp.recoveryCodesRemaining).toBe(0);
    }
  });
});
