/**
 * Revocation ends sessions and pending challenges at once: logout, admin TOTP revocation, disabling a user,
 * and removing one's own authenticator (which keeps the caller's session and ends the others).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdminUserResponse,
  AuthenticatedResponse,
  EnrollmentRequiredResponse,
  MeResponse,
  RecoveryResponse,
  TotpRequiredResponse,
} from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, expectStatus, fails, ok, type ApiClient } from '../../support/http-client.js';
import {
  adminToken,
  challengeFor,
  codeAt,
  createTotpUser,
  createUser,
  enroll,
  login,
  passwordSession,
  RELAXED_THROTTLE,
  signIn,
  submitCode,
  submitRecoveryCode,
} from '../../support/totp.js';

describe('revocation', () => {
  let server: TestServer;
  let api: ApiClient;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    await server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
    api = apiClient(server.api);
    admin = await adminToken(server);
  });
  afterAll(async () => {
    await server.close();
  });

  const alive = async (token: string) => ok(await api.get('/me', { token }), 200, MeResponse);
  const dead = async (token: string) => fails(await api.get('/me', { token }), 401, 'unauthorized');

  describe('logout', () => {
    it('kills exactly the token it was called with', async () => {
      const user = await createTotpUser(server);
      const a = await signIn(server, user);
      const b = await signIn(server, user);
      expectStatus(await api.post('/auth/logout', { token: a.token }), 204);
      await dead(a.token);
      await alive(b.token);
      await alive(user.token);
    });
  });

  describe('DELETE /admin/users/{id}/authenticators', () => {
    it("ends the user's sessions and pending challenges, and the next sign-in of a required user is enrollment_required", async () => {
      const user = await createTotpUser(server, { totpRequired: true });
      const other = await createTotpUser(server);
      const session = await signIn(server, user);
      const pending = await challengeFor(server, user.username, user.password);
      await alive(session.token);

      expectStatus(await api.delete(`/admin/users/${user.id}/authenticators`, { token: admin }), 204);

      await dead(session.token);
      await dead(user.token);
      fails(await submitCode(server, pending.id, codeAt(user.secret, server.clock.now())), 401, 'challenge_expired');
      ok(await login(server, user.username, user.password), 200, EnrollmentRequiredResponse);
      // Other users are not touched.
      await alive(other.token);
      await alive(admin);
    });

    it('a user who is not required simply signs in with the password afterwards', async () => {
      const user = await createTotpUser(server);
      expectStatus(await api.delete(`/admin/users/${user.id}/authenticators`, { token: admin }), 204);
      ok(await login(server, user.username, user.password), 200, AuthenticatedResponse);
    });

    it('revokes the recovery codes too: they stay dead after the user enrolls again', async () => {
      const user = await createTotpUser(server, { totpRequired: true });
      const pending = await challengeFor(server, user.username, user.password);
      expectStatus(await api.delete(`/admin/users/${user.id}/authenticators`, { token: admin }), 204);
      const [first] = user.recoveryCodes;
      if (first === undefined) throw new Error('no recovery code');
      fails(await submitRecoveryCode(server, pending.id, first), 401, 'challenge_expired');

      const enrollmentSession = await passwordSession(server, user.username, user.password);
      const again = await enroll(server, enrollmentSession.token, 'New phone');
      expect(again.recoveryCodes).toHaveLength(10);
      const challenge = await challengeFor(server, user.username, user.password);
      fails(await submitRecoveryCode(server, challenge.id, first), 401, 'invalid_code');
      const fresh = again.recoveryCodes?.[0];
      if (fresh === undefined) throw new Error('no new recovery code');
      ok(await submitRecoveryCode(server, challenge.id, fresh), 200, RecoveryResponse);
      // And the old authenticator's codes are refused.
      const next = await challengeFor(server, user.username, user.password);
      fails(await submitCode(server, next.id, codeAt(user.secret, server.clock.now())), 401, 'invalid_code');
    });
  });

  describe('PATCH /admin/users/{id} {disabled: true}', () => {
    it('ends the sessions and pending challenges of the user at once', async () => {
      const user = await createTotpUser(server);
      const session = await signIn(server, user);
      const pending = await challengeFor(server, user.username, user.password);
      ok(await api.patch(`/admin/users/${user.id}`, { token: admin, body: { disabled: true } }), 200, AdminUserResponse);
      await dead(session.token);
      await dead(user.token);
      fails(await submitCode(server, pending.id, codeAt(user.secret, server.clock.now())), 401, 'challenge_expired');
      fails(await login(server, user.username, user.password), 401, 'invalid_credentials');

      // Re-enabled, the user signs in again, but the old sessions stay dead.
      expectStatus(await api.patch(`/admin/users/${user.id}`, { token: admin, body: { disabled: false } }), 200);
      await dead(session.token);
      const challenge = ok(await login(server, user.username, user.password), 200, TotpRequiredResponse).challenge;
      ok(await submitCode(server, challenge.id, codeAt(user.secret, server.clock.now())), 200, AuthenticatedResponse);
    });

    it('ends enrollment sessions too', async () => {
      const user = await createUser(server, { totpRequired: true });
      const enrollmentSession = await passwordSession(server, user.username, user.password);
      expectStatus(await api.patch(`/admin/users/${user.id}`, { token: admin, body: { disabled: true } }), 200);
      fails(await api.post('/me/authenticators', { token: enrollmentSession.token, body: { name: 'Phone' } }), 401, 'unauthorized');
    });
  });

  describe('DELETE /me/authenticators/{id}', () => {
    it("keeps the caller's session, ends the user's other sessions and pending challenges", async () => {
      const user = await createTotpUser(server, { authenticatorName: 'Phone' });
      const tablet = await enroll(server, user.token, 'Tablet');
      const elsewhere = await signIn(server, user);
      const pending = await challengeFor(server, user.username, user.password);
      const other = await createTotpUser(server);

      expectStatus(await api.delete(`/me/authenticators/${tablet.id}`, { token: user.token }), 204);

      const me = await alive(user.token);
      expect(me.totp.authenticators.map((a) => a.name)).toEqual(['Phone']);
      await dead(elsewhere.token);
      fails(await submitCode(server, pending.id, codeAt(user.secret, server.clock.now())), 401, 'challenge_expired');
      await alive(other.token);
      // The removed authenticator's codes no longer sign in; the remaining one's do.
      const challenge = await challengeFor(server, user.username, user.password);
      fails(await submitCode(server, challenge.id, codeAt(tablet.secret, server.clock.now())), 401, 'invalid_code');
      ok(await submitCode(server, challenge.id, codeAt(user.secret, server.clock.now())), 200, AuthenticatedResponse);
    });
  });
});
