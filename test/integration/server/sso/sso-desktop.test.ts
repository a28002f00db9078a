/**
 * The desktop app's SSO sign-in (RFC 8252) end to end: Chromium opens the start URL, signs in on the
 * real test provider's pages, lands on the app's loopback listener with a one-time result code, and the
 * app exchanges it with its PKCE verifier for a session. No verification code is ever asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminUserResponse, AuditResponse, AuthenticatedResponse, MeResponse } from '../../../../shared/api/schemas.js';
import { apiClient, expectStatus, fails, ok, type ApiClient } from '../../../support/http-client.js';
import { cancelAtProvider } from '../../../support/sso/browser.js';
import { startLoopbackApp } from '../../../support/sso/loopback-app.js';
import { desktopSignIn, exchange, linkedAccount, providerAccount, startSsoSetup, type SsoSetup } from '../../../support/sso/sso-setup.js';
import { adminToken, createTotpUser, createUser, login, uniqueUsername } from '../../../support/totp.js';

describe('desktop SSO sign-in', () => {
  let setup: SsoSetup;
  let api: ApiClient;
  let admin: string;
  beforeAll(async () => {
    setup = await startSsoSetup({
      connections: [{ id: 'idp' }, { id: 'idp-create', unknownUsers: 'create' }, { id: 'idp-jwt', clientAuth: 'private_key_jwt' }],
    });
    await setup.server.setEnvironment({ totpEnabled: true });
    api = apiClient(setup.server.api);
    admin = await adminToken(setup.server);
  });
  afterAll(async () => {
    await setup.close();
  });

  const eventsOf = async (username: string) =>
    ok(await api.get(`/admin/audit?username=${username}&limit=100`, { token: admin }), 200, AuditResponse).events.map((e) => ({ event: e.event, ...e.detail }));

  it('signs a user who has TOTP in with a full session, and no code is asked for', async () => {
    const user = await createTotpUser(setup.server);
    const { app, arrival } = await desktopSignIn(setup, 'idp', await linkedAccount(setup, 'idp', user));

    expect(arrival.get('state')).toBe(app.state);
    expect(arrival.get('error')).toBeNull();
    const session = ok(await exchange(setup, arrival.get('code') ?? '', app.codeVerifier), 200, AuthenticatedResponse).session;
    expect(session.user.username).toBe(user.username);
    const me = ok(await api.get('/me', { token: session.token }), 200, MeResponse);
    expect(me.user.id).toBe(user.id);
    expect(me.totp.authenticators).toHaveLength(1);

    const events = await eventsOf(user.username);
    expect(events).toContainEqual(expect.objectContaining({ event: 'login_succeeded', method: 'sso', provider: 'idp' }));
    expect(events).toContainEqual(expect.objectContaining({ event: 'sso_result_issued', provider: 'idp' }));
    // Only the enrollment at set-up ever came near a code: no challenge was issued for this sign-in.
    expect(events.map((e) => e.event)).not.toContain('challenge_issued');
  });

  it('the result code works once, also when several exchanges race', async () => {
    const user = await createTotpUser(setup.server);
    const { app, arrival } = await desktopSignIn(setup, 'idp', await linkedAccount(setup, 'idp', user));
    const code = arrival.get('code') ?? '';
    const answers = await Promise.all(Array.from({ length: 5 }, () => exchange(setup, code, app.codeVerifier)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const a of answers.filter((r) => r.status !== 200)) fails(a, 401, 'sso_result_invalid');
    fails(await exchange(setup, code, app.codeVerifier), 401, 'sso_result_invalid');
  });

  it('refuses a wrong code_verifier, and the code it was tried with is spent', async () => {
    const user = await createUser(setup.server);
    const { app, arrival } = await desktopSignIn(setup, 'idp', await linkedAccount(setup, 'idp', user));
    const code = arrival.get('code') ?? '';
    const stranger = await startLoopbackApp();
    await stranger.close();
    fails(await exchange(setup, code, stranger.codeVerifier), 401, 'sso_result_invalid');
    fails(await exchange(setup, code, app.codeVerifier), 401, 'sso_result_invalid');
    expect(await eventsOf(user.username)).toContainEqual(expect.objectContaining({ event: 'sso_result_rejected', reason: 'verifier' }));
  });

  it('a result code is good for one minute', async () => {
    const user = await createUser(setup.server);
    const { app, arrival } = await desktopSignIn(setup, 'idp', await linkedAccount(setup, 'idp', user));
    setup.server.clock.advance(61_000);
    try {
      fails(await exchange(setup, arrival.get('code') ?? '', app.codeVerifier), 401, 'sso_result_invalid');
    } finally {
      setup.server.clock.set(Date.now());
    }
  });

  it('a person who cancels at the provider comes back to the app with sso_cancelled and the app’s state', async () => {
    const app = await startLoopbackApp();
    const context = await setup.newContext();
    try {
      const page = await context.newPage();
      await page.goto(setup.startUrl('idp', app.startQuery()));
      await cancelAtProvider(page);
      const arrival = await app.arrival;
      expect(arrival.get('error')).toBe('sso_cancelled');
      expect(arrival.get('state')).toBe(app.state);
      expect(arrival.get('code')).toBeNull();
    } finally {
      await context.close();
      await app.close();
    }
  });

  it('a disabled user cannot complete SSO', async () => {
    const user = await createUser(setup.server);
    expectStatus(await api.patch(`/admin/users/${user.id}`, { token: admin, body: { disabled: true } }), 200);
    const { arrival } = await desktopSignIn(setup, 'idp', await linkedAccount(setup, 'idp', user));
    expect(arrival.get('error')).toBe('sso_not_allowed');
    expect(arrival.get('code')).toBeNull();
    expect(await eventsOf(user.username)).toContainEqual(expect.objectContaining({ event: 'sso_failed', code: 'sso_not_allowed', reason: 'disabled' }));
  });

  it('a user disabled after the provider sign-in cannot exchange the result code', async () => {
    const user = await createUser(setup.server);
    const { app, arrival } = await desktopSignIn(setup, 'idp', await linkedAccount(setup, 'idp', user));
    expectStatus(await api.patch(`/admin/users/${user.id}`, { token: admin, body: { disabled: true } }), 200);
    fails(await exchange(setup, arrival.get('code') ?? '', app.codeVerifier), 403, 'sso_not_allowed');
  });

  it('disabling racing the exchange never leaves a live session', async () => {
    for (const disableFirst of [true, false]) {
      const user = await createUser(setup.server);
      const { app, arrival } = await desktopSignIn(setup, 'idp', await linkedAccount(setup, 'idp', user));
      const trade = () => exchange(setup, arrival.get('code') ?? '', app.codeVerifier);
      const disable = () => api.patch(`/admin/users/${user.id}`, { token: admin, body: { disabled: true } });
      const [first, second] = await Promise.all(disableFirst ? [disable(), trade()] : [trade(), disable()]);
      const traded = disableFirst ? second : first;
      if (traded.status === 200) {
        fails(await api.get('/me', { token: ok(traded, 200, AuthenticatedResponse).session.token }), 401, 'unauthorized');
      } else {
        fails(traded, 403, 'sso_not_allowed');
      }
    }
  });

  it('an account with SSO off cannot complete SSO', async () => {
    const user = await createUser(setup.server);
    ok(await api.patch(`/admin/users/${user.id}`, { token: admin, body: { sso: 'off' } }), 200, AdminUserResponse);
    const { arrival } = await desktopSignIn(setup, 'idp', await linkedAccount(setup, 'idp', user));
    expect(arrival.get('error')).toBe('sso_not_allowed');
  });

  it('refuses an identity with no account when the provider does not create accounts', async () => {
    const { arrival } = await desktopSignIn(setup, 'idp', providerAccount(setup, uniqueUsername('nobody')));
    expect(arrival.get('error')).toBe('sso_unknown_user');
    expect(arrival.get('reason')).toBe('not_found');
  });

  it('creates the account on first sign-in when the provider is set to, with SSO required and no usable password', async () => {
    const username = uniqueUsername('newcomer');
    const { app, arrival } = await desktopSignIn(setup, 'idp-create', providerAccount(setup, username));
    const session = ok(await exchange(setup, arrival.get('code') ?? '', app.codeVerifier), 200, AuthenticatedResponse).session;
    expect(session.user).toMatchObject({ username, displayName: `Person ${username}`, isAdmin: false });
    const users = (await api.get(`/admin/users?search=${username}`, { token: admin })).body as { users: { username: string; sso: string }[] };
    expect(users.users).toEqual([expect.objectContaining({ username, sso: 'required' })]);
    fails(await login(setup.server, username, 'any password at all'), 401, 'invalid_credentials');
    expect(await eventsOf(username)).toContainEqual(expect.objectContaining({ event: 'user_created', via: 'sso', provider: 'idp-create' }));
  });

  it('authenticates to the provider with a private key (private_key_jwt) as well as with a secret', async () => {
    const user = await createUser(setup.server);
    const { app, arrival } = await desktopSignIn(setup, 'idp-jwt', await linkedAccount(setup, 'idp-jwt', user));
    const session = ok(await exchange(setup, arrival.get('code') ?? '', app.codeVerifier), 200, AuthenticatedResponse).session;
    expect(session.user.id).toBe(user.id);
  });
});
