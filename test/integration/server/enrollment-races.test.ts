/**
 * Attacks on enrollment that used to work: a stale enrollment session skipping the second factor,
 * revocation and disabling racing a confirmation, and parallel confirmations on one enrollment session.
 * Each runs against the real server; the racing ones over many rounds with varied delays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdminUsersResponse,
  ConfirmAuthenticatorResponse,
  EnrollmentRequiredResponse,
  MeResponse,
  PendingAuthenticator,
  RecoveryResponse,
  TotpRequiredResponse,
  type Session,
} from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, describeCall, expectStatus, fails, ok, type ApiClient, type CallResult } from '../../support/http-client.js';
import { delays, race, seededRandom, testSeed } from '../../support/race.js';
import { adminToken, challengeFor, codeNow, createUser, enroll, login, passwordSession, PERIOD_MS, RELAXED_THROTTLE, submitRecoveryCode, type TestUser } from '../../support/totp.js';

const ROUNDS = 16;
const MAX_DELAY_MS = 30;

describe('enrollment races', () => {
  let server: TestServer;
  let api: ApiClient;
  let admin: string;
  const random = seededRandom(testSeed(8_001));

  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
    api = apiClient(server.api);
    admin = await adminToken(server);
  });
  afterAll(async () => {
    await server.close();
  });

  const enrollmentSession = async (user: TestUser): Promise<Session> =>
    ok(await login(server, user.username, user.password), 200, EnrollmentRequiredResponse).enrollmentSession;
  const addPending = async (token: string, name = 'Phone') =>
    ok(await api.post('/me/authenticators', { token, body: { name } }), 201, PendingAuthenticator);
  const confirm = (token: string, pending: PendingAuthenticator) =>
    api.post(`/me/authenticators/${pending.id}/confirm`, { token, body: { code: codeNow(server, pending.secret) } });
  const authenticatorCount = async (user: TestUser): Promise<number> => {
    const listed = ok(await api.get(`/admin/users?search=${user.username}`, { token: admin }), 200, AdminUsersResponse);
    const found = listed.users.find((u) => u.id === user.id);
    if (found === undefined) throw new Error(`${user.username} is not listed`);
    return found.authenticatorCount;
  };
  /** The session a confirmation gave, if it succeeded. */
  const sessionOf = (res: CallResult): Session | undefined => (res.status === 200 ? ok(res, 200, ConfirmAuthenticatorResponse).session : undefined);

  it('a stale enrollment session cannot add, confirm or be exchanged once another one has confirmed an authenticator', async () => {
    const user = await createUser(server, { totpRequired: true });
    const first = await enrollmentSession(user);
    const stale = await enrollmentSession(user);
    const prepared = await addPending(stale.token, 'Prepared earlier');

    const enrolled = await enroll(server, first.token, 'Phone');
    expect(enrolled.session).toBeDefined();
    ok(await login(server, user.username, user.password), 200, TotpRequiredResponse);

    // The second factor now guards the account: the earlier password-only session can do nothing.
    fails(await api.post('/me/authenticators', { token: stale.token, body: { name: 'Attacker' } }), 401, 'unauthorized');
    fails(await confirm(stale.token, prepared), 401, 'unauthorized');
    fails(await api.get('/me', { token: stale.token }), 401, 'unauthorized');
    expect(await authenticatorCount(user)).toBe(1);
  });

  it(`revoking TOTP while a confirmation is under way leaves no session, authenticator or recovery code (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of delays(random, ROUNDS, MAX_DELAY_MS).entries()) {
      const user = await createUser(server, { totpRequired: true });
      const session = await enrollmentSession(user);
      const pending = await addPending(session.token);
      const [confirmed, revoked] = await race(
        () => confirm(session.token, pending),
        () => api.delete(`/admin/users/${user.id}/authenticators`, { token: admin }),
        delay,
      );
      const where = `round ${round}, delay ${delay} ms: ${describeCall(confirmed)}`;
      expectStatus(revoked, 204);
      expect([200, 401, 404], where).toContain(confirmed.status);
      // Whatever the order, the revocation has the last word.
      const issued = sessionOf(confirmed);
      if (issued !== undefined) fails(await api.get('/me', { token: issued.token }), 401, 'unauthorized');
      fails(await api.post('/me/authenticators', { token: session.token, body: { name: 'Again' } }), 401, 'unauthorized');
      expect(await authenticatorCount(user), where).toBe(0);
      // No recovery code survives: the next enrollment makes a fresh set, and codes shown earlier do not work.
      const again = await enroll(server, (await enrollmentSession(user)).token, 'New phone');
      expect(again.recoveryCodes, where).toHaveLength(10);
      const shown = confirmed.status === 200 ? ok(confirmed, 200, ConfirmAuthenticatorResponse).recoveryCodes : undefined;
      if (shown?.[0] !== undefined) {
        const challenge = await challengeFor(server, user.username, user.password);
        fails(await submitRecoveryCode(server, challenge.id, shown[0]), 401, 'invalid_code');
      }
      server.clock.advance(PERIOD_MS);
    }
  });

  it(`disabling a user while a confirmation is under way: nothing issued works, also after re-enabling (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of delays(random, ROUNDS, MAX_DELAY_MS).entries()) {
      const user = await createUser(server, { totpRequired: true });
      const session = await enrollmentSession(user);
      const pending = await addPending(session.token);
      const [confirmed, disabled] = await race(
        () => confirm(session.token, pending),
        () => api.patch(`/admin/users/${user.id}`, { token: admin, body: { disabled: true } }),
        delay,
      );
      const where = `round ${round}, delay ${delay} ms: ${describeCall(confirmed)}`;
      expectStatus(disabled, 200);
      expect([200, 401, 404], where).toContain(confirmed.status);
      expectStatus(await api.patch(`/admin/users/${user.id}`, { token: admin, body: { disabled: false } }), 200);
      const issued = sessionOf(confirmed);
      if (issued !== undefined) fails(await api.get('/me', { token: issued.token }), 401, 'unauthorized');
      fails(await api.post('/me/authenticators', { token: session.token, body: { name: 'Again' } }), 401, 'unauthorized');
      // Either the confirmation committed before the disable (one authenticator, a working code set),
      // or it left nothing behind.
      const count = await authenticatorCount(user);
      if (count === 0) {
        const again = await enroll(server, (await enrollmentSession(user)).token, 'New phone');
        expect(again.recoveryCodes, where).toHaveLength(10);
      } else {
        expect(count, where).toBe(1);
        expect(confirmed.status, where).toBe(200);
        const challenge = await challengeFor(server, user.username, user.password);
        const code = ok(confirmed, 200, ConfirmAuthenticatorResponse).recoveryCodes?.[0];
        if (code === undefined) throw new Error(`${where}: the confirmation showed no recovery codes`);
        ok(await submitRecoveryCode(server, challenge.id, code), 200, RecoveryResponse);
      }
      server.clock.advance(PERIOD_MS);
    }
  });

  it(`parallel confirmations on one enrollment session give one full session and one working set of recovery codes (${ROUNDS} rounds)`, async () => {
    for (const round of Array.from({ length: ROUNDS }, (_, i) => i)) {
      const user = await createUser(server, { totpRequired: true });
      const session = await enrollmentSession(user);
      const pendings = [await addPending(session.token, 'One'), await addPending(session.token, 'Two'), await addPending(session.token, 'Three')];
      const results = await Promise.all(pendings.map((p) => confirm(session.token, p)));
      const where = `round ${round}: ${results.map(describeCall).join(' | ')}`;
      const winners = results.filter((r) => r.status === 200);
      expect(winners, where).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 200)) fails(r, 401, 'unauthorized');
      const body = ok(winners[0] as CallResult, 200, ConfirmAuthenticatorResponse);
      if (body.session === undefined || body.recoveryCodes === undefined) throw new Error(`${where}: no session or codes`);
      // The losers left nothing behind: one authenticator counts, and the codes shown are the ones that work.
      const me = ok(await api.get('/me', { token: body.session.token }), 200, MeResponse);
      expect(me.totp.authenticators, where).toHaveLength(1);
      expect(me.totp.recoveryCodesRemaining, where).toBe(10);
      const challenge = await challengeFor(server, user.username, user.password);
      ok(await submitRecoveryCode(server, challenge.id, body.recoveryCodes[0] ?? ''), 200, RecoveryResponse);
      server.clock.advance(PERIOD_MS);
    }
  });

  it(`parallel confirmations with a full session confirm each authenticator and show one working set of codes (${ROUNDS} rounds)`, async () => {
    for (const round of Array.from({ length: ROUNDS }, (_, i) => i)) {
      const user = await createUser(server);
      const { token } = await passwordSession(server, user.username, user.password);
      const pendings = [await addPending(token, 'One'), await addPending(token, 'Two'), await addPending(token, 'Three')];
      const results = await Promise.all(pendings.map((p) => confirm(token, p)));
      const where = `round ${round}: ${results.map(describeCall).join(' | ')}`;
      const bodies = results.map((r) => ok(r, 200, ConfirmAuthenticatorResponse));
      const sets = bodies.flatMap((b) => (b.recoveryCodes === undefined ? [] : [b.recoveryCodes]));
      expect(sets, where).toHaveLength(1);
      expect(bodies.every((b) => b.session === undefined), where).toBe(true);
      const me = ok(await api.get('/me', { token }), 200, MeResponse);
      expect(me.totp.authenticators, where).toHaveLength(3);
      expect(me.totp.recoveryCodesRemaining, where).toBe(10);
      const challenge = await challengeFor(server, user.username, user.password);
      ok(await submitRecoveryCode(server, challenge.id, sets[0]?.[0] ?? ''), 200, RecoveryResponse);
      server.clock.advance(PERIOD_MS);
    }
  });
});
