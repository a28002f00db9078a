/**
 * Invariant "recovery codes belong to an authenticator" (docs/security.md): an account has at most one
 * set; it has one exactly while it has a confirmed authenticator; and the set an answer shows is the one
 * that works, until a later regeneration replaces it. Raced over many rounds.
 */
import { describe, expect, it } from 'vitest';
import { ConfirmAuthenticatorResponse, MeResponse, PendingAuthenticator, RecoveryCodesResponse, RecoveryResponse } from '../../../../shared/api/schemas.js';
import { describeCall, expectStatus, fails, ok, type CallResult } from '../../../support/http-client.js';
import { lastEvent } from '../../../support/account-probe.js';
import { race } from '../../../support/race.js';
import { raceSuite } from '../../../support/race-suite.js';
import { challengeFor, codeNow, createTotpUser, enroll, passwordSession, PERIOD_MS, submitRecoveryCode, type TotpUser } from '../../../support/totp.js';

const ROUNDS = 10;
const MAX_DELAY_MS = 25;

describe('invariants: recovery codes belong to an authenticator', () => {
  const suite = raceSuite(8_301);

  const regenerate = (token: string) => suite.api.post('/me/recovery-codes', { token });
  const shownCodes = (res: CallResult): readonly string[] => ok(res, 200, RecoveryCodesResponse).recoveryCodes;
  const me = async (token: string) => ok(await suite.api.get('/me', { token }), 200, MeResponse);
  /** Whether `code` signs `user` in right now (on a challenge of its own). */
  const works = async (user: TotpUser, code: string): Promise<boolean> => {
    const res = await submitRecoveryCode(suite.server, (await challengeFor(suite.server, user.username, user.password)).id, code);
    if (res.status !== 200) fails(res, 401, 'invalid_code');
    else ok(res, 200, RecoveryResponse);
    return res.status === 200;
  };

  it(`two regenerations at once: one set of 10, and of the two sets shown exactly one works (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createTotpUser(suite.server);
      const [a, b] = await race(() => regenerate(user.token), () => regenerate(user.token), delay);
      const where = `round ${round}, delay ${delay} ms`;
      const [setA, setB] = [shownCodes(a), shownCodes(b)];
      expect((await me(user.token)).totp.recoveryCodesRemaining, where).toBe(10);
      const working = [await works(user, setA[0] ?? ''), await works(user, setB[0] ?? '')];
      expect(working.filter(Boolean), `${where}: ${String(working)}`).toHaveLength(1);
      expect(await works(user, user.recoveryCodes[0] ?? ''), where).toBe(false);
    }
  });

  it(`a regeneration raced with a sign-in by an old code: afterwards only the new set works (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createTotpUser(suite.server);
      const challenge = await challengeFor(suite.server, user.username, user.password);
      const [used, regenerated] = await race(() => submitRecoveryCode(suite.server, challenge.id, user.recoveryCodes[0] ?? ''), () => regenerate(user.token), delay);
      const where = `round ${round}, delay ${delay} ms: ${describeCall(used)}`;
      const fresh = shownCodes(regenerated);
      if (used.status === 200) {
        // Accepted only if it committed before the new set replaced the old one.
        const events = await suite.probe.audit();
        const usedAt = lastEvent(events, (e) => e.event === 'recovery_code_used' && e.username === user.username);
        const replacedAt = lastEvent(events, (e) => e.event === 'recovery_codes_generated' && e.username === user.username);
        expect(usedAt !== undefined && replacedAt !== undefined && usedAt < replacedAt, `${where}: an old code was accepted after the regeneration`).toBe(true);
      } else {
        fails(used, 401, 'invalid_code');
      }
      expect((await me(user.token)).totp.recoveryCodesRemaining, where).toBe(10);
      expect(await works(user, user.recoveryCodes[1] ?? ''), where).toBe(false);
      expect(await works(user, fresh[0] ?? ''), where).toBe(true);
    }
  });

  it(`a regeneration raced with removing the last authenticator: no codes are left without an authenticator (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createTotpUser(suite.server);
      const [regenerated, removed] = await race(() => regenerate(user.token), () => suite.api.delete(`/me/authenticators/${user.authenticatorId}`, { token: user.token }), delay);
      const where = `round ${round}, delay ${delay} ms: ${describeCall(regenerated)}`;
      expectStatus(removed, 204);
      if (regenerated.status !== 200) fails(regenerated, 403, 'forbidden');
      const after = await me(user.token);
      expect(after.totp.authenticators, where).toEqual([]);
      expect(after.totp.recoveryCodesRemaining, where).toBe(0);
      // Enrolling again makes a new set, the only one that works.
      const again = await enroll(suite.server, user.token, 'New phone');
      expect(again.recoveryCodes, where).toHaveLength(10);
    }
  });

  it(`a regeneration raced with an administrator's revocation: no codes survive (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createTotpUser(suite.server);
      const [regenerated, revoked] = await race(() => regenerate(user.token), () => suite.api.delete(`/admin/users/${user.id}/authenticators`, { token: suite.admin }), delay);
      const where = `round ${round}, delay ${delay} ms: ${describeCall(regenerated)}`;
      expectStatus(revoked, 204);
      if (regenerated.status !== 200) fails(regenerated, 401, 'unauthorized');
      const again = await enroll(suite.server, (await passwordSession(suite.server, user.username, user.password)).token, 'New phone');
      expect(again.recoveryCodes, where).toHaveLength(10);
    }
  });

  it(`confirming a second authenticator raced with removing the first: the account keeps one set, and a set shown works (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createTotpUser(suite.server, { authenticatorName: 'Phone' });
      const pending = ok(await suite.api.post('/me/authenticators', { token: user.token, body: { name: 'Tablet' } }), 201, PendingAuthenticator);
      const [confirmed, removed] = await race(
        () => suite.api.post(`/me/authenticators/${pending.id}/confirm`, { token: user.token, body: { code: codeNow(suite.server, pending.secret) } }),
        () => suite.api.delete(`/me/authenticators/${user.authenticatorId}`, { token: user.token }),
        delay,
      );
      const where = `round ${round}, delay ${delay} ms: ${describeCall(confirmed)}`;
      expectStatus(removed, 204);
      const shown = ok(confirmed, 200, ConfirmAuthenticatorResponse).recoveryCodes;
      const after = await me(user.token);
      expect(after.totp.authenticators.map((a) => a.name), where).toEqual(['Tablet']);
      expect(after.totp.recoveryCodesRemaining, where).toBe(10);
      // Shown when the removal came first (the old set went with the last authenticator); else the old set stays.
      expect(await works(user, (shown ?? user.recoveryCodes)[0] ?? ''), where).toBe(true);
      suite.server.clock.advance(PERIOD_MS);
    }
  });
});
