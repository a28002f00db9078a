/**
 * TOTP and sign-in helpers for the server integration tests. Codes are computed with otpauth from the
 * secret the server hands out, at the server's (hand-moved) clock time, the way an authenticator app would.
 */
import { Secret, TOTP } from 'otpauth';
import {
  AuthenticatedResponse,
  ConfirmAuthenticatorResponse,
  LoginResponse,
  PendingAuthenticator,
  TotpRequiredResponse,
  type Authenticator,
  type Challenge,
  type Session,
} from '../../shared/api/schemas.js';
import type { TestServer } from './test-server.js';
import { apiClient, call, ok, type CallResult } from './http-client.js';

export const PERIOD_MS = 30_000;

/** The 6-digit SHA1 code of a Base32 secret at `timestamp` (ms), as an authenticator app shows it. */
export function codeAt(secret: string, timestamp: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });
}

/** The code at the server clock's current time. */
export function codeNow(server: TestServer, secret: string, offsetMs = 0): string {
  return codeAt(secret, server.clock.now() + offsetMs);
}

/** A code that is no step's code within `minutes` either side of `timestamp`: wrong, and not merely a clock off. */
export function unrelatedCode(secret: string, timestamp: number, minutes = 15): string {
  const near = new Set<string>();
  for (let offset = -minutes * 2; offset <= minutes * 2; offset += 1) near.add(codeAt(secret, timestamp + offset * PERIOD_MS));
  for (let n = 0; ; n += 1) {
    const code = String(n).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

export function stepOf(timestamp: number): number {
  return Math.floor(timestamp / PERIOD_MS);
}

/** Moves the clock to the first millisecond of the next time step (plus `intoStepMs`). */
export function advanceToNextStep(server: TestServer, intoStepMs = 0): void {
  server.clock.set((stepOf(server.clock.now()) + 1) * PERIOD_MS + intoStepMs);
}

let counter = 0;
/** A username no other test in the process uses. */
export function uniqueUsername(prefix = 'user'): string {
  counter += 1;
  return `${prefix}${counter}${Math.random().toString(36).slice(2, 6)}`;
}

export interface Via {
  readonly localAddress?: string;
}

const via = (options: Via) => (options.localAddress === undefined ? {} : { localAddress: options.localAddress });

export function login(server: TestServer, username: string, password: string, options: Via = {}): Promise<CallResult> {
  return call('POST', `${server.api}/auth/login`, { body: { username, password }, ...via(options) });
}

/** POST /auth/login, asserting 200 and the LoginResponse shape. */
export async function passwordStep(server: TestServer, username: string, password: string, options: Via = {}): Promise<LoginResponse> {
  return ok(await login(server, username, password, options), 200, LoginResponse);
}

/** POST /auth/login for a user with an authenticator, returning the challenge. */
export async function challengeFor(server: TestServer, username: string, password: string, options: Via = {}): Promise<Challenge> {
  return ok(await login(server, username, password, options), 200, TotpRequiredResponse).challenge;
}

export function submitCode(server: TestServer, challengeId: string, code: string, options: Via = {}): Promise<CallResult> {
  return call('POST', `${server.api}/auth/totp`, { body: { challengeId, code }, ...via(options) });
}

export function submitRecoveryCode(server: TestServer, challengeId: string, recoveryCode: string, options: Via = {}): Promise<CallResult> {
  return call('POST', `${server.api}/auth/recovery`, { body: { challengeId, recoveryCode }, ...via(options) });
}

export interface Credentials {
  readonly username: string;
  readonly password: string;
  /** Needed when the user has an authenticator. */
  readonly secret?: string;
}

/**
 * A full sign-in: password, then (when asked) the current code. After a code is used the clock moves one
 * period on, so the next code the test computes is not a replay.
 */
export async function signIn(server: TestServer, user: Credentials, options: Via = {}): Promise<Session> {
  const first = await passwordStep(server, user.username, user.password, options);
  switch (first.status) {
    case 'authenticated':
      return first.session;
    case 'enrollment_required':
      throw new Error(`${user.username} must enroll first (enrollment_required)`);
    case 'totp_required': {
      if (user.secret === undefined) throw new Error(`${user.username} needs a code but the test gave no secret`);
      const res = await submitCode(server, first.challenge.id, codeNow(server, user.secret), options);
      const session = ok(res, 200, AuthenticatedResponse).session;
      server.clock.advance(PERIOD_MS);
      return session;
    }
  }
}

export interface Enrolled {
  readonly id: string;
  readonly name: string;
  readonly secret: string;
  readonly pending: PendingAuthenticator;
  readonly authenticator: Authenticator;
  readonly recoveryCodes: readonly string[] | undefined;
  /** Present when the enrollment was made with an enrollment session. */
  readonly session: Session | undefined;
}

/** POST /me/authenticators and confirm it with the current code; the clock then moves one period on. */
export async function enroll(server: TestServer, token: string, name = 'Phone'): Promise<Enrolled> {
  const api = apiClient(server.api);
  const pending = ok(await api.post('/me/authenticators', { token, body: { name } }), 201, PendingAuthenticator);
  const res = await api.post(`/me/authenticators/${pending.id}/confirm`, { token, body: { code: codeNow(server, pending.secret) } });
  const confirmed = ok(res, 200, ConfirmAuthenticatorResponse);
  server.clock.advance(PERIOD_MS);
  return {
    id: pending.id,
    name,
    secret: pending.secret,
    pending,
    authenticator: confirmed.authenticator,
    recoveryCodes: confirmed.recoveryCodes,
    session: confirmed.session,
  };
}

export interface NewTestUser {
  readonly username?: string;
  readonly password?: string;
  readonly displayName?: string;
  readonly isAdmin?: boolean;
  readonly totpRequired?: boolean;
}

export interface TestUser {
  readonly id: string;
  readonly username: string;
  readonly password: string;
}

export interface TotpUser extends TestUser {
  readonly secret: string;
  readonly authenticatorId: string;
  readonly recoveryCodes: readonly string[];
  /** A full session made while enrolling. */
  readonly token: string;
}

/** Creates a user through the harness (no API), with a password of its own. */
export async function createUser(server: TestServer, spec: NewTestUser = {}): Promise<TestUser> {
  const username = spec.username ?? uniqueUsername();
  const password = spec.password ?? `pw-${username}-${Math.random().toString(36).slice(2, 10)}`;
  const { id } = await server.createUser({
    username,
    password,
    ...(spec.displayName === undefined ? {} : { displayName: spec.displayName }),
    ...(spec.isAdmin === undefined ? {} : { isAdmin: spec.isAdmin }),
    ...(spec.totpRequired === undefined ? {} : { totpRequired: spec.totpRequired }),
  });
  return { id, username, password };
}

/** Signs in with the password only and returns whichever session that gives (full or enrollment-only). */
export async function passwordSession(server: TestServer, username: string, password: string): Promise<Session> {
  const first = await passwordStep(server, username, password);
  if (first.status === 'authenticated') return first.session;
  if (first.status === 'enrollment_required') return first.enrollmentSession;
  throw new Error(`${username} already has an authenticator (totp_required)`);
}

/** Creates a user and gives them one confirmed authenticator (TOTP must be enabled in the environment). */
export async function createTotpUser(server: TestServer, spec: NewTestUser & { readonly authenticatorName?: string } = {}): Promise<TotpUser> {
  const user = await createUser(server, spec);
  const first = await passwordSession(server, user.username, user.password);
  const enrolled = await enroll(server, first.token, spec.authenticatorName ?? 'Phone');
  if (enrolled.recoveryCodes === undefined) throw new Error('the first authenticator came without recovery codes');
  return {
    ...user,
    secret: enrolled.secret,
    authenticatorId: enrolled.id,
    recoveryCodes: enrolled.recoveryCodes,
    token: enrolled.session?.token ?? first.token,
  };
}

/** Signs in as an admin created through the harness and returns the bearer token. */
export async function adminToken(server: TestServer): Promise<string> {
  const admin = await createUser(server, { isAdmin: true, username: uniqueUsername('admin') });
  return (await signIn(server, admin)).token;
}

/**
 * Throttle settings that stay out of the way, for suites that make many deliberate failures while testing
 * something else (challenge attempts, window edges, timing). The throttle suite uses the defaults.
 */
export const RELAXED_THROTTLE = {
  account: { lockAfterFailures: 1000, maxFailuresPerHour: 100_000 },
  password: { lockAfterFailures: 1000 },
  username: { freeFailures: 100_000 },
  address: { maxFailures: 100_000 },
  authRequestsPerMinute: 100_000,
} as const;
