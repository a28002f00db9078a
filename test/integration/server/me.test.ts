/** GET /me and the session token itself: shape, what it reports, expiry, logout, bad tokens. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeResponse } from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, expectStatus, fails, ok, type ApiClient } from '../../support/http-client.js';
import { createTotpUser, createUser, passwordSession, RELAXED_THROTTLE, signIn } from '../../support/totp.js';

const SESSION_TTL_MS = 12 * 3600_000;

describe('GET /me', () => {
  let server: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    await server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
    api = apiClient(server.api);
  });
  afterAll(async () => {
    await server.close();
  });

  it('describes the user, their TOTP state and the session', async () => {
    const user = await createUser(server, { displayName: 'Grace Hopper' });
    const session = await signIn(server, user);
    const me = ok(await api.get('/me', { token: session.token }), 200, MeResponse);
    expect(me.user).toEqual({ id: user.id, username: user.username, displayName: 'Grace Hopper', isAdmin: false });
    expect(me.totp).toEqual({ environmentEnabled: true, required: false, authenticators: [], recoveryCodesRemaining: 0 });
    expect(me.session.expiresAt).toBe(session.expiresAt);
  });

  it('lists confirmed authenticators with createdAt and lastUsedAt (set once a code was used)', async () => {
    const user = await createTotpUser(server, { authenticatorName: 'Pixel' });
    const enrolledAt = server.clock.now();
    const before = ok(await api.get('/me', { token: user.token }), 200, MeResponse);
    expect(before.totp.authenticators).toHaveLength(1);
    const [a] = before.totp.authenticators;
    expect(a?.id).toBe(user.authenticatorId);
    expect(a?.name).toBe('Pixel');
    expect(Date.parse(a?.createdAt ?? '')).toBeLessThanOrEqual(enrolledAt);
    expect(before.totp.recoveryCodesRemaining).toBe(10);

    const signInAt = server.clock.now();
    const session = await signIn(server, user);
    const after = ok(await api.get('/me', { token: session.token }), 200, MeResponse);
    expect(Date.parse(after.totp.authenticators[0]?.lastUsedAt ?? '')).toBe(signInAt);
  });

  it('reports required: true for a required user and for everyone when the environment requires it', async () => {
    const required = await createTotpUser(server, { totpRequired: true });
    const optional = await createTotpUser(server);
    expect(ok(await api.get('/me', { token: required.token }), 200, MeResponse).totp.required).toBe(true);
    expect(ok(await api.get('/me', { token: optional.token }), 200, MeResponse).totp.required).toBe(false);
    await server.setEnvironment({ totpRequiredForAll: true });
    try {
      expect(ok(await api.get('/me', { token: optional.token }), 200, MeResponse).totp.required).toBe(true);
    } finally {
      await server.setEnvironment({ totpRequiredForAll: false });
    }
  });

  it('reports the environment switch', async () => {
    const user = await createUser(server);
    const session = await signIn(server, user);
    await server.setEnvironment({ totpEnabled: false });
    try {
      const me = ok(await api.get('/me', { token: session.token }), 200, MeResponse);
      expect(me.totp.environmentEnabled).toBe(false);
      expect(me.totp.required).toBe(false);
    } finally {
      await server.setEnvironment({ totpEnabled: true });
    }
  });

  it('an admin is reported as such', async () => {
    const admin = await createUser(server, { isAdmin: true });
    const me = ok(await api.get('/me', { token: (await signIn(server, admin)).token }), 200, MeResponse);
    expect(me.user.isAdmin).toBe(true);
  });

  describe('tokens', () => {
    it('no token, an unknown token, or a non-bearer Authorization header: 401 unauthorized', async () => {
      fails(await api.get('/me'), 401, 'unauthorized');
      fails(await api.get('/me', { token: 'x'.repeat(43) }), 401, 'unauthorized');
      fails(await api.get('/me', { token: '' }), 401, 'unauthorized');
      const user = await createUser(server);
      const session = await signIn(server, user);
      fails(await api.get('/me', { headers: { authorization: `Basic ${session.token}` } }), 401, 'unauthorized');
      fails(await api.get('/me', { headers: { authorization: session.token } }), 401, 'unauthorized');
      fails(await api.get('/me', { token: `${session.token}x` }), 401, 'unauthorized');
      fails(await api.get('/me', { token: session.token.slice(0, -1) }), 401, 'unauthorized');
      ok(await api.get('/me', { token: session.token }), 200, MeResponse);
    });

    it('a session lasts 12 hours on the server clock', async () => {
      const user = await createUser(server);
      const session = await signIn(server, user);
      expect(Date.parse(session.expiresAt)).toBe(server.clock.now() + SESSION_TTL_MS);
      server.clock.advance(SESSION_TTL_MS - 1_000);
      ok(await api.get('/me', { token: session.token }), 200, MeResponse);
      server.clock.advance(2_000);
      fails(await api.get('/me', { token: session.token }), 401, 'unauthorized');
    });

    it('POST /auth/logout answers 204 and the token is dead at once; other sessions live on', async () => {
      const user = await createUser(server);
      const one = await signIn(server, user);
      const two = await signIn(server, user);
      expectStatus(await api.post('/auth/logout', { token: one.token }), 204);
      fails(await api.get('/me', { token: one.token }), 401, 'unauthorized');
      fails(await api.post('/auth/logout', { token: one.token }), 401, 'unauthorized');
      ok(await api.get('/me', { token: two.token }), 200, MeResponse);
    });

    it('POST /auth/logout without a token answers 401 unauthorized', async () => {
      fails(await api.post('/auth/logout'), 401, 'unauthorized');
    });

    it('an enrollment session can be logged out too', async () => {
      const user = await createUser(server, { totpRequired: true });
      const session = await passwordSession(server, user.username, user.password);
      expectStatus(await api.post('/auth/logout', { token: session.token }), 204);
      fails(await api.post('/me/authenticators', { token: session.token, body: { name: 'Phone' } }), 401, 'unauthorized');
    });
  });
});
