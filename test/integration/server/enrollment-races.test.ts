/**
 * Attacks on enrollment that used to work: a stale enrollment session skipping the second factor,
 * revocation and disabling racing a confirmation, and parallel confirmations on one enrollment session.
 * Each runs against the real server; the racing ones over many rounds with varied delays.
 */
import { describe, expect, it } from 'vitest';
import {
  ConfirmAuthenticatorResponse,
  MeResponse,
  RecoveryResponse,
  TotpRequiredResponse,
  type Session,
} from '../../../shared/api/schemas.js';
import { describeCall, expectStatus, fails, ok, type CallResult } from '../../support/http-client.js';
import { race } from '../../support/race.js';
import { raceSuite } from '../../support/race-suite.js';
import { challengeFor, createUser, enroll, login, passwordSession, PERIOD_MS, submitRecoveryCode } from '../../support/totp.js';

const ROUNDS = 16;
const MAX_DELAY_MS = 30;

describe('enrollment races', () => {
  const suite = raceSuite(8_001);

  /** The session a confirmation gave, if it succeeded. */
  const sessionOf = (res: CallResult): Session | undefined => (res.status === 200 ? ok(res, 200, ConfirmAuthenticatorResponse).session : undefined);

  it('a stale enrollment session cannot add, confirm or be exchanged once another one has confirmed an authenticator', async () => {
    const user = await createUser(suite.server, { totpRequired: true });
    const first = await suite.enrollmentSession(user);
    const stale = await suite.enrollmentSession(user);
    const prepared = await suite.addPending(stale.token, 'Prepared earlier');
    const enrolled = await enroll(suite.server, first.token, 'Phone');
    expect(enrolled.session).toBeDefined();
    ok(await login(suite.server, user.username, user.password), 200, TotpRequiredResponse);

    // The second factor now guards the account: the earlier password-only session can do nothing.
    fails(await suite.api.post('/me/authenticators', { token: stale.token, body: { name: 'Attacker' } }), 401, 'unauthorized');
    fails(await suite.confirm(stale.token, prepared), 401, 'unauthorized');
    fails(await suite.api.get('/me', { token: stale.token }), 401, 'unauthorized');
    expect(await suite.probe.authenticatorCount(user.id, user.username)).toBe(1);
  });

  it(`revoking TOTP while a confirmation is under way leaves no session, authenticator or recovery code (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createUser(suite.server, { totpRequired: true });
      const session = await suite.enrollmentSession(user);
      const pending = await suite.addPending(session.token, 'Phone');
      const [confirmed, revoked] = await race(
        () => suite.confirm(session.token, pending),
        () => suite.api.delete(`/admin/users/${user.id}/authenticators`, { token: suite.admin }),
        delay,
      );
      const where = `round ${round}, delay ${delay} ms: ${describeCall(confirmed)}`;
      expectStatus(revoked, 204);
      expect([200, 401, 404], where).toContain(confirmed.status);
      // Whatever the order, the revocation has the last word.
      const issued = sessionOf(confirmed);
      if (issued !== undefined) fails(await suite.api.get('/me', { token: issued.token }), 401, 'unauthorized');
      fails(await suite.api.post('/me/authenticators', { token: session.token, body: { name: 'Again' } }), 401, 'unauthorized');
      expect(await suite.probe.authenticatorCount(user.id, user.username), where).toBe(0);
      // No recovery code survives: the next enrollment makes a fresh set, and codes shown earlier do not work.
      const again = await enroll(suite.server, (await suite.enrollmentSession(user)).token, 'New phone');
      expect(again.recoveryCodes, where).toHaveLength(10);
      const shown = confirmed.status === 200 ? ok(confirmed, 200, ConfirmAuthenticatorResponse).recoveryCodes : undefined;
      if (shown?.[0] !== undefined) {
        const challenge = await challengeFor(suite.server, user.username, user.password);
        fails(await submitRecoveryCode(suite.server, challenge.id, shown[0]), 401, 'invalid_code');
      }
      suite.server.clock.advance(PERIOD_MS);
    }
  });

  it(`disabling a user while a confirmation is under way: nothing issued works, also after re-enabling (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createUser(suite.server, { totpRequired: true });
      const session = await suite.enrollmentSession(user);
      const pending = await suite.addPending(session.token, 'Phone');
      const [confirmed, disabled] = await race(
        () => suite.confirm(session.token, pending),
        () => suite.api.patch(`/admin/users/${user.id}`, { token: suite.admin, body: { disabled: true } }),
        delay,
      );
      const where = `round ${round}, delay ${delay} ms: ${describeCall(confirmed)}`;
      expectStatus(disabled, 200);
      expect([200, 401, 404], where).toContain(confirmed.status);
      expectStatus(await suite.api.patch(`/admin/users/${user.id}`, { token: suite.admin, body: { disabled: false } }), 200);
      const issued = sessionOf(confirmed);
      if (issued !== undefined) fails(await suite.api.get('/me', { token: issued.token }), 401, 'unauthorized');
      fails(await suite.api.post('/me/authenticators', { token: session.token, body: { name: 'Again' } }), 401, 'unauthorized');
      // Either the confirmation committed before the disable (one authenticator, a working code set),
      // or it left nothing behind.
      const count = await suite.probe.authenticatorCount(user.id, user.username);
      if (count === 0) {
        const again = await enroll(suite.server, (await suite.enrollmentSession(user)).token, 'New phone');
        expect(again.recoveryCodes, where).toHaveLength(10);
      } else {
        expect(count, where).toBe(1);
        expect(confirmed.status, where).toBe(200);
        const challenge = await challengeFor(suite.server, user.username, user.password);
        const code = ok(confirmed, 200, ConfirmAuthenticatorResponse).recoveryCodes?.[0];
        if (code === undefined) throw new Error(`${where}: the confirmation showed no recovery codes`);
        ok(await submitRecoveryCode(suite.server, challenge.id, code), 200, RecoveryResponse);
      }
      suite.server.clock.advance(PERIOD_MS);
    }
  });

  it(`parallel confirmations on one enrollment session give one full session and one working set of recovery codes (${ROUNDS} rounds)`, async () => {
    for (const round of Array.from({ length: ROUNDS }, (_, i) => i)) {
      const user = await createUser(suite.server, { totpRequired: true });
      const session = await suite.enrollmentSession(user);
      const pendings = [await suite.addPending(session.token, 'One'), await suite.addPending(session.token, 'Two'), await suite.addPending(session.token, 'Three')];
      const results = await Promise.all(pendings.map((p) => suite.confirm(session.token, p)));
      const where = `round ${round}: ${results.map(describeCall).join(' | ')}`;
      const winners = results.filter((r) => r.status === 200);
      expect(winners, where).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 200)) fails(r, 401, 'unauthorized');
      const body = ok(winners[0] as CallResult, 200, ConfirmAuthenticatorResponse);
      if (body.session === undefined || body.recoveryCodes === undefined) throw new Error(`${where}: no session or codes`);
      // The losers left nothing behind: one authenticator counts, and the codes shown are the ones that work.
      const me = ok(await suite.api.get('/me', { token: body.session.token }), 200, MeResponse);
      expect(me.totp.authenticators, where).toHaveLength(1);
      expect(me.totp.recoveryCodesRemaining, where).toBe(10);
      const challenge = await challengeFor(suite.server, user.username, user.password);
      ok(await submitRecoveryCode(suite.server, challenge.id, body.recoveryCodes[0] ?? ''), 200, RecoveryResponse);
      suite.server.clock.advance(PERIOD_MS);
    }
  });

  it(`parallel confirmations with a full session confirm each authenticator and show one working set of codes (${ROUNDS} rounds)`, async () => {
    for (const round of Array.from({ length: ROUNDS }, (_, i) => i)) {
      const user = await createUser(suite.server);
      const { token } = await passwordSession(suite.server, user.username, user.password);
      const pendings = [await suite.addPending(token, 'One'), await suite.addPending(token, 'Two'), await suite.addPending(token, 'Three')];
      const results = await Promise.all(pendings.map((p) => suite.confirm(token, p)));
      const where = `round ${round}: ${results.map(describeCall).join(' | ')}`;
      const bodies = results.map((r) => ok(r, 200, ConfirmAuthenticatorResponse));
      const sets = bodies.flatMap((b) => (b.recoveryCodes === undefined ? [] : [b.recoveryCodes]));
      expect(sets, where).toHaveLength(1);
      expect(bodies.every((b) => b.session === undefined), where).toBe(true);
      const me = ok(await suite.api.get('/me', { token }), 200, MeResponse);
      expect(me.totp.authenticators, where).toHaveLength(3);
      expect(me.totp.recoveryCodesRemaining, where).toBe(10);
      const challenge = await challengeFor(suite.server, user.username, user.password);
      ok(await submitRecoveryCode(suite.server, challenge.id, sets[0]?.[0] ?? ''), 200, RecoveryResponse);
      suite.server.clock.advance(PERIOD_MS);
    }
  });
});
