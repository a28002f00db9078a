/**
 * POST /auth/login: the enforcement matrix (environment TOTP on/off x required for all x per-user
 * required x has a confirmed authenticator) and the shape of each outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticatedResponse,
  EnrollmentRequiredResponse,
  InfoResponse,
  MeResponse,
  TotpRequiredResponse,
} from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, fails, ok, type ApiClient } from '../../support/http-client.js';
import {
  codeNow,
  createTotpUser,
  createUser,
  login,
  passwordStep,
  RELAXED_THROTTLE,
  submitCode,
  type TestUser,
} from '../../support/totp.js';

type Outcome = 'authenticated' | 'totp_required' | 'enrollment_required';

interface Row {
  readonly totpEnabled: boolean;
  readonly totpRequiredForAll: boolean;
  readonly userRequired: boolean;
  readonly hasAuthenticator: boolean;
  readonly expected: Outcome;
}

/** api.md "Sign-in": every combination, written out. */
const MATRIX: readonly Row[] = [
  { totpEnabled: false, totpRequiredForAll: false, userRequired: false, hasAuthenticator: false, expected: 'authenticated' },
  { totpEnabled: false, totpRequiredForAll: false, userRequired: false, hasAuthenticator: true, expected: 'authenticated' },
  { totpEnabled: false, totpRequiredForAll: false, userRequired: true, hasAuthenticator: false, expected: 'authenticated' },
  { totpEnabled: false, totpRequiredForAll: false, userRequired: true, hasAuthenticator: true, expected: 'authenticated' },
  { totpEnabled: false, totpRequiredForAll: true, userRequired: false, hasAuthenticator: false, expected: 'authenticated' },
  { totpEnabled: false, totpRequiredForAll: true, userRequired: false, hasAuthenticator: true, expected: 'authenticated' },
  { totpEnabled: false, totpRequiredForAll: true, userRequired: true, hasAuthenticator: false, expected: 'authenticated' },
  { totpEnabled: false, totpRequiredForAll: true, userRequired: true, hasAuthenticator: true, expected: 'authenticated' },
  { totpEnabled: true, totpRequiredForAll: false, userRequired: false, hasAuthenticator: false, expected: 'authenticated' },
  { totpEnabled: true, totpRequiredForAll: false, userRequired: false, hasAuthenticator: true, expected: 'totp_required' },
  { totpEnabled: true, totpRequiredForAll: false, userRequired: true, hasAuthenticator: false, expected: 'enrollment_required' },
  { totpEnabled: true, totpRequiredForAll: false, userRequired: true, hasAuthenticator: true, expected: 'totp_required' },
  { totpEnabled: true, totpRequiredForAll: true, userRequired: false, hasAuthenticator: false, expected: 'enrollment_required' },
  { totpEnabled: true, totpRequiredForAll: true, userRequired: false, hasAuthenticator: true, expected: 'totp_required' },
  { totpEnabled: true, totpRequiredForAll: true, userRequired: true, hasAuthenticator: false, expected: 'enrollment_required' },
  { totpEnabled: true, totpRequiredForAll: true, userRequired: true, hasAuthenticator: true, expected: 'totp_required' },
];

const SESSION_TTL_MS = 12 * 3600_000;
const ENROLLMENT_TTL_MS = 15 * 60_000;
const CHALLENGE_TTL_MS = 5 * 60_000;

describe('POST /auth/login', () => {
  let server: TestServer;
  let api: ApiClient;
  const users = new Map<string, TestUser & { readonly secret?: string }>();
  const key = (required: boolean, has: boolean) => `${required ? 'required' : 'optional'}-${has ? 'with' : 'without'}`;

  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    api = apiClient(server.api);
    await server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
    for (const required of [false, true]) {
      users.set(key(required, false), await createUser(server, { totpRequired: required, displayName: `No app ${required}` }));
      users.set(key(required, true), await createTotpUser(server, { totpRequired: required, displayName: `App ${required}` }));
    }
  });
  afterAll(async () => {
    await server.close();
  });

  describe('enforcement matrix', () => {
    for (const row of MATRIX) {
      const title =
        `TOTP ${row.totpEnabled ? 'on' : 'off'}, required for all ${row.totpRequiredForAll ? 'yes' : 'no'}, ` +
        `user required ${row.userRequired ? 'yes' : 'no'}, authenticator ${row.hasAuthenticator ? 'yes' : 'no'} -> ${row.expected}`;
      it(title, async () => {
        await server.setEnvironment({ totpEnabled: row.totpEnabled, totpRequiredForAll: row.totpRequiredForAll });
        const user = users.get(key(row.userRequired, row.hasAuthenticator));
        if (user === undefined) throw new Error('test user missing');
        const outcome = await passwordStep(server, user.username, user.password);
        expect(outcome.status).toBe(row.expected);
        if (outcome.status === 'authenticated') {
          // The session is a full one.
          const me = ok(await api.get('/me', { token: outcome.session.token }), 200, MeResponse);
          expect(me.user.username).toBe(user.username);
        }
      });
    }
  });

  describe('outcome shapes', () => {
    it('authenticated: a Session for the user with a 12 h expiry on the server clock', async () => {
      await server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
      const user = await createUser(server, { displayName: 'Ada Lovelace' });
      const res = await login(server, user.username, user.password);
      const body = ok(res, 200, AuthenticatedResponse);
      expect(body.session.user).toEqual({ id: user.id, username: user.username, displayName: 'Ada Lovelace', isAdmin: false });
      expect(Date.parse(body.session.expiresAt)).toBe(server.clock.now() + SESSION_TTL_MS);
      expect(body.session.token.length).toBeGreaterThanOrEqual(20);
    });

    it('authenticated: isAdmin is reported for an admin', async () => {
      const admin = await createUser(server, { isAdmin: true });
      expect(ok(await login(server, admin.username, admin.password), 200, AuthenticatedResponse).session.user.isAdmin).toBe(true);
    });

    it('two sign-ins give two different tokens', async () => {
      const user = await createUser(server);
      const a = ok(await login(server, user.username, user.password), 200, AuthenticatedResponse);
      const b = ok(await login(server, user.username, user.password), 200, AuthenticatedResponse);
      expect(a.session.token).not.toBe(b.session.token);
    });

    it('totp_required: a Challenge with 5 attempts, 5 minutes, both methods, 6 digits, 30 s', async () => {
      await server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
      const user = users.get(key(false, true));
      if (user?.secret === undefined) throw new Error('test user missing');
      const body = ok(await login(server, user.username, user.password), 200, TotpRequiredResponse);
      expect(body.challenge.attemptsRemaining).toBe(5);
      expect([...body.challenge.methods].sort()).toEqual(['recovery_code', 'totp']);
      expect(body.challenge.digits).toBe(6);
      expect(body.challenge.period).toBe(30);
      expect(Date.parse(body.challenge.expiresAt)).toBe(server.clock.now() + CHALLENGE_TTL_MS);
      expect(body.challenge.expiresIn).toBe(CHALLENGE_TTL_MS / 1000);
      // The password alone does not sign in.
      expect('session' in body).toBe(false);
      const done = ok(await submitCode(server, body.challenge.id, codeNow(server, user.secret)), 200, AuthenticatedResponse);
      expect(done.session.user.username).toBe(user.username);
      expect(Date.parse(done.session.expiresAt)).toBe(server.clock.now() + SESSION_TTL_MS);
      server.clock.advance(30_000);
    });

    it('two logins of one user give two different challenges', async () => {
      await server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
      const user = users.get(key(false, true));
      if (user === undefined) throw new Error('test user missing');
      const a = ok(await login(server, user.username, user.password), 200, TotpRequiredResponse);
      const b = ok(await login(server, user.username, user.password), 200, TotpRequiredResponse);
      expect(a.challenge.id).not.toBe(b.challenge.id);
    });

    it('enrollment_required: the enrollment URL of /info and a short enrollment-only session', async () => {
      await server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
      const user = users.get(key(true, false));
      if (user === undefined) throw new Error('test user missing');
      const body = ok(await login(server, user.username, user.password), 200, EnrollmentRequiredResponse);
      const info = ok(await api.get('/info'), 200, InfoResponse);
      expect(body.enrollmentUrl).toBe(info.enrollmentUrl);
      expect(body.enrollmentSession.user.username).toBe(user.username);
      expect(Date.parse(body.enrollmentSession.expiresAt)).toBe(server.clock.now() + ENROLLMENT_TTL_MS);
      fails(await api.get('/me', { token: body.enrollmentSession.token }), 403, 'forbidden');
    });
  });

  describe('refusals', () => {
    it('a wrong password answers 401 invalid_credentials', async () => {
      const user = await createUser(server);
      fails(await login(server, user.username, `${user.password}x`), 401, 'invalid_credentials');
    });

    it('the password is case-sensitive', async () => {
      const user = await createUser(server, { password: 'Correct-Horse-Battery' });
      fails(await login(server, user.username, 'correct-horse-battery'), 401, 'invalid_credentials');
      ok(await login(server, user.username, 'Correct-Horse-Battery'), 200, AuthenticatedResponse);
    });

    it('a wrong password for a user with an authenticator gives no challenge', async () => {
      await server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
      const user = users.get(key(false, true));
      if (user === undefined) throw new Error('test user missing');
      fails(await login(server, user.username, 'not-the-password'), 401, 'invalid_credentials');
    });
  });
});
