/**
 * Invariants "disabled means out" and "revocation wins" (docs/security.md): an administrator's disable
 * or TOTP revocation raced against every operation of the account's owner. Whatever lands first, once
 * the administrator's answer has arrived no session or challenge from before or from the race works,
 * not even after the account is enabled again, and a revocation leaves no authenticator or code behind.
 */
import { describe, expect, it } from 'vitest';
import { EnrollmentRequiredResponse, TotpRequiredResponse } from '../../../../shared/api/schemas.js';
import { describeCall, expectStatus, fails, ok, type CallResult } from '../../../support/http-client.js';
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
  passwordSession,
  PERIOD_MS,
  signIn,
  submitCode,
  submitRecoveryCode,
  type TotpUser,
} from '../../../support/totp.js';

const ROUNDS = 6;
const MAX_DELAY_MS = 25;

interface Prepared {
  readonly act: () => Promise<CallResult>;
  /** Challenges that exist before the race and must be dead after it. */
  readonly challenges: readonly string[];
}

interface Racer {
  readonly name: string;
  readonly statuses: readonly number[];
  prepare(user: TotpUser): Promise<Prepared>;
}

/** The challenge a sign-in answer hands out, if any. */
function challengeIn(res: CallResult): readonly string[] {
  const body = res.body as { status?: unknown; challenge?: { id?: unknown } } | undefined;
  return res.status === 200 && body?.status === 'totp_required' && typeof body.challenge?.id === 'string' ? [body.challenge.id] : [];
}

describe('invariants: disabled means out, revocation wins', () => {
  const suite = raceSuite(8_101);

  const racers: readonly Racer[] = [
    {
      name: 'sign-in',
      statuses: [200, 401],
      prepare: (user) => Promise.resolve({ act: () => login(suite.server, user.username, user.password), challenges: [] }),
    },
    {
      name: 'code',
      statuses: [200, 401],
      prepare: async (user) => {
        const challenge = await challengeFor(suite.server, user.username, user.password);
        return { act: () => submitCode(suite.server, challenge.id, codeNow(suite.server, user.secret)), challenges: [challenge.id] };
      },
    },
    {
      name: 'recovery code',
      statuses: [200, 401],
      prepare: async (user) => {
        const challenge = await challengeFor(suite.server, user.username, user.password);
        return { act: () => submitRecoveryCode(suite.server, challenge.id, user.recoveryCodes[0] ?? ''), challenges: [challenge.id] };
      },
    },
    {
      name: 'add',
      statuses: [201, 401],
      prepare: (user) => Promise.resolve({ act: () => suite.api.post('/me/authenticators', { token: user.token, body: { name: 'Racing' } }), challenges: [] }),
    },
    {
      name: 'remove',
      statuses: [204, 401],
      prepare: async (user) => {
        const tablet = await enroll(suite.server, user.token, 'Tablet');
        return { act: () => suite.api.delete(`/me/authenticators/${tablet.id}`, { token: user.token }), challenges: [] };
      },
    },
    {
      name: 'regenerate codes',
      statuses: [200, 401],
      prepare: (user) => Promise.resolve({ act: () => suite.api.post('/me/recovery-codes', { token: user.token }), challenges: [] }),
    },
    {
      name: 'logout',
      statuses: [204, 401],
      prepare: (user) => Promise.resolve({ act: () => suite.api.post('/auth/logout', { token: user.token }), challenges: [] }),
    },
  ];

  /** Checks after each race, when both answers are in. */
  const everythingEnded = async (user: TotpUser, prepared: Prepared, res: CallResult, where: string) => {
    for (const token of [user.token, ...tokensIn(res)]) expect(await suite.probe.works(token), `${where}: a session still works`).toBe(false);
    for (const id of [...prepared.challenges, ...challengeIn(res)]) {
      fails(await submitCode(suite.server, id, codeNow(suite.server, user.secret)), 401, 'challenge_expired');
    }
  };

  describe('PATCH /admin/users/{id} {disabled: true}, then enabled again', () => {
    for (const racer of racers) {
      it(`raced with ${racer.name}: nothing from before or from the race works after re-enabling (${ROUNDS} rounds)`, async () => {
        for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
          const user = await createTotpUser(suite.server, { totpRequired: true });
          const prepared = await racer.prepare(user);
          const [res, disabled] = await race(prepared.act, () => suite.api.patch(`/admin/users/${user.id}`, { token: suite.admin, body: { disabled: true } }), delay);
          const where = `round ${round}, delay ${delay} ms: ${describeCall(res)}`;
          expectStatus(disabled, 200);
          expect(racer.statuses, where).toContain(res.status);
          expectStatus(await suite.api.patch(`/admin/users/${user.id}`, { token: suite.admin, body: { disabled: false } }), 200);
          await everythingEnded(user, prepared, res, where);
          // The account itself is whole: its owner signs in again with a code.
          suite.server.clock.advance(PERIOD_MS);
          await signIn(suite.server, user);
        }
      });
    }
  });

  it(`an administrator disabled while revoking someone's TOTP: the revocation happens only if it committed first (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const other = await createUser(suite.server, { isAdmin: true });
      const otherToken = (await signIn(suite.server, other)).token;
      const user = await createTotpUser(suite.server);
      const [revoked, disabled] = await race(
        () => suite.api.delete(`/admin/users/${user.id}/authenticators`, { token: otherToken }),
        () => suite.api.patch(`/admin/users/${other.id}`, { token: suite.admin, body: { disabled: true } }),
        delay,
      );
      const where = `round ${round}, delay ${delay} ms: ${describeCall(revoked)}`;
      expectStatus(disabled, 200);
      const count = await suite.probe.authenticatorCount(user.id, user.username);
      if (revoked.status === 204) expect(count, where).toBe(0);
      else {
        fails(revoked, 401, 'unauthorized');
        expect(count, where).toBe(1);
      }
      expect(await suite.probe.works(otherToken), where).toBe(false);
    }
  });

  describe('DELETE /admin/users/{id}/authenticators', () => {
    for (const racer of racers) {
      it(`raced with ${racer.name}: no session, challenge, authenticator or recovery code survives (${ROUNDS} rounds)`, async () => {
        for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
          const user = await createTotpUser(suite.server, { totpRequired: true });
          const prepared = await racer.prepare(user);
          const [res, revoked] = await race(prepared.act, () => suite.api.delete(`/admin/users/${user.id}/authenticators`, { token: suite.admin }), delay);
          const where = `round ${round}, delay ${delay} ms: ${describeCall(res)}`;
          expectStatus(revoked, 204);
          // A sign-in that lands after the revocation is a new start: enrollment, never a full session.
          if (racer.name === 'sign-in' && res.status === 200) {
            const body = res.body as { status: string };
            if (body.status === 'enrollment_required') ok(res, 200, EnrollmentRequiredResponse);
            else ok(res, 200, TotpRequiredResponse);
            await everythingEnded(user, prepared, { ...res, body: body.status === 'enrollment_required' ? undefined : res.body }, where);
          } else {
            expect(racer.statuses, where).toContain(res.status);
            await everythingEnded(user, prepared, res, where);
          }
          expect(await suite.probe.authenticatorCount(user.id, user.username), where).toBe(0);
          // The account starts over: enrollment, with a fresh set of codes (none were left to keep).
          const fresh = await enroll(suite.server, (await passwordSession(suite.server, user.username, user.password)).token, 'New phone');
          expect(fresh.recoveryCodes, where).toHaveLength(10);
          suite.server.clock.advance(PERIOD_MS);
        }
      });
    }
  });
});
