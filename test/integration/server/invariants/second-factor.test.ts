/**
 * Invariants "the second factor guards the account" and "one proof, one session" (docs/security.md),
 * each raced over many rounds: enrollment sessions end when the first authenticator is confirmed, an
 * enrollment session is exchanged once, a challenge yields one session, and removing an authenticator
 * ends every other session of the account, the other remover's included.
 */
import { describe, expect, it } from 'vitest';
import { ConfirmAuthenticatorResponse, EnrollmentRequiredResponse, TotpRequiredResponse } from '../../../../shared/api/schemas.js';
import { describeCall, expectStatus, fails, ok } from '../../../support/http-client.js';
import { tokensIn } from '../../../support/account-probe.js';
import { race } from '../../../support/race.js';
import { raceSuite } from '../../../support/race-suite.js';
import {
  challengeFor,
  codeNow,
  createTotpUser,
  createUser,
  enroll,
  login,
  PERIOD_MS,
  signIn,
  submitCode,
  submitRecoveryCode,
} from '../../../support/totp.js';

const ROUNDS = 10;
const MAX_DELAY_MS = 25;

describe('invariants: the second factor guards the account; one proof, one session', () => {
  const suite = raceSuite(8_201);

  it(`confirmation raced with a sign-in: the password alone never gives a full session, and no enrollment session outlives the confirmation (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createUser(suite.server, { totpRequired: true });
      const session = await suite.enrollmentSession(user);
      const pending = await suite.addPending(session.token, 'Phone');
      const [confirmed, signedIn] = await race(() => suite.confirm(session.token, pending), () => login(suite.server, user.username, user.password), delay);
      const where = `round ${round}, delay ${delay} ms: ${describeCall(signedIn)}`;
      const body = ok(confirmed, 200, ConfirmAuthenticatorResponse);
      expect(body.session, where).toBeDefined();
      const status = (signedIn.body as { status?: string }).status;
      if (status === 'enrollment_required') {
        const stale = ok(signedIn, 200, EnrollmentRequiredResponse).enrollmentSession.token;
        expect(await suite.probe.works(stale), `${where}: the enrollment session outlived the confirmation`).toBe(false);
      } else {
        ok(signedIn, 200, TotpRequiredResponse);
      }
      expect(await suite.probe.authenticatorCount(user.id, user.username), where).toBe(1);
      suite.server.clock.advance(PERIOD_MS);
    }
  });

  it(`confirmations from two enrollment sessions of one account: exactly one wins, the other leaves nothing (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createUser(suite.server, { totpRequired: true });
      const [a, b] = [await suite.enrollmentSession(user), await suite.enrollmentSession(user)];
      const [pa, pb] = [await suite.addPending(a.token, 'Phone A'), await suite.addPending(b.token, 'Phone B')];
      const results = await race(() => suite.confirm(a.token, pa), () => suite.confirm(b.token, pb), delay);
      const where = `round ${round}, delay ${delay} ms: ${results.map(describeCall).join(' | ')}`;
      const winners = results.filter((r) => r.status === 200);
      expect(winners, where).toHaveLength(1);
      for (const loser of results.filter((r) => r.status !== 200)) fails(loser, 401, 'unauthorized');
      expect(await suite.probe.works(a.token), where).toBe(false);
      expect(await suite.probe.works(b.token), where).toBe(false);
      for (const token of winners.flatMap(tokensIn)) expect(await suite.probe.works(token), where).toBe(true);
      expect(await suite.probe.authenticatorCount(user.id, user.username), where).toBe(1);
      suite.server.clock.advance(PERIOD_MS);
    }
  });

  it(`confirmation raced with the logout of its enrollment session: one of them, never both (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createUser(suite.server, { totpRequired: true });
      const session = await suite.enrollmentSession(user);
      const pending = await suite.addPending(session.token, 'Phone');
      const [confirmed, loggedOut] = await race(() => suite.confirm(session.token, pending), () => suite.api.post('/auth/logout', { token: session.token }), delay);
      const where = `round ${round}, delay ${delay} ms: ${describeCall(confirmed)} | ${describeCall(loggedOut)}`;
      if (confirmed.status === 200) {
        fails(loggedOut, 401, 'unauthorized');
        expect(await suite.probe.authenticatorCount(user.id, user.username), where).toBe(1);
      } else {
        fails(confirmed, 401, 'unauthorized');
        expectStatus(loggedOut, 204);
        expect(await suite.probe.authenticatorCount(user.id, user.username), where).toBe(0);
      }
      expect(await suite.probe.works(session.token), where).toBe(false);
      suite.server.clock.advance(PERIOD_MS);
    }
  });

  it(`adding raced with the confirmation that exchanges the same enrollment session: the session does nothing afterwards (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createUser(suite.server, { totpRequired: true });
      const session = await suite.enrollmentSession(user);
      const pending = await suite.addPending(session.token, 'Phone');
      const [confirmed, added] = await race(() => suite.confirm(session.token, pending), () => suite.api.post('/me/authenticators', { token: session.token, body: { name: 'Second' } }), delay);
      const where = `round ${round}, delay ${delay} ms: ${describeCall(added)}`;
      ok(confirmed, 200, ConfirmAuthenticatorResponse);
      expect([201, 401], where).toContain(added.status);
      fails(await suite.api.post('/me/authenticators', { token: session.token, body: { name: 'Third' } }), 401, 'unauthorized');
      expect(await suite.probe.authenticatorCount(user.id, user.username), where).toBe(1);
      suite.server.clock.advance(PERIOD_MS);
    }
  });

  it(`a code and a recovery code on one challenge at once: one session (${ROUNDS} rounds)`, async () => {
    const user = await createTotpUser(suite.server);
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      suite.server.clock.advance(PERIOD_MS);
      const challenge = await challengeFor(suite.server, user.username, user.password);
      const code = user.recoveryCodes[round] ?? '';
      const results = await race(() => submitCode(suite.server, challenge.id, codeNow(suite.server, user.secret)), () => submitRecoveryCode(suite.server, challenge.id, code), delay);
      const where = `round ${round}, delay ${delay} ms: ${results.map(describeCall).join(' | ')}`;
      expect(results.filter((r) => r.status === 200), where).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 200)) expect(['invalid_code', 'challenge_expired'], where).toContain((r.body as { error: { code: string } }).error.code);
    }
  });

  it(`removing an authenticator raced with a sign-in by code: only the remover stays signed in (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createTotpUser(suite.server, { authenticatorName: 'Phone' });
      const tablet = await enroll(suite.server, user.token, 'Tablet');
      const challenge = await challengeFor(suite.server, user.username, user.password);
      const [signedIn, removed] = await race(
        () => submitCode(suite.server, challenge.id, codeNow(suite.server, user.secret)),
        () => suite.api.delete(`/me/authenticators/${tablet.id}`, { token: user.token }),
        delay,
      );
      const where = `round ${round}, delay ${delay} ms: ${describeCall(signedIn)}`;
      expectStatus(removed, 204);
      if (signedIn.status !== 200) fails(signedIn, 401, 'challenge_expired');
      for (const token of tokensIn(signedIn)) expect(await suite.probe.works(token), `${where}: a session outlived the removal`).toBe(false);
      expect(await suite.probe.works(user.token), where).toBe(true);
      expect(await suite.probe.authenticatorCount(user.id, user.username), where).toBe(1);
      suite.server.clock.advance(PERIOD_MS);
    }
  });

  it(`two sessions each removing an authenticator at once: the first removal ends the other session, which removes nothing (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createTotpUser(suite.server, { authenticatorName: 'Phone' });
      const [tablet, laptop] = [await enroll(suite.server, user.token, 'Tablet'), await enroll(suite.server, user.token, 'Laptop')];
      const other = await signIn(suite.server, user);
      const results = await race(
        () => suite.api.delete(`/me/authenticators/${tablet.id}`, { token: user.token }),
        () => suite.api.delete(`/me/authenticators/${laptop.id}`, { token: other.token }),
        delay,
      );
      const where = `round ${round}, delay ${delay} ms: ${results.map(describeCall).join(' | ')}`;
      expect(results.map((r) => r.status).sort(), where).toEqual([204, 401]);
      const [kept, ended] = results[0].status === 204 ? [user.token, other.token] : [other.token, user.token];
      expect(await suite.probe.works(kept), where).toBe(true);
      expect(await suite.probe.works(ended), where).toBe(false);
      expect(await suite.probe.authenticatorCount(user.id, user.username), where).toBe(2);
      suite.server.clock.advance(PERIOD_MS);
    }
  });
});
