/**
 * Invariants "the second factor guards the account" and "one proof, one session" (docs/security.md),
 * each raced over many rounds: enrollment sessions end when the first authenticator is confirmed, an
 * enrollment session is exchanged once, a challenge yields one session, and removing an authenticator
 * ends every other session of the account, the other remover's included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfirmAuthenticatorResponse, EnrollmentRequiredResponse, PendingAuthenticator, TotpRequiredResponse, type Session } from '../../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../../support/test-server.js';
import { describeCall, expectStatus, fails, ok } from '../../../support/http-client.js';
import { accountProbe, tokensIn, type AccountProbe } from '../../../support/account-probe.js';
import { delays, race, seededRandom, testSeed } from '../../../support/race.js';
import {
  adminToken,
  challengeFor,
  codeNow,
  createTotpUser,
  createUser,
  enroll,
  login,
  PERIOD_MS,
  RELAXED_THROTTLE,
  signIn,
  submitCode,
  submitRecoveryCode,
  type TestUser,
} from '../../../support/totp.js';

const ROUNDS = 10;
const MAX_DELAY_MS = 25;

describe('invariants: the second factor guards the account; one proof, one session', () => {
  let server: TestServer;
  let probe: AccountProbe;
  const random = seededRandom(testSeed(8_201));

  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
    probe = accountProbe(server, await adminToken(server));
  });
  afterAll(async () => {
    await server.close();
  });

  const api = () => probe.api;
  const enrollmentSession = async (user: TestUser): Promise<Session> =>
    ok(await login(server, user.username, user.password), 200, EnrollmentRequiredResponse).enrollmentSession;
  const addPending = async (token: string, name: string) => ok(await api().post('/me/authenticators', { token, body: { name } }), 201, PendingAuthenticator);
  const confirm = (token: string, pending: PendingAuthenticator) =>
    api().post(`/me/authenticators/${pending.id}/confirm`, { token, body: { code: codeNow(server, pending.secret) } });
  const rounds = () => delays(random, ROUNDS, MAX_DELAY_MS).entries();

  it(`confirmation raced with a sign-in: the password alone never gives a full session, and no enrollment session outlives the confirmation (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of rounds()) {
      const user = await createUser(server, { totpRequired: true });
      const session = await enrollmentSession(user);
      const pending = await addPending(session.token, 'Phone');
      const [confirmed, signedIn] = await race(() => confirm(session.token, pending), () => login(server, user.username, user.password), delay);
      const where = `round ${round}, delay ${delay} ms: ${describeCall(signedIn)}`;
      const body = ok(confirmed, 200, ConfirmAuthenticatorResponse);
      expect(body.session, where).toBeDefined();
      const status = (signedIn.body as { status?: string }).status;
      if (status === 'enrollment_required') {
        const stale = ok(signedIn, 200, EnrollmentRequiredResponse).enrollmentSession.token;
        expect(await probe.works(stale), `${where}: the enrollment session outlived the confirmation`).toBe(false);
      } else {
        ok(signedIn, 200, TotpRequiredResponse);
      }
      expect(await probe.authenticatorCount(user.id, user.username), where).toBe(1);
      server.clock.advance(PERIOD_MS);
    }
  });

  it(`confirmations from two enrollment sessions of one account: exactly one wins, the other leaves nothing (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of rounds()) {
      const user = await createUser(server, { totpRequired: true });
      const [a, b] = [await enrollmentSession(user), await enrollmentSession(user)];
      const [pa, pb] = [await addPending(a.token, 'Phone A'), await addPending(b.token, 'Phone B')];
      const results = await race(() => confirm(a.token, pa), () => confirm(b.token, pb), delay);
      const where = `round ${round}, delay ${delay} ms: ${results.map(describeCall).join(' | ')}`;
      const winners = results.filter((r) => r.status === 200);
      expect(winners, where).toHaveLength(1);
      for (const loser of results.filter((r) => r.status !== 200)) fails(loser, 401, 'unauthorized');
      expect(await probe.works(a.token), where).toBe(false);
      expect(await probe.works(b.token), where).toBe(false);
      for (const token of winners.flatMap(tokensIn)) expect(await probe.works(token), where).toBe(true);
      expect(await probe.authenticatorCount(user.id, user.username), where).toBe(1);
      server.clock.advance(PERIOD_MS);
    }
  });

  it(`confirmation raced with the logout of its enrollment session: one of them, never both (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of rounds()) {
      const user = await createUser(server, { totpRequired: true });
      const session = await enrollmentSession(user);
      const pending = await addPending(session.token, 'Phone');
      const [confirmed, loggedOut] = await race(() => confirm(session.token, pending), () => api().post('/auth/logout', { token: session.token }), delay);
      const where = `round ${round}, delay ${delay} ms: ${describeCall(confirmed)} | ${describeCall(loggedOut)}`;
      if (confirmed.status === 200) {
        fails(loggedOut, 401, 'unauthorized');
        expect(await probe.authenticatorCount(user.id, user.username), where).toBe(1);
      } else {
        fails(confirmed, 401, 'unauthorized');
        expectStatus(loggedOut, 204);
        expect(await probe.authenticatorCount(user.id, user.username), where).toBe(0);
      }
      expect(await probe.works(session.token), where).toBe(false);
      server.clock.advance(PERIOD_MS);
    }
  });

  it(`adding raced with the confirmation that exchanges the same enrollment session: the session does nothing afterwards (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of rounds()) {
      const user = await createUser(server, { totpRequired: true });
      const session = await enrollmentSession(user);
      const pending = await addPending(session.token, 'Phone');
      const [confirmed, added] = await race(() => confirm(session.token, pending), () => api().post('/me/authenticators', { token: session.token, body: { name: 'Second' } }), delay);
      const where = `round ${round}, delay ${delay} ms: ${describeCall(added)}`;
      ok(confirmed, 200, ConfirmAuthenticatorResponse);
      expect([201, 401], where).toContain(added.status);
      fails(await api().post('/me/authenticators', { token: session.token, body: { name: 'Third' } }), 401, 'unauthorized');
      expect(await probe.authenticatorCount(user.id, user.username), where).toBe(1);
      server.clock.advance(PERIOD_MS);
    }
  });

  it(`a code and a recovery code on one challenge at once: one session (${ROUNDS} rounds)`, async () => {
    const user = await createTotpUser(server);
    for (const [round, delay] of rounds()) {
      server.clock.advance(PERIOD_MS);
      const challenge = await challengeFor(server, user.username, user.password);
      const code = user.recoveryCodes[round] ?? '';
      const results = await race(() => submitCode(server, challenge.id, codeNow(server, user.secret)), () => submitRecoveryCode(server, challenge.id, code), delay);
      const where = `round ${round}, delay ${delay} ms: ${results.map(describeCall).join(' | ')}`;
      expect(results.filter((r) => r.status === 200), where).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 200)) expect(['invalid_code', 'challenge_expired'], where).toContain((r.body as { error: { code: string } }).error.code);
    }
  });

  it(`removing an authenticator raced with a sign-in by code: only the remover stays signed in (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of rounds()) {
      const user = await createTotpUser(server, { authenticatorName: 'Phone' });
      const tablet = await enroll(server, user.token, 'Tablet');
      const challenge = await challengeFor(server, user.username, user.password);
      const [signedIn, removed] = await race(
        () => submitCode(server, challenge.id, codeNow(server, user.secret)),
        () => api().delete(`/me/authenticators/${tablet.id}`, { token: user.token }),
        delay,
      );
      const where = `round ${round}, delay ${delay} ms: ${describeCall(signedIn)}`;
      expectStatus(removed, 204);
      if (signedIn.status !== 200) fails(signedIn, 401, 'challenge_expired');
      for (const token of tokensIn(signedIn)) expect(await probe.works(token), `${where}: a session outlived the removal`).toBe(false);
      expect(await probe.works(user.token), where).toBe(true);
      expect(await probe.authenticatorCount(user.id, user.username), where).toBe(1);
      server.clock.advance(PERIOD_MS);
    }
  });

  it(`two sessions each removing an authenticator at once: the first removal ends the other session, which removes nothing (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of rounds()) {
      const user = await createTotpUser(server, { authenticatorName: 'Phone' });
      const [tablet, laptop] = [await enroll(server, user.token, 'Tablet'), await enroll(server, user.token, 'Laptop')];
      const other = await signIn(server, user);
      const results = await race(
        () => api().delete(`/me/authenticators/${tablet.id}`, { token: user.token }),
        () => api().delete(`/me/authenticators/${laptop.id}`, { token: other.token }),
        delay,
      );
      const where = `round ${round}, delay ${delay} ms: ${results.map(describeCall).join(' | ')}`;
      expect(results.map((r) => r.status).sort(), where).toEqual([204, 401]);
      const [kept, ended] = results[0].status === 204 ? [user.token, other.token] : [other.token, user.token];
      expect(await probe.works(kept), where).toBe(true);
      expect(await probe.works(ended), where).toBe(false);
      expect(await probe.authenticatorCount(user.id, user.username), where).toBe(2);
      server.clock.advance(PERIOD_MS);
    }
  });
});
