/**
 * Invariants "a trusted computer skips the code only on grounds that still hold" and "no trusted computer
 * outlives an ending" (docs/security.md, I12 and I13): a sign-in with a trusted computer's token, and a code
 * that trusts the computer, each raced against every change that ends trusted computers. Whatever lands
 * first, once both answers are in the token no longer skips the code, and a sign-in let through on it
 * committed before the ending (the audit trail, written in each unit, shows the order).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthenticatedResponse, CodeAcceptedResponse, TotpRequiredResponse } from '../../../../shared/api/schemas.js';
import { lastEvent, tokensIn } from '../../../support/account-probe.js';
import { describeCall, expectStatus, fails, ok, type CallResult } from '../../../support/http-client.js';
import { race } from '../../../support/race.js';
import { raceSuite } from '../../../support/race-suite.js';
import { challengeFor, codeNow, createTotpUser, enroll, PERIOD_MS, type TotpUser } from '../../../support/totp.js';
import { loginWithToken, submitCodeTrusting, trustedComputerOf } from '../../../support/trusted.js';

const ROUNDS = 6;
const MAX_DELAY_MS = 25;
const DAYS = 30;
const NEW_PASSWORD = 'changed-during-the-race';

interface Ending {
  readonly name: string;
  /** The audit event of the ending, written after the delete that ends the trusted computer. */
  readonly event: 'trusted_computers_ended' | 'trusted_computer_revoked';
  /** Whether the ending also ends the account's sessions (a sign-in that committed before it loses its session). */
  readonly endsSessions: boolean;
  /** Whether a sign-in with the old password may be refused outright when the ending lands first. */
  readonly refusesPassword: boolean;
  /** Run once before the race: what the ending needs (a second authenticator to remove). */
  prepare(user: TotpUser): Promise<() => Promise<CallResult>>;
  /** After the race: the password the account signs in with now. */
  readonly passwordAfter: (user: TotpUser) => string;
  /** After the race: undoes what would keep the account from signing in at all (a disable). */
  readonly restore?: (user: TotpUser) => Promise<void>;
}

describe('invariants: trusted computers', () => {
  const suite = raceSuite(8_401);
  beforeAll(async () => {
    await suite.server.setEnvironment({ trustedComputerDays: DAYS });
  });

  const endings: readonly Ending[] = [
    {
      name: 'forget all',
      event: 'trusted_computers_ended',
      endsSessions: false,
      refusesPassword: false,
      prepare: (user) => Promise.resolve(() => suite.api.delete('/me/trusted-computers', { token: user.token })),
      passwordAfter: (user) => user.password,
    },
    {
      name: 'password change',
      event: 'trusted_computers_ended',
      endsSessions: true,
      refusesPassword: true,
      prepare: (user) => Promise.resolve(() => suite.api.post('/me/password', { token: user.token, body: { currentPassword: user.password, newPassword: NEW_PASSWORD } })),
      passwordAfter: () => NEW_PASSWORD,
    },
    {
      // Not queued per account with the sign-in's Argon2 as the owner's change is: it can land in that gap.
      name: 'new password set by an administrator',
      event: 'trusted_computers_ended',
      endsSessions: true,
      refusesPassword: true,
      prepare: (user) => Promise.resolve(() => suite.api.post(`/admin/users/${user.id}/password`, { token: suite.admin, body: { newPassword: NEW_PASSWORD } })),
      passwordAfter: () => NEW_PASSWORD,
    },
    {
      name: 'disable',
      event: 'trusted_computers_ended',
      endsSessions: true,
      refusesPassword: true,
      prepare: (user) => Promise.resolve(() => suite.api.patch(`/admin/users/${user.id}`, { token: suite.admin, body: { disabled: true } })),
      passwordAfter: (user) => user.password,
      // Enabling revives nothing: the token stays ended.
      restore: async (user) => expectStatus(await suite.api.patch(`/admin/users/${user.id}`, { token: suite.admin, body: { disabled: false } }), 200),
    },
    {
      name: 'authenticator removal',
      event: 'trusted_computers_ended',
      endsSessions: true,
      refusesPassword: false,
      prepare: async (user) => {
        const tablet = await enroll(suite.server, user.token, 'Tablet');
        return () => suite.api.delete(`/me/authenticators/${tablet.id}`, { token: user.token });
      },
      passwordAfter: (user) => user.password,
    },
  ];

  /** Once both answers are in (and the account enabled again): the token gives a challenge, not a session. */
  const tokenEnded = async (user: TotpUser, ending: Ending, token: string, where: string) => {
    await ending.restore?.(user);
    const res = await loginWithToken(suite.server, user.username, ending.passwordAfter(user), token);
    expect(res.status, `${where}; afterwards: ${describeCall(res)}`).toBe(200);
    expect((res.body as { status?: string }).status, `${where}; afterwards: ${describeCall(res)}`).toBe('totp_required');
  };

  describe('a sign-in with a trusted computer’s token', () => {
    const all: readonly Ending[] = [
      ...endings,
      {
        name: 'revoking that computer',
        event: 'trusted_computer_revoked',
        endsSessions: false,
        refusesPassword: false,
        prepare: async (user) => {
          const rows = await suite.api.get('/me', { token: user.token });
          const id = (rows.body as { trustedComputers: { computers: { id: string }[] } }).trustedComputers.computers[0]?.id ?? '';
          return () => suite.api.delete(`/me/trusted-computers/${id}`, { token: user.token });
        },
        passwordAfter: (user) => user.password,
      },
    ];
    for (const ending of all) {
      it(`raced with ${ending.name}: honoured only if it committed first, and never afterwards (${ROUNDS} rounds)`, async () => {
        for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
          const user = await createTotpUser(suite.server);
          const trusted = await trustedComputerOf(suite.server, user, { name: 'Raced', days: DAYS });
          const end = await ending.prepare(user);
          const [res, ended] = await race(() => loginWithToken(suite.server, user.username, user.password, trusted.token), end, delay);
          const where = `round ${round}, delay ${delay} ms: ${describeCall(res)}`;
          expect([200, 204], describeCall(ended)).toContain(ended.status);
          const honoured = res.status === 200 && (res.body as { status?: string }).status === 'authenticated';
          if (honoured) {
            ok(res, 200, AuthenticatedResponse);
            const events = await suite.probe.audit(300);
            const used = lastEvent(events, (e) => e.username === user.username && e.event === 'trusted_computer_used');
            const endedAt = lastEvent(events, (e) => e.username === user.username && e.event === ending.event);
            expect(used, where).toBeLessThan(endedAt ?? -1);
            for (const token of tokensIn(res)) expect(await suite.probe.works(token), where).toBe(!ending.endsSessions);
          } else if (res.status === 200) {
            // After a new password or a disable, the old password gets nothing at all, not even a challenge.
            expect(ending.refusesPassword, where).toBe(false);
            ok(res, 200, TotpRequiredResponse);
          } else {
            // A password change or disable that committed first: the old password, or the account, is refused.
            fails(res, 401, 'invalid_credentials');
            expect(ending.refusesPassword, where).toBe(true);
          }
          await tokenEnded(user, ending, trusted.token, where);
          suite.server.clock.advance(PERIOD_MS);
        }
      });
    }

    it(`raced with the environment's days set to 0: honoured only if it committed first (${ROUNDS} rounds)`, async () => {
      for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
        const user = await createTotpUser(suite.server);
        const trusted = await trustedComputerOf(suite.server, user, { name: 'Raced', days: DAYS });
        const [res, off] = await race(
          () => loginWithToken(suite.server, user.username, user.password, trusted.token),
          () => suite.api.patch('/admin/environment', { token: suite.admin, body: { trustedComputerDays: 0 } }),
          delay,
        );
        const where = `round ${round}, delay ${delay} ms: ${describeCall(res)}`;
        expectStatus(off, 200);
        const events = await suite.probe.audit(300);
        const used = lastEvent(events, (e) => e.username === user.username && e.event === 'trusted_computer_used');
        const turnedOff = lastEvent(events, (e) => e.event === 'trusted_computers_ended' && e.detail['reason'] === 'turned_off');
        if ((res.body as { status?: string }).status === 'authenticated') expect(used, where).toBeLessThan(turnedOff ?? -1);
        else ok(res, 200, TotpRequiredResponse);
        // Turned on again, nothing from before is honoured.
        await suite.server.setEnvironment({ trustedComputerDays: DAYS });
        ok(await loginWithToken(suite.server, user.username, user.password, trusted.token), 200, TotpRequiredResponse);
        suite.server.clock.advance(PERIOD_MS);
      }
    });
  });

  describe('a code that trusts the computer', () => {
    for (const ending of endings.filter((e) => e.name !== 'forget all')) {
      it(`raced with ${ending.name}: a trust made before it is ended by it, none is made after it (${ROUNDS} rounds)`, async () => {
        for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
          const user = await createTotpUser(suite.server);
          const end = await ending.prepare(user);
          const challenge = await challengeFor(suite.server, user.username, user.password);
          const [res, ended] = await race(
            () => submitCodeTrusting(suite.server, challenge.id, codeNow(suite.server, user.secret), { name: 'Raced', days: DAYS }),
            end,
            delay,
          );
          const where = `round ${round}, delay ${delay} ms: ${describeCall(res)}`;
          expect([200, 204], describeCall(ended)).toContain(ended.status);
          if (res.status === 200) {
            const accepted = ok(res, 200, CodeAcceptedResponse);
            expect(accepted.trustedComputer, where).toBeDefined();
            expect(await suite.probe.works(accepted.session.token), where).toBe(false);
            await tokenEnded(user, ending, accepted.trustedComputer?.token ?? '', where);
          } else {
            fails(res, 401, 'challenge_expired');
          }
          suite.server.clock.advance(PERIOD_MS);
        }
      });
    }
  });
});
