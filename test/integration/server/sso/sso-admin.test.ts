/**
 * SSO beside the rest of the API, without a browser: /info, the start URL's checks, password sign-in
 * for accounts that must use SSO, per-user and environment-wide modes with their session endings,
 * and the exchange's input checks.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminUserResponse, AuditResponse, AuthenticatedResponse, Environment, InfoResponse, MeResponse } from '../../../../shared/api/schemas.js';
import { apiClient, fails, ok, type ApiClient } from '../../../support/http-client.js';
import { startLoopbackApp } from '../../../support/sso/loopback-app.js';
import { callback, exchange, redirectedTo, startByHand, startSsoSetup, type SsoSetup } from '../../../support/sso/sso-setup.js';
import { startTestServer } from '../../../support/test-server.js';
import {
  adminToken,
  challengeFor,
  codeNow,
  createTotpUser,
  createUser,
  login,
  passwordStep,
  RELAXED_THROTTLE,
  signIn,
  submitCode,
} from '../../../support/totp.js';

describe('SSO administration and checks', () => {
  let setup: SsoSetup;
  let api: ApiClient;
  let admin: string;
  beforeAll(async () => {
    setup = await startSsoSetup({ connections: [{ id: 'idp', displayName: 'Acme Login' }, { id: 'spare' }] });
    await setup.server.setEnvironment({ totpEnabled: true, ssoRequiredForAll: false });
    api = apiClient(setup.server.api);
    admin = await adminToken(setup.server);
  });
  afterAll(async () => {
    await setup.close();
  });

  const auditOf = async (username: string) =>
    ok(await api.get(`/admin/audit?username=${username}`, { token: admin }), 200, AuditResponse).events.map((e) => ({ event: e.event, ...e.detail }));

  it('GET /info names the providers and where to start, and nothing else about them', async () => {
    const info = ok(await api.get('/info'), 200, InfoResponse);
    expect(info.sso).toEqual({
      enabled: true,
      requiredForAll: false,
      providers: [
        { id: 'idp', displayName: 'Acme Login', startUrl: `${setup.server.api}/auth/sso/idp/start` },
        { id: 'spare', displayName: 'Test IdP spare', startUrl: `${setup.server.api}/auth/sso/spare/start` },
      ],
    });
  });

  describe('the start URL', () => {
    const start = (query: Record<string, string>, provider = 'idp') => api.get(`/auth/sso/${provider}/start?${new URLSearchParams(query).toString()}`);
    const desktop = { state: 'app-state-0123456789abcdef', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' };

    it.each([
      ['another loopback spelling', 'http://localhost:53123/callback'],
      ['the IPv6 loopback', 'http://[::1]:53123/callback'],
      ['another address', 'http://127.0.0.2:53123/callback'],
      ['a shortened address', 'http://127.1:53123/callback'],
      ['a hexadecimal address', 'http://0x7f000001:53123/callback'],
      ['a remote host', 'http://evil.example:53123/callback'],
      ['https', 'https://127.0.0.1:53123/callback'],
      ['a custom scheme', 'dev.stepgate.desktop:/callback'],
      ['no port', 'http://127.0.0.1/callback'],
      ['a privileged port', 'http://127.0.0.1:80/callback'],
      ['a port out of range', 'http://127.0.0.1:70000/callback'],
      ['a user name', 'http://user@127.0.0.1:53123/callback'],
      ['a host hidden behind a user name', 'http://127.0.0.1:53123@evil.example/callback'],
      ['a query', 'http://127.0.0.1:53123/callback?next=x'],
      ['a fragment', 'http://127.0.0.1:53123/callback#x'],
      ['a dot segment', 'http://127.0.0.1:53123/a/../callback'],
      ['an empty segment', 'http://127.0.0.1:53123//evil.example'],
      ['a backslash', 'http://127.0.0.1:53123\\@evil.example/'],
      ['percent-encoding', 'http://127.0.0.1:53123/%2e%2e/callback'],
      ['no path', 'http://127.0.0.1:53123'],
    ])('refuses a loopback redirect with %s', async (_what, redirect) => {
      const error = fails(await start({ ...desktop, redirect_uri: redirect }), 400, 'invalid_request');
      expect(Object.keys(error.fields ?? {})).toEqual(['redirect_uri']);
    });

    it('refuses a desktop start that leaves out a parameter, uses plain PKCE, a short state or adds a page', async () => {
      const redirect_uri = 'http://127.0.0.1:53123/callback';
      expect(fails(await start({ redirect_uri, state: desktop.state, code_challenge_method: 'S256' }), 400, 'invalid_request').fields).toEqual({
        code_challenge: 'is required with the other loopback sign-in parameters',
      });
      expect(fails(await start({ ...desktop, redirect_uri, code_challenge_method: 'plain' }), 400, 'invalid_request').fields).toHaveProperty('code_challenge_method');
      expect(fails(await start({ ...desktop, redirect_uri, state: 'short' }), 400, 'invalid_request').fields).toHaveProperty('state');
      expect(fails(await start({ ...desktop, redirect_uri, code_challenge: 'too-short' }), 400, 'invalid_request').fields).toHaveProperty('code_challenge');
      expect(fails(await start({ ...desktop, redirect_uri, next: '/settings' }), 400, 'invalid_request').fields).toHaveProperty('next');
      expect(fails(await start({ ...desktop, redirect_uri, prompt: 'none' }), 400, 'invalid_request').fields).toHaveProperty('prompt');
    });

    it('refuses a page to return to that is not one of the pages', async () => {
      for (const next of ['https://evil.example/', '//evil.example', '/signin', '/api/v1/me']) {
        expect(fails(await start({ next }), 400, 'invalid_request').fields).toHaveProperty('next');
      }
    });

    it('answers not_found for a provider that is not configured', async () => {
      fails(await start({}, 'nosuch'), 404, 'not_found');
      fails(await start({}, 'NOT_AN_ID'), 400, 'invalid_request');
    });

    it('sends the browser to the provider with its own state, nonce and S256 challenge, and binds the browser with a Lax cookie', async () => {
      const app = await startLoopbackApp();
      await app.close();
      const { res, location, binding } = await startByHand(setup, 'idp', app.startQuery());
      expect(res.status).toBe(302);
      const authorize = new URL(location);
      expect(authorize.origin).toBe(setup.provider.issuer);
      const p = authorize.searchParams;
      expect(p.get('client_id')).toBe('stepgate-idp');
      expect(p.get('redirect_uri')).toBe(`${setup.server.api}/auth/sso/idp/callback`);
      expect(p.get('response_type')).toBe('code');
      expect(p.get('scope')).toBe('openid profile email');
      expect(p.get('code_challenge_method')).toBe('S256');
      expect(p.get('nonce')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      // The app's values stay between the app and Stepgate.
      expect(p.get('state')).not.toBe(app.state);
      expect(p.get('code_challenge')).not.toBe(app.codeChallenge);
      expect(binding).toMatch(/^ssb_/);
      expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/);
      expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Lax/);
      expect(res.headers['cache-control']).toBe('no-store');
    });
  });

  describe('the callback and the exchange', () => {
    it('sends an answer with no state or an unknown one to the sign-in page with sso_state_invalid', async () => {
      for (const query of ['code=abc', 'code=abc&state=sst_unknown']) {
        const back = redirectedTo(await callback(`${setup.server.api}/auth/sso/idp/callback?${query}`, 'ssb_whatever'));
        expect(back.pathname).toBe('/signin');
        expect(back.searchParams.get('sso_error')).toBe('sso_state_invalid');
      }
    });

    it('carries a provider’s error answer back to the app as sso_provider_error, and a refusal as sso_cancelled', async () => {
      for (const [error, code] of [['temporarily_unavailable', 'sso_provider_error'], ['access_denied', 'sso_cancelled']] as const) {
        const app = await startLoopbackApp();
        await app.close();
        const { location, binding } = await startByHand(setup, 'idp', app.startQuery());
        const state = new URL(location).searchParams.get('state') ?? '';
        const back = redirectedTo(await callback(`${setup.server.api}/auth/sso/idp/callback?error=${error}&state=${state}`, binding));
        expect(`${back.origin}${back.pathname}`).toBe(app.redirectUri);
        expect(back.searchParams.get('error')).toBe(code);
        expect(back.searchParams.get('state')).toBe(app.state);
      }
    });

    it('tells the app when the provider cannot be reached', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.2', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const settings = { id: 'down', displayName: 'Down', issuer: `http://127.0.0.2:${port}`, clientId: 'c', clientAuth: 'client_secret_basic', keyId: undefined, scopes: ['openid'], usernameClaim: 'sub', unknownUsers: 'refuse' } as const;
      await setup.server.operations.sso.addProvider(settings, { kind: 'client_secret', secret: 'unused-secret' }, {});
      try {
        const app = await startLoopbackApp();
        await app.close();
        const { res } = await startByHand(setup, 'down', app.startQuery());
        const back = redirectedTo(res);
        expect(back.searchParams.get('error')).toBe('sso_provider_error');
        expect(back.searchParams.get('reason')).toBe('unreachable');
        expect(back.searchParams.get('state')).toBe(app.state);
        const page = redirectedTo(await api.get('/auth/sso/down/start?next=%2Fadmin'));
        expect(`${page.pathname}${page.search}`).toBe('/signin?sso_error=sso_provider_error&reason=unreachable&next=%2Fadmin');
      } finally {
        await setup.server.operations.sso.removeProvider('down', {});
      }
    });

    it('refuses malformed exchanges, and unknown result codes with sso_result_invalid', async () => {
      const verifier = 'v'.repeat(43);
      expect(fails(await api.post('/auth/sso/exchange', { body: { code: 'ssr_x', codeVerifier: 'short' } }), 400, 'invalid_request').fields).toHaveProperty('codeVerifier');
      expect(fails(await api.post('/auth/sso/exchange', { body: { code: 'ssr_x' } }), 400, 'invalid_request').fields).toHaveProperty('codeVerifier');
      expect(fails(await api.post('/auth/sso/exchange', { body: { code: 'ssr_x', codeVerifier: verifier, extra: 1 } }), 400, 'invalid_request').fields).toHaveProperty('extra');
      fails(await exchange(setup, 'ssr_never-issued', verifier), 401, 'sso_result_invalid');
    });

    it('removing a provider ends the sign-ins under way through it', async () => {
      const app = await startLoopbackApp();
      await app.close();
      const { location, binding } = await startByHand(setup, 'spare', app.startQuery());
      const state = new URL(location).searchParams.get('state') ?? '';
      expect(await setup.server.operations.sso.removeProvider('spare', {})).toBe(true);
      const back = redirectedTo(await callback(`${setup.server.api}/auth/sso/spare/callback?code=abc&state=${state}`, binding));
      expect(back.searchParams.get('sso_error')).toBe('sso_state_invalid');
      expect(ok(await api.get('/info'), 200, InfoResponse).sso.providers?.map((p) => p.id)).toEqual(['idp']);
      fails(await api.get('/auth/sso/spare/start'), 404, 'not_found');
    });
  });

  describe('accounts that must use SSO', () => {
    it('refuses the right password with sso_required, and a wrong one as before', async () => {
      const user = await createUser(setup.server);
      ok(await api.patch(`/admin/users/${user.id}`, { token: admin, body: { sso: 'required' } }), 200, AdminUserResponse);
      fails(await login(setup.server, user.username, user.password), 403, 'sso_required');
      fails(await login(setup.server, user.username, `${user.password}-wrong`), 401, 'invalid_credentials');
      expect(await auditOf(user.username)).toContainEqual(expect.objectContaining({ event: 'login_failed', reason: 'sso_required' }));
    });

    it('making SSO required ends the account’s sessions and pending challenges; allowing it again ends nothing', async () => {
      const user = await createTotpUser(setup.server);
      const session = await signIn(setup.server, user);
      ok(await api.patch(`/admin/users/${user.id}`, { token: admin, body: { sso: 'allowed' } }), 200, AdminUserResponse);
      ok(await api.get('/me', { token: session.token }), 200, MeResponse);

      const pending = await challengeFor(setup.server, user.username, user.password);
      const updated = ok(await api.patch(`/admin/users/${user.id}`, { token: admin, body: { sso: 'required' } }), 200, AdminUserResponse);
      expect(updated.user.sso).toBe('required');
      fails(await api.get('/me', { token: session.token }), 401, 'unauthorized');
      fails(await submitCode(setup.server, pending.id, codeNow(setup.server, user.secret)), 401, 'challenge_expired');
      const recent = ok(await api.get('/admin/audit?limit=20', { token: admin }), 200, AuditResponse).events.map((e) => ({ event: e.event, ...e.detail }));
      expect(recent).toContainEqual(expect.objectContaining({ event: 'user_updated', user: user.username, sso: 'required' }));
    });

    it('a code step racing the change to SSO required never leaves a live password session', async () => {
      for (const requireFirst of [true, false]) {
        const user = await createTotpUser(setup.server);
        const pending = await challengeFor(setup.server, user.username, user.password);
        const code = () => submitCode(setup.server, pending.id, codeNow(setup.server, user.secret));
        const require = () => api.patch(`/admin/users/${user.id}`, { token: admin, body: { sso: 'required' } });
        const answers = await Promise.all(requireFirst ? [require(), code()] : [code(), require()]);
        const coded = answers[requireFirst ? 1 : 0];
        if (coded?.status === 200) {
          fails(await api.get('/me', { token: ok(coded, 200, AuthenticatedResponse).session.token }), 401, 'unauthorized');
        } else if (coded !== undefined) {
          fails(coded, 401, 'challenge_expired');
        }
        fails(await login(setup.server, user.username, user.password), 403, 'sso_required');
      }
    });

    it('turning SSO off for an account ends its sessions too (one of its ways in is gone)', async () => {
      const user = await createUser(setup.server);
      const session = await signIn(setup.server, user);
      ok(await api.patch(`/admin/users/${user.id}`, { token: admin, body: { sso: 'off' } }), 200, AdminUserResponse);
      fails(await api.get('/me', { token: session.token }), 401, 'unauthorized');
      expect((await passwordStep(setup.server, user.username, user.password)).status).toBe('authenticated');
    });

    it('refuses a mode that is not allowed, required or off', async () => {
      const user = await createUser(setup.server);
      expect(fails(await api.patch(`/admin/users/${user.id}`, { token: admin, body: { sso: 'sometimes' } }), 400, 'invalid_request').fields).toHaveProperty('sso');
    });

    it('requiring SSO for everyone refuses every password but those of accounts set to off, and ends the others’ sessions but the admin’s own', async () => {
      const everyday = await createUser(setup.server);
      const breakGlass = await createUser(setup.server);
      ok(await api.patch(`/admin/users/${breakGlass.id}`, { token: admin, body: { sso: 'off' } }), 200, AdminUserResponse);
      const everydaySession = await signIn(setup.server, everyday);
      const breakGlassSession = await signIn(setup.server, breakGlass);
      try {
        const env = ok(await api.patch('/admin/environment', { token: admin, body: { ssoRequiredForAll: true } }), 200, Environment);
        expect(env.ssoRequiredForAll).toBe(true);
        expect(ok(await api.get('/info'), 200, InfoResponse).sso.requiredForAll).toBe(true);

        fails(await login(setup.server, everyday.username, everyday.password), 403, 'sso_required');
        fails(await api.get('/me', { token: everydaySession.token }), 401, 'unauthorized');
        expect((await passwordStep(setup.server, breakGlass.username, breakGlass.password)).status).toBe('authenticated');
        ok(await api.get('/me', { token: breakGlassSession.token }), 200, MeResponse);
        ok(await api.get('/me', { token: admin }), 200, MeResponse);
      } finally {
        ok(await api.patch('/admin/environment', { token: admin, body: { ssoRequiredForAll: false } }), 200, Environment);
      }
      expect((await passwordStep(setup.server, everyday.username, everyday.password)).status).toBe('authenticated');
    });
  });
});

describe('SSO requirements without any identity provider', () => {
  it('refuses to require SSO of an account or of everyone, so nobody is locked out', async () => {
    const server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    try {
      const api = apiClient(server.api);
      const admin = await adminToken(server);
      const user = await createUser(server);
      expect(fails(await api.patch(`/admin/users/${user.id}`, { token: admin, body: { sso: 'required' } }), 400, 'invalid_request').fields).toEqual({
        sso: 'no identity provider is configured',
      });
      expect(fails(await api.patch('/admin/environment', { token: admin, body: { ssoRequiredForAll: true } }), 400, 'invalid_request').fields).toEqual({
        ssoRequiredForAll: 'no identity provider is configured',
      });
      expect(ok(await api.get('/info'), 200, InfoResponse).sso).toEqual({ enabled: false, requiredForAll: false, providers: [] });
      expect((await passwordStep(server, user.username, user.password)).status).toBe('authenticated');
    } finally {
      await server.close();
    }
  });
});
