/** Administration routes: users, per-user settings, TOTP revocation, environment; admin only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdminUserResponse,
  AdminUsersResponse,
  AuthenticatedResponse,
  EnrollmentRequiredResponse,
  Environment,
  InfoResponse,
  TotpRequiredResponse,
} from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, expectStatus, fails, ok, type ApiClient, type CallOptions, type Method } from '../../support/http-client.js';
import {
  adminToken,
  createTotpUser,
  createUser,
  login,
  passwordSession,
  RELAXED_THROTTLE,
  signIn,
  uniqueUsername,
} from '../../support/totp.js';

describe('administration', () => {
  let server: TestServer;
  let api: ApiClient;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    await server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false, name: 'Admin Test' });
    api = apiClient(server.api);
    token = await adminToken(server);
  });
  afterAll(async () => {
    await server.close();
  });

  describe('access', () => {
    const routes: readonly (readonly [Method, string, unknown?])[] = [
      ['GET', '/admin/users'],
      ['POST', '/admin/users', { username: 'mallory-made', password: 'long-enough-password' }],
      ['PATCH', '/admin/users/ID', { disabled: true }],
      ['DELETE', '/admin/users/ID/authenticators'],
      ['POST', '/admin/users/ID/password', { newPassword: 'taken-over-password' }],
      ['GET', '/admin/users/ID/trusted-computers'],
      ['DELETE', '/admin/users/ID/trusted-computers/trc_x'],
      ['DELETE', '/admin/users/ID/trusted-computers'],
      ['GET', '/admin/environment'],
      ['PATCH', '/admin/environment', { totpEnabled: false }],
      ['GET', '/admin/audit'],
    ];
    const send = (method: Method, path: string, body: unknown, options: CallOptions, id: string) =>
      api.call(method, path.replace('ID', id), body === undefined ? options : { ...options, body });

    it('answers 401 unauthorized without a token, on every admin route', async () => {
      const victim = await createUser(server);
      for (const [method, path, body] of routes) fails(await send(method, path, body, {}, victim.id), 401, 'unauthorized');
    });

    it('answers 403 forbidden to a signed-in user who is not an admin, on every admin route, and changes nothing', async () => {
      const victim = await createTotpUser(server);
      const user = await createUser(server);
      const session = await signIn(server, user);
      for (const [method, path, body] of routes) fails(await send(method, path, body, { token: session.token }, victim.id), 403, 'forbidden');
      // Nothing happened: the victim still needs a code, TOTP is still on, no user was made.
      ok(await login(server, victim.username, victim.password), 200, TotpRequiredResponse);
      expect(ok(await api.get('/info'), 200, InfoResponse).totp.enabled).toBe(true);
      const users = ok(await api.get('/admin/users?search=mallory-made', { token }), 200, AdminUsersResponse).users;
      expect(users).toEqual([]);
    });

    it("answers 403 forbidden to an admin's enrollment-only session", async () => {
      await server.setEnvironment({ totpRequiredForAll: true });
      try {
        const admin = await createUser(server, { isAdmin: true });
        const session = await passwordSession(server, admin.username, admin.password);
        for (const [method, path, body] of routes) fails(await send(method, path, body, { token: session.token }, admin.id), 403, 'forbidden');
      } finally {
        await server.setEnvironment({ totpRequiredForAll: false });
      }
    });
  });

  describe('users', () => {
    it('GET /admin/users lists users with their flags and authenticator count', async () => {
      const plain = await createUser(server, { displayName: 'Plain User' });
      const withApp = await createTotpUser(server, { totpRequired: true });
      const users = ok(await api.get('/admin/users', { token }), 200, AdminUsersResponse).users;
      const p = users.find((u) => u.id === plain.id);
      const w = users.find((u) => u.id === withApp.id);
      expect(p).toMatchObject({ username: plain.username, displayName: 'Plain User', isAdmin: false, disabled: false, totpRequired: false, authenticatorCount: 0 });
      expect(w).toMatchObject({ username: withApp.username, totpRequired: true, authenticatorCount: 1 });
      expect(JSON.stringify(users)).not.toContain(plain.password);
      expect(JSON.stringify(users)).not.toContain(withApp.secret);
    });

    it('GET /admin/users?search= filters by username', async () => {
      const needle = uniqueUsername('needle');
      const match = await createUser(server, { username: needle });
      await createUser(server, { username: uniqueUsername('hay') });
      const users = ok(await api.get(`/admin/users?search=${encodeURIComponent(needle)}`, { token }), 200, AdminUsersResponse).users;
      expect(users.map((u) => u.id)).toEqual([match.id]);
      const none = ok(await api.get('/admin/users?search=zz-no-such-user-zz', { token }), 200, AdminUsersResponse).users;
      expect(none).toEqual([]);
    });

    it('POST /admin/users creates a user who can then sign in', async () => {
      const username = uniqueUsername('made');
      const res = await api.post('/admin/users', {
        token,
        body: { username, password: 'a-good-long-password', displayName: 'Made By Admin', totpRequired: false },
      });
      expect([200, 201]).toContain(res.status);
      const user = ok(res, res.status, AdminUserResponse).user;
      expect(user).toMatchObject({ username, displayName: 'Made By Admin', isAdmin: false, disabled: false, totpRequired: false, authenticatorCount: 0 });
      expect(JSON.stringify(res.body)).not.toContain('a-good-long-password');
      const session = ok(await login(server, username, 'a-good-long-password'), 200, AuthenticatedResponse).session;
      expect(session.user.id).toBe(user.id);
    });

    it('POST /admin/users can make an admin and a TOTP-required user', async () => {
      const adminName = uniqueUsername('newadmin');
      ok(await api.post('/admin/users', { token, body: { username: adminName, password: 'another-long-password', isAdmin: true } }), 201, AdminUserResponse);
      expect(ok(await login(server, adminName, 'another-long-password'), 200, AuthenticatedResponse).session.user.isAdmin).toBe(true);
      const requiredName = uniqueUsername('newreq');
      ok(await api.post('/admin/users', { token, body: { username: requiredName, password: 'another-long-password', totpRequired: true } }), 201, AdminUserResponse);
      ok(await login(server, requiredName, 'another-long-password'), 200, EnrollmentRequiredResponse);
    });

    it('POST /admin/users refuses a taken username with invalid_request on username', async () => {
      const existing = await createUser(server);
      const error = fails(await api.post('/admin/users', { token, body: { username: existing.username, password: 'a-good-long-password' } }), 400, 'invalid_request');
      expect(Object.keys(error.fields ?? {})).toContain('username');
      // The existing user's password is unchanged.
      ok(await login(server, existing.username, existing.password), 200, AuthenticatedResponse);
    });

    it('POST /admin/users refuses a short password and a malformed username', async () => {
      const short = fails(await api.post('/admin/users', { token, body: { username: uniqueUsername('s'), password: 'short' } }), 400, 'invalid_request');
      expect(Object.keys(short.fields ?? {})).toContain('password');
      const bad = fails(await api.post('/admin/users', { token, body: { username: 'has space', password: 'a-good-long-password' } }), 400, 'invalid_request');
      expect(Object.keys(bad.fields ?? {})).toContain('username');
    });

    it('PATCH /admin/users/{id} sets totpRequired: the next sign-in asks for enrollment', async () => {
      const user = await createUser(server);
      const updated = ok(await api.patch(`/admin/users/${user.id}`, { token, body: { totpRequired: true } }), 200, AdminUserResponse).user;
      expect(updated).toMatchObject({ id: user.id, totpRequired: true, disabled: false });
      ok(await login(server, user.username, user.password), 200, EnrollmentRequiredResponse);
      ok(await api.patch(`/admin/users/${user.id}`, { token, body: { totpRequired: false } }), 200, AdminUserResponse);
      ok(await login(server, user.username, user.password), 200, AuthenticatedResponse);
    });

    it('PATCH /admin/users/{id} disables and re-enables a user', async () => {
      const user = await createUser(server);
      const disabled = ok(await api.patch(`/admin/users/${user.id}`, { token, body: { disabled: true } }), 200, AdminUserResponse).user;
      expect(disabled.disabled).toBe(true);
      fails(await login(server, user.username, user.password), 401, 'invalid_credentials');
      const listed = ok(await api.get(`/admin/users?search=${user.username}`, { token }), 200, AdminUsersResponse).users;
      expect(listed[0]?.disabled).toBe(true);
      ok(await api.patch(`/admin/users/${user.id}`, { token, body: { disabled: false } }), 200, AdminUserResponse);
      ok(await login(server, user.username, user.password), 200, AuthenticatedResponse);
    });

    it('PATCH and DELETE on an unknown user id answer 404 not_found', async () => {
      fails(await api.patch('/admin/users/usr_doesnotexist', { token, body: { disabled: true } }), 404, 'not_found');
      fails(await api.delete('/admin/users/usr_doesnotexist/authenticators', { token }), 404, 'not_found');
    });

    it('DELETE /admin/users/{id}/authenticators answers 204 and the user has no authenticator left', async () => {
      const user = await createTotpUser(server);
      expectStatus(await api.delete(`/admin/users/${user.id}/authenticators`, { token }), 204);
      const listed = ok(await api.get(`/admin/users?search=${user.username}`, { token }), 200, AdminUsersResponse).users;
      expect(listed[0]?.authenticatorCount).toBe(0);
      ok(await login(server, user.username, user.password), 200, AuthenticatedResponse);
    });
  });

  describe('environment', () => {
    it('GET /admin/environment reports the settings', async () => {
      const env = ok(await api.get('/admin/environment', { token }), 200, Environment);
      expect(env).toEqual({ environment: 'Admin Test', totpEnabled: true, totpRequiredForAll: false, ssoRequiredForAll: false, trustedComputerDays: 0 });
    });

    it('PATCH /admin/environment changes the settings, and sign-in and /info follow at once', async () => {
      const user = await createUser(server);
      const required = ok(await api.patch('/admin/environment', { token, body: { totpRequiredForAll: true } }), 200, Environment);
      expect(required).toEqual({ environment: 'Admin Test', totpEnabled: true, totpRequiredForAll: true, ssoRequiredForAll: false, trustedComputerDays: 0 });
      ok(await login(server, user.username, user.password), 200, EnrollmentRequiredResponse);

      const off = ok(await api.patch('/admin/environment', { token, body: { totpEnabled: false } }), 200, Environment);
      expect(off).toEqual({ environment: 'Admin Test', totpEnabled: false, totpRequiredForAll: true, ssoRequiredForAll: false, trustedComputerDays: 0 });
      expect(ok(await api.get('/info'), 200, InfoResponse).totp.enabled).toBe(false);
      ok(await login(server, user.username, user.password), 200, AuthenticatedResponse);

      const back = ok(await api.patch('/admin/environment', { token, body: { totpEnabled: true, totpRequiredForAll: false } }), 200, Environment);
      expect(back).toEqual({ environment: 'Admin Test', totpEnabled: true, totpRequiredForAll: false, ssoRequiredForAll: false, trustedComputerDays: 0 });
      expect(ok(await api.get('/admin/environment', { token }), 200, Environment)).toEqual(back);
      expect(ok(await api.get('/info'), 200, InfoResponse).totp.enabled).toBe(true);
    });
  });
});
