/**
 * Test accounts on the real reference server. An authenticator is enrolled the way the browser
 * pages do it, through the API, and codes are computed with otpauth at the server clock's time,
 * as a phone would.
 */
import { Secret, TOTP } from 'otpauth';
import type { TestServer } from '../../support/test-server.js';

export interface Account {
  /** The server's id of the user, for its own administration (GET /admin/users/{id}/...). */
  readonly id: string;
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
}

export interface EnrolledAccount extends Account {
  readonly secret: string;
  readonly recoveryCodes: readonly string[];
}

let counter = 0;
const uniqueName = (prefix: string) => `${prefix}${process.pid}x${Date.now() % 100000}x${counter++}`;

export async function plainAccount(server: TestServer, options: { readonly totpRequired?: boolean } = {}): Promise<Account> {
  const username = uniqueName('user');
  const account = { username, password: `pw-${username}-long`, displayName: `Tester ${username}` };
  const { id } = await server.createUser({ ...account, totpRequired: options.totpRequired ?? false });
  return { id, ...account };
}

export function codeAt(secret: string, timestamp: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });
}

/** The code an authenticator app shows now, by the server's clock. */
export function currentCode(server: TestServer, secret: string): string {
  return codeAt(secret, server.clock.now());
}

/** A code that is certainly wrong now (and for the neighbouring time steps). */
export function wrongCode(server: TestServer, secret: string): string {
  const valid = new Set([-1, 0, 1].map((step) => codeAt(secret, server.clock.now() + step * 30_000)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

export async function api<T>(server: TestServer, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${server.api}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text === '' ? null : JSON.parse(text)) as T;
}

/** Creates a user and confirms an authenticator for it through the API; returns its secret and recovery codes. */
export async function enrolledAccount(server: TestServer): Promise<EnrolledAccount> {
  const account = await plainAccount(server);
  const login = await api<{ status: string; session?: { token: string } }>(server, 'POST', '/auth/login', {
    username: account.username,
    password: account.password,
  });
  const token = login.session?.token;
  if (login.status !== 'authenticated' || token === undefined) throw new Error(`unexpected login status ${login.status}`);
  const pending = await api<{ id: string; secret: string }>(server, 'POST', '/me/authenticators', { name: 'Test phone' }, token);
  const confirmed = await api<{ recoveryCodes?: string[] }>(
    server,
    'POST',
    `/me/authenticators/${pending.id}/confirm`,
    { code: currentCode(server, pending.secret) },
    token,
  );
  await api(server, 'POST', '/auth/logout', undefined, token);
  // The confirming code's time step is used up; the phone shows the next code half a minute later.
  server.clock.advance(30_000);
  return { ...account, secret: pending.secret, recoveryCodes: confirmed.recoveryCodes ?? [] };
}

/** A full sign-in through the API with `code`, as the same person on another computer: that code's time step is used. */
export async function signInElsewhere(server: TestServer, account: EnrolledAccount, code: string): Promise<void> {
  const login = await api<{ status: string; challenge?: { id: string } }>(server, 'POST', '/auth/login', {
    username: account.username,
    password: account.password,
  });
  if (login.challenge === undefined) throw new Error(`unexpected login status ${login.status}`);
  await api(server, 'POST', '/auth/totp', { challengeId: login.challenge.id, code });
}
