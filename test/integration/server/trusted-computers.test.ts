/**
 * Trusted computers: a code that trusts the computer, the password sign-in that then skips the code, what
 * refuses a token, how people and administrators see and end them, and the environment's days.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AdminUsersResponse,
  AuditResponse,
  AuthenticatedResponse,
  CodeAcceptedResponse,
  Environment,
  RecoveryResponse,
  TotpRequiredResponse,
  TrustedComputersResponse,
  type AuditEvent,
} from '../../../shared/api/schemas.js';
import { apiClient, expectStatus, fails, ok, type ApiClient } from '../../support/http-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import {
  challengeFor,
  codeNow,
  createTotpUser,
  createUser,
  enroll,
  passwordSession,
  RELAXED_THROTTLE,
  signIn,
  submitCode,
  uniqueUsername,
  type TestUser,
  type TotpUser,
} from '../../support/totp.js';
import { DAY_MS, loginWithToken, ownTrustedComputers, signInTrusting, trustedComputerOf } from '../../support/trusted.js';

describe('trusted computers', () => {
  let server: TestServer;
  let api: ApiClient;
  let administrator: TestUser;
  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    await server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
    api = apiClient(server.api);
    administrator = await createUser(server, { isAdmin: true, username: uniqueUsername('admin') });
  });
  /** A fresh administrator's session: tests move the clock by days, past any session's end. */
  const adminSession = async () => (await signIn(server, administrator)).token;
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await server.setEnvironment({ trustedComputerDays: 30 });
  });

  const audit = async (username: string): Promise<readonly AuditEvent[]> =>
    ok(await api.get(`/admin/audit?limit=50&username=${username}`, { token: await adminSession() }), 200, AuditResponse).events;
  const honoured = async (user: TotpUser, token: string) => ok(await loginWithToken(server, user.username, user.password, token), 200, AuthenticatedResponse);
  const challenged = async (user: TotpUser, token: string) => ok(await loginWithToken(server, user.username, user.password, token), 200, TotpRequiredResponse);

  describe('sign-in', () => {
    it('the challenge offers the environment days, 0 when off', async () => {
      const user = await createTotpUser(server);
      expect((await challengeFor(server, user.username, user.password)).trustedComputerDays).toBe(30);
      await server.setEnvironment({ trustedComputerDays: 0 });
      expect((await challengeFor(server, user.username, user.password)).trustedComputerDays).toBe(0);
    });

    it('a code with trustComputer trusts the computer; its token then skips the code, once per sign-in, audited', async () => {
      const user = await createTotpUser(server);
      const before = server.clock.now();
      const trusted = await trustedComputerOf(server, user, { name: '  Linux - LAPTOP-42  ', days: 7 });
      expect(trusted.token).toMatch(/^tc_[A-Za-z0-9_-]{43}$/);
      expect(trusted.name).toBe('Linux - LAPTOP-42');
      expect(Date.parse(trusted.expiresAt)).toBe(before + 7 * DAY_MS);

      const usedAt = server.clock.now();
      const answer = await honoured(user, trusted.token);
      expect(answer.trustedComputer).toEqual({ id: trusted.id, name: 'Linux - LAPTOP-42', expiresAt: trusted.expiresAt });
      expect(answer.session.user.username).toBe(user.username);
      expect(JSON.stringify(answer)).not.toContain(trusted.token);

      const [listed] = await ownTrustedComputers(server, answer.session.token);
      expect(listed).toEqual({
        id: trusted.id,
        name: 'Linux - LAPTOP-42',
        createdAt: new Date(before).toISOString(),
        lastUsedAt: new Date(usedAt).toISOString(),
        expiresAt: trusted.expiresAt,
        thisComputer: false,
      });
      const events = await audit(user.username);
      expect(events.map((e) => e.event).slice(0, 2)).toEqual(['login_succeeded', 'trusted_computer_used']);
      expect(events[0]?.detail).toEqual({ method: 'trusted_computer' });
      expect(events.find((e) => e.event === 'trusted_computer_added')?.detail).toEqual({ id: trusted.id, name: 'Linux - LAPTOP-42', days: 7 });
      expect(JSON.stringify(events)).not.toContain(trusted.token);
    });

    it('grants at most the environment days, and none while they are 0 (the sign-in still succeeds)', async () => {
      const user = await createTotpUser(server);
      await server.setEnvironment({ trustedComputerDays: 5 });
      const start = server.clock.now();
      expect(Date.parse((await trustedComputerOf(server, user, { name: 'Short', days: 365 })).expiresAt)).toBe(start + 5 * DAY_MS);
      await server.setEnvironment({ trustedComputerDays: 0 });
      const { session, trustedComputer } = await signInTrusting(server, user);
      expect(trustedComputer).toBeUndefined();
      expect(session.token).not.toBe('');
    });

    it('a recovery code may trust the computer too', async () => {
      const user = await createTotpUser(server);
      const challenge = await challengeFor(server, user.username, user.password);
      const res = await api.post('/auth/recovery', {
        body: { challengeId: challenge.id, recoveryCode: user.recoveryCodes[0], trustComputer: { name: 'Recovered', days: 3 } },
      });
      const trusted = ok(res, 200, RecoveryResponse).trustedComputer;
      expect(trusted?.name).toBe('Recovered');
      expect((await honoured(user, trusted?.token ?? '')).trustedComputer?.id).toBe(trusted?.id);
    });

    it('refuses a bad name or days with the field named, and spends nothing', async () => {
      const user = await createTotpUser(server);
      const challenge = await challengeFor(server, user.username, user.password);
      const cases: readonly (readonly [unknown, string, string])[] = [
        [{ name: '   ', days: 3 }, 'trustComputer.name', 'must not be blank'],
        [{ name: 'x'.repeat(65), days: 3 }, 'trustComputer.name', 'must be at most 64 characters'],
        [{ name: 'Tab\there', days: 3 }, 'trustComputer.name', 'must not contain control characters'],
        [{ name: 'ok', days: 0 }, 'trustComputer.days', 'must be at least 1'],
        [{ name: 'ok', days: 366 }, 'trustComputer.days', 'must be at most 365'],
        [{ name: 'ok', days: 1.5 }, 'trustComputer.days', 'must be an integer'],
        [{ name: 'ok' }, 'trustComputer.days', 'is required'],
      ];
      for (const [trustComputer, field, reason] of cases) {
        const error = fails(await api.post('/auth/totp', { body: { challengeId: challenge.id, code: codeNow(server, user.secret), trustComputer } }), 400, 'invalid_request');
        expect(error.fields, JSON.stringify(trustComputer)).toEqual({ [field]: reason });
      }
      const accepted = ok(await submitCode(server, challenge.id, codeNow(server, user.secret)), 200, CodeAcceptedResponse);
      expect(accepted.trustedComputer).toBeUndefined();
      fails(await api.post('/auth/login', { body: { username: user.username, password: user.password, trustedComputerToken: 'has spaces' } }), 400, 'invalid_request');
    });

    it('a token that is unknown, another user’s, expired or turned off gives a challenge, audited with its reason', async () => {
      const owner = await createTotpUser(server);
      const other = await createTotpUser(server);
      const trusted = await trustedComputerOf(server, owner, { name: 'Owner', days: 2 });
      const reasonOf = async (user: TotpUser) => (await audit(user.username)).find((e) => e.event === 'trusted_computer_refused')?.detail;

      await challenged(other, trusted.token);
      expect(await reasonOf(other)).toEqual({ reason: 'unknown' });
      await challenged(owner, `tc_${'A'.repeat(43)}`);
      expect(await reasonOf(owner)).toEqual({ reason: 'unknown' });

      server.clock.advance(2 * DAY_MS);
      await challenged(owner, trusted.token);
      expect(await reasonOf(owner)).toEqual({ reason: 'expired' });

      const fresh = await trustedComputerOf(server, owner);
      await server.setEnvironment({ trustedComputerDays: 0 });
      await challenged(owner, fresh.token);
      expect(await reasonOf(owner)).toEqual({ reason: 'turned_off' });
      // Turning them back on revives nothing: turning off ended them.
      await server.setEnvironment({ trustedComputerDays: 30 });
      await challenged(owner, fresh.token);
      expect(await reasonOf(owner)).toEqual({ reason: 'unknown' });
    });

    it('never replaces the password: a wrong password with a good token is refused', async () => {
      const user = await createTotpUser(server);
      const trusted = await trustedComputerOf(server, user);
      fails(await loginWithToken(server, user.username, 'not-the-password', trusted.token), 401, 'invalid_credentials');
    });

    it('lowering the days shortens existing trusts; raising them lengthens none beyond what was granted', async () => {
      const user = await createTotpUser(server);
      const start = server.clock.now();
      const trusted = await trustedComputerOf(server, user, { name: 'Month', days: 30 });
      await server.setEnvironment({ trustedComputerDays: 3 });
      expect((await ownTrustedComputers(server, user.token))[0]?.expiresAt).toBe(new Date(start + 3 * DAY_MS).toISOString());
      server.clock.advance(3 * DAY_MS);
      await challenged(user, trusted.token);
      await server.setEnvironment({ trustedComputerDays: 365 });
      expect((await ownTrustedComputers(server, (await signIn(server, user)).token))[0]?.expiresAt).toBe(trusted.expiresAt);
      expect((await honoured(user, trusted.token)).trustedComputer?.expiresAt).toBe(trusted.expiresAt);
    });

    it('a user keeps at most 20: the 21st ends the least recently used one', async () => {
      const user = await createTotpUser(server);
      const made = [];
      for (let i = 0; i < 20; i += 1) made.push(await trustedComputerOf(server, user, { name: `Computer ${i}`, days: 30 }));
      // Computer 0 is the oldest but was just used: Computer 1 is the least recently used.
      await honoured(user, made[0]?.token ?? '');
      await trustedComputerOf(server, user, { name: 'Computer 20', days: 30 });
      const names = (await ownTrustedComputers(server, user.token)).map((c) => c.name);
      expect(names).toHaveLength(20);
      expect(names[0]).toBe('Computer 20');
      expect(names).toContain('Computer 0');
      expect(names).not.toContain('Computer 1');
      expect((await audit(user.username)).find((e) => e.event === 'trusted_computers_ended')?.detail).toEqual({ reason: 'replaced', count: 1, by: 'user' });
    });
  });

  describe('seeing and ending them', () => {
    it('GET /me lists the live ones newest first, with the days', async () => {
      const user = await createTotpUser(server);
      const first = await trustedComputerOf(server, user, { name: 'First', days: 1 });
      const second = await trustedComputerOf(server, user, { name: 'Second', days: 30 });
      expect((await ownTrustedComputers(server, user.token)).map((c) => c.id)).toEqual([second.id, first.id]);
      server.clock.advance(DAY_MS);
      const session = await signIn(server, user);
      expect((await ownTrustedComputers(server, session.token)).map((c) => c.id)).toEqual([second.id]);
      const me = await api.get('/me', { token: session.token });
      expect((me.body as { trustedComputers: unknown }).trustedComputers).toMatchObject({ days: 30 });
    });

    it('DELETE /me/trusted-computers/{id} ends one of one’s own; another user’s is not_found', async () => {
      const user = await createTotpUser(server);
      const other = await createTotpUser(server);
      const kept = await trustedComputerOf(server, user, { name: 'Kept', days: 30 });
      const revoked = await trustedComputerOf(server, user, { name: 'Revoked', days: 30 });
      const others = await trustedComputerOf(server, other);
      fails(await api.delete(`/me/trusted-computers/${others.id}`, { token: user.token }), 404, 'not_found');
      expectStatus(await api.delete(`/me/trusted-computers/${revoked.id}`, { token: user.token }), 204);
      fails(await api.delete(`/me/trusted-computers/${revoked.id}`, { token: user.token }), 404, 'not_found');
      await challenged(user, revoked.token);
      await honoured(user, kept.token);
      await honoured(other, others.token);
      const event = (await audit(user.username)).find((e) => e.event === 'trusted_computer_revoked');
      expect(event?.detail).toEqual({ id: revoked.id, name: 'Revoked', by: 'user' });
    });

    it('DELETE /me/trusted-computers forgets them all, audited with the count; an enrollment session may not', async () => {
      const user = await createTotpUser(server);
      const a = await trustedComputerOf(server, user);
      const b = await trustedComputerOf(server, user);
      expectStatus(await api.delete('/me/trusted-computers', { token: user.token }), 204);
      await challenged(user, a.token);
      await challenged(user, b.token);
      expect(await ownTrustedComputers(server, user.token)).toEqual([]);
      expect((await audit(user.username)).find((e) => e.event === 'trusted_computers_ended')?.detail).toEqual({ reason: 'forget_all', count: 2, by: 'user' });

      const newcomer = await createUser(server, { totpRequired: true });
      const enrollment = await passwordSession(server, newcomer.username, newcomer.password);
      fails(await api.delete('/me/trusted-computers', { token: enrollment.token }), 403, 'forbidden');
      fails(await api.delete('/me/trusted-computers/trc_x', { token: enrollment.token }), 403, 'forbidden');
    });

    it('removing an authenticator, a TOTP revocation and a disable end them all', async () => {
      const removing = await createTotpUser(server);
      const tablet = await enroll(server, removing.token, 'Tablet');
      const one = await trustedComputerOf(server, removing);
      expectStatus(await api.delete(`/me/authenticators/${tablet.id}`, { token: removing.token }), 204);
      await challenged(removing, one.token);

      const revoked = await createTotpUser(server);
      const two = await trustedComputerOf(server, revoked);
      expectStatus(await api.delete(`/admin/users/${revoked.id}/authenticators`, { token: await adminSession() }), 204);
      expect(ok(await loginWithToken(server, revoked.username, revoked.password, two.token), 200, AuthenticatedResponse).trustedComputer).toBeUndefined();

      const disabled = await createTotpUser(server);
      const three = await trustedComputerOf(server, disabled);
      expectStatus(await api.patch(`/admin/users/${disabled.id}`, { token: await adminSession(), body: { disabled: true } }), 200);
      expectStatus(await api.patch(`/admin/users/${disabled.id}`, { token: await adminSession(), body: { disabled: false } }), 200);
      await challenged(disabled, three.token);

      const reasons = async (user: TotpUser) => (await audit(user.username)).filter((e) => e.event === 'trusted_computers_ended').map((e) => e.detail['reason']);
      expect(await reasons(removing)).toEqual(['authenticator_removed']);
      expect(await reasons(revoked)).toEqual(['totp_revoked']);
      expect(await reasons(disabled)).toEqual(['user_disabled']);
    });
  });

  describe('administration', () => {
    it('lists, revokes and forgets a user’s trusted computers; the users list counts the live ones', async () => {
      const user = await createTotpUser(server);
      const a = await trustedComputerOf(server, user, { name: 'A', days: 30 });
      const b = await trustedComputerOf(server, user, { name: 'B', days: 30 });
      const count = async () =>
        ok(await api.get(`/admin/users?search=${user.username}`, { token: await adminSession() }), 200, AdminUsersResponse).users.find((u) => u.id === user.id)?.trustedComputers;
      expect(await count()).toBe(2);
      const listed = ok(await api.get(`/admin/users/${user.id}/trusted-computers`, { token: await adminSession() }), 200, TrustedComputersResponse);
      expect(listed.computers.map((c) => c.name)).toEqual(['B', 'A']);

      expectStatus(await api.delete(`/admin/users/${user.id}/trusted-computers/${a.id}`, { token: await adminSession() }), 204);
      fails(await api.delete(`/admin/users/${user.id}/trusted-computers/${a.id}`, { token: await adminSession() }), 404, 'not_found');
      await challenged(user, a.token);
      expect(await count()).toBe(1);
      expectStatus(await api.delete(`/admin/users/${user.id}/trusted-computers`, { token: await adminSession() }), 204);
      await challenged(user, b.token);
      expect(await count()).toBe(0);
      fails(await api.get('/admin/users/usr_nobody/trusted-computers', { token: await adminSession() }), 404, 'not_found');

      const events = (await audit(user.username)).filter((e) => e.event === 'trusted_computer_revoked' || e.event === 'trusted_computers_ended');
      expect(events.map((e) => e.detail['by'])).toEqual(['admin', 'admin']);
      expect(events.every((e) => typeof e.detail['admin'] === 'string' && e.detail['admin'] !== '')).toBe(true);
    });

    it('GET/PATCH /admin/environment carry trustedComputerDays (0 to 365); 0 ends every trusted computer', async () => {
      const user = await createTotpUser(server);
      const trusted = await trustedComputerOf(server, user);
      expect(ok(await api.get('/admin/environment', { token: await adminSession() }), 200, Environment).trustedComputerDays).toBe(30);
      for (const days of [-1, 366, 2.5, '30']) {
        fails(await api.patch('/admin/environment', { token: await adminSession(), body: { trustedComputerDays: days } }), 400, 'invalid_request');
      }
      expect(ok(await api.patch('/admin/environment', { token: await adminSession(), body: { trustedComputerDays: 0 } }), 200, Environment).trustedComputerDays).toBe(0);
      const ended = ok(await api.get('/admin/audit?limit=20', { token: await adminSession() }), 200, AuditResponse).events.find((e) => e.event === 'trusted_computers_ended');
      expect(ended?.detail).toMatchObject({ reason: 'turned_off', by: 'admin' });
      expect(Number(ended?.detail['count'])).toBeGreaterThanOrEqual(1);
      await server.setEnvironment({ trustedComputerDays: 30 });
      await challenged(user, trusted.token);
    });
  });

  describe('password changes', () => {
    it('POST /me/password: the calling session stays, every other session, challenge and trusted computer ends', async () => {
      const user = await createTotpUser(server);
      const other = await signIn(server, user);
      const trusted = await trustedComputerOf(server, user);
      const pending = await challengeFor(server, user.username, user.password);
      const newPassword = 'a-brand-new-password';
      expectStatus(await api.post('/me/password', { token: user.token, body: { currentPassword: user.password, newPassword } }), 204);

      expect((await api.get('/me', { token: user.token })).status).toBe(200);
      fails(await api.get('/me', { token: other.token }), 401, 'unauthorized');
      fails(await submitCode(server, pending.id, codeNow(server, user.secret)), 401, 'challenge_expired');
      fails(await loginWithToken(server, user.username, user.password, trusted.token), 401, 'invalid_credentials');
      ok(await loginWithToken(server, user.username, newPassword, trusted.token), 200, TotpRequiredResponse);
      const events = (await audit(user.username)).map((e) => [e.event, e.detail] as const);
      expect(events).toContainEqual(['password_changed', { by: 'user' }]);
      expect(events).toContainEqual(['trusted_computers_ended', { reason: 'password_changed', count: 1, by: 'user' }]);
    });

    it('a wrong current password is invalid_credentials, counted as a wrong password, and changes nothing', async () => {
      const user = await createTotpUser(server);
      const newPassword = 'never-set-password';
      fails(await api.post('/me/password', { token: user.token, body: { currentPassword: 'wrong-password', newPassword } }), 401, 'invalid_credentials');
      fails(await api.post('/me/password', { token: user.token, body: { currentPassword: user.password, newPassword: 'short' } }), 400, 'invalid_request');
      ok(await loginWithToken(server, user.username, user.password, `tc_${'B'.repeat(43)}`), 200, TotpRequiredResponse);
      const events = await audit(user.username);
      expect(events.find((e) => e.event === 'password_change_failed')?.detail).toEqual({ reason: 'wrong_password' });
      expect(events.some((e) => e.event === 'password_changed')).toBe(false);
    });

    it('an enrollment session may not change the password', async () => {
      const newcomer = await createUser(server, { totpRequired: true });
      const enrollment = await passwordSession(server, newcomer.username, newcomer.password);
      fails(await api.post('/me/password', { token: enrollment.token, body: { currentPassword: newcomer.password, newPassword: 'another-password' } }), 403, 'forbidden');
    });

    it('POST /admin/users/{id}/password sets a new one and ends every session, challenge and trusted computer', async () => {
      const user = await createTotpUser(server);
      const trusted = await trustedComputerOf(server, user);
      const newPassword = 'set-by-the-admin';
      fails(await api.post(`/admin/users/${user.id}/password`, { token: await adminSession(), body: { newPassword: 'short' } }), 400, 'invalid_request');
      fails(await api.post('/admin/users/usr_nobody/password', { token: await adminSession(), body: { newPassword } }), 404, 'not_found');
      expectStatus(await api.post(`/admin/users/${user.id}/password`, { token: await adminSession(), body: { newPassword } }), 204);
      fails(await api.get('/me', { token: user.token }), 401, 'unauthorized');
      fails(await loginWithToken(server, user.username, user.password, trusted.token), 401, 'invalid_credentials');
      ok(await loginWithToken(server, user.username, newPassword, trusted.token), 200, TotpRequiredResponse);
      const events = (await audit(user.username)).map((e) => [e.event, e.detail['by'], e.detail['reason']] as const);
      expect(events).toContainEqual(['password_changed', 'admin', undefined]);
      expect(events).toContainEqual(['trusted_computers_ended', 'admin', 'password_changed']);
    });
  });
});

describe('password changes under the default throttle', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.setEnvironment({ totpEnabled: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('wrong current passwords count like wrong sign-in passwords: the fifth locks the username at that address, sign-in included', async () => {
    const api = apiClient(server.api);
    const user = await createUser(server);
    const session = await signIn(server, user);
    const change = () => api.post('/me/password', { token: session.token, body: { currentPassword: 'not-my-password', newPassword: 'a-new-password' } });
    for (let i = 1; i < 5; i += 1) fails(await change(), 401, 'invalid_credentials');
    expect(fails(await change(), 429, 'too_many_attempts').retryAfter).toBe(60);
    fails(await api.post('/auth/login', { body: { username: user.username, password: user.password } }), 429, 'too_many_attempts');
    fails(await api.post('/me/password', { token: session.token, body: { currentPassword: user.password, newPassword: 'a-new-password' } }), 429, 'too_many_attempts');
    // Another address is not locked out.
    expect((await api.post('/auth/login', { body: { username: user.username, password: user.password }, localAddress: '127.0.0.2' })).status).toBe(200);
  });
});
