/**
 * Invariant "a decision follows the settings committed before it" (docs/security.md): switching TOTP on
 * or off, or requiring it, raced with sign-ins, codes, confirmations and adds. Each decision is audited
 * in the transaction that makes it, so the audit trail's order is the commit order: an answer given
 * under the old settings must have committed before the switch, one under the new settings after it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { describeCall, expectStatus, fails, ok, type CallResult } from '../../../support/http-client.js';
import { lastEvent } from '../../../support/account-probe.js';
import { race } from '../../../support/race.js';
import { raceSuite } from '../../../support/race-suite.js';
import { AuthenticatedResponse, ConfirmAuthenticatorResponse, EnrollmentRequiredResponse, PendingAuthenticator, TotpRequiredResponse, type AuditEvent } from '../../../../shared/api/schemas.js';
import { challengeFor, codeNow, createTotpUser, createUser, login, passwordSession, PERIOD_MS, submitCode, type TestUser } from '../../../support/totp.js';

const ROUNDS = 10;
const MAX_DELAY_MS = 25;

describe('invariants: a decision follows the settings committed before it', () => {
  const suite = raceSuite(8_501);

  afterEach(async () => {
    await suite.server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
  });

  const switchTo = (change: { totpEnabled?: boolean; totpRequiredForAll?: boolean }) => () => suite.api.patch('/admin/environment', { token: suite.admin, body: change });
  const switched = (setting: string, value: boolean) => (e: AuditEvent) => e.event === 'setting_changed' && e.detail['setting'] === setting && e.detail['value'] === value;
  const by = (user: TestUser, event: string) => (e: AuditEvent) => e.event === event && e.username === user.username;

  /** The order the two decisions committed in, from the audit trail: true when `first` came before `second`. */
  const before = async (first: (e: AuditEvent) => boolean, second: (e: AuditEvent) => boolean, where: string): Promise<boolean> => {
    const events = await suite.probe.audit();
    const a = lastEvent(events, first);
    const b = lastEvent(events, second);
    if (a === undefined || b === undefined) throw new Error(`${where}: an expected audit event is missing`);
    return a < b;
  };

  it(`TOTP switched on while a password sign-in runs: a full session only if the sign-in committed first (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      await suite.server.setEnvironment({ totpEnabled: true });
      const user = await createTotpUser(suite.server);
      await suite.server.setEnvironment({ totpEnabled: false });
      const [signedIn, change] = await race(() => login(suite.server, user.username, user.password), switchTo({ totpEnabled: true }), delay);
      const where = `round ${round}, delay ${delay} ms: ${describeCall(signedIn)}`;
      expectStatus(change, 200);
      const status = (signedIn.body as { status?: string }).status;
      if (status === 'authenticated') {
        ok(signedIn, 200, AuthenticatedResponse);
        expect(await before(by(user, 'login_succeeded'), switched('totpEnabled', true), where), where).toBe(true);
      } else {
        ok(signedIn, 200, TotpRequiredResponse);
        expect(await before(switched('totpEnabled', true), by(user, 'challenge_issued'), where), where).toBe(true);
      }
      suite.server.clock.advance(PERIOD_MS);
    }
  });

  it(`TOTP switched off while a code is checked: accepted only if it committed first, else totp_disabled (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      await suite.server.setEnvironment({ totpEnabled: true });
      const user = await createTotpUser(suite.server);
      const challenge = await challengeFor(suite.server, user.username, user.password);
      const [checked, change] = await race(() => submitCode(suite.server, challenge.id, codeNow(suite.server, user.secret)), switchTo({ totpEnabled: false }), delay);
      const where = `round ${round}, delay ${delay} ms: ${describeCall(checked)}`;
      expectStatus(change, 200);
      if (checked.status === 200) expect(await before(by(user, 'code_accepted'), switched('totpEnabled', false), where), where).toBe(true);
      else fails(checked, 409, 'totp_disabled');
      suite.server.clock.advance(PERIOD_MS);
    }
  });

  it(`TOTP required for everyone while a password sign-in runs: enrollment only if the switch committed first (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      await suite.server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
      const user = await createUser(suite.server);
      const [signedIn, change] = await race(() => login(suite.server, user.username, user.password), switchTo({ totpRequiredForAll: true }), delay);
      const where = `round ${round}, delay ${delay} ms: ${describeCall(signedIn)}`;
      expectStatus(change, 200);
      if ((signedIn.body as { status?: string }).status === 'authenticated') {
        expect(await before(by(user, 'login_succeeded'), switched('totpRequiredForAll', true), where), where).toBe(true);
      } else {
        ok(signedIn, 200, EnrollmentRequiredResponse);
        expect(await before(switched('totpRequiredForAll', true), by(user, 'enrollment_required'), where), where).toBe(true);
      }
    }
  });

  it(`TOTP required for one user while that user signs in: enrollment only if the change committed first (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createUser(suite.server);
      const [signedIn, change] = await race(
        () => login(suite.server, user.username, user.password),
        () => suite.api.patch(`/admin/users/${user.id}`, { token: suite.admin, body: { totpRequired: true } }),
        delay,
      );
      const where = `round ${round}, delay ${delay} ms: ${describeCall(signedIn)}`;
      expectStatus(change, 200);
      const required = (e: AuditEvent) => e.event === 'user_updated' && e.detail['user'] === user.username && e.detail['totpRequired'] === true;
      if ((signedIn.body as { status?: string }).status === 'authenticated') {
        expect(await before(by(user, 'login_succeeded'), required, where), where).toBe(true);
      } else {
        ok(signedIn, 200, EnrollmentRequiredResponse);
        expect(await before(required, by(user, 'enrollment_required'), where), where).toBe(true);
      }
    }
  });

  const offRacingOwner = async (act: (token: string, user: TestUser) => Promise<() => Promise<CallResult>>, event: string, success: number) => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      await suite.server.setEnvironment({ totpEnabled: true });
      const user = await createUser(suite.server);
      const { token } = await passwordSession(suite.server, user.username, user.password);
      const [res, change] = await race(await act(token, user), switchTo({ totpEnabled: false }), delay);
      const where = `round ${round}, delay ${delay} ms: ${describeCall(res)}`;
      expectStatus(change, 200);
      if (res.status === success) expect(await before(by(user, event), switched('totpEnabled', false), where), where).toBe(true);
      else fails(res, 409, 'totp_disabled');
      if (event === 'authenticator_confirmed' && res.status !== success) expect(await suite.probe.authenticatorCount(user.id, user.username), where).toBe(0);
      suite.server.clock.advance(PERIOD_MS);
    }
  };

  it(`TOTP switched off while an authenticator is confirmed: confirmed only if it committed first (${ROUNDS} rounds)`, async () => {
    await offRacingOwner(async (token) => {
      const pending = ok(await suite.api.post('/me/authenticators', { token, body: { name: 'Phone' } }), 201, PendingAuthenticator);
      return async () => {
        const res = await suite.api.post(`/me/authenticators/${pending.id}/confirm`, { token, body: { code: codeNow(suite.server, pending.secret) } });
        if (res.status === 200) ok(res, 200, ConfirmAuthenticatorResponse);
        return res;
      };
    }, 'authenticator_confirmed', 200);
  });

  it(`TOTP switched off while an authenticator is added: added only if it committed first (${ROUNDS} rounds)`, async () => {
    await offRacingOwner((token) => Promise.resolve(() => suite.api.post('/me/authenticators', { token, body: { name: 'Phone' } })), 'authenticator_added', 201);
  });
});
