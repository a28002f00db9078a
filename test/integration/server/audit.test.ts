/**
 * The audit trail (GET /admin/audit): security events with time, user and client address, and never a
 * password, code, secret, token or recovery code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditResponse, type AuditEvent } from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, expectStatus, fails, ok, type ApiClient } from '../../support/http-client.js';
import {
  challengeFor,
  codeAt,
  createTotpUser,
  createUser,
  login,
  PERIOD_MS,
  signIn,
  submitCode,
  submitRecoveryCode,
  uniqueUsername,
  type TotpUser,
} from '../../support/totp.js';

/** A 6-digit code that is not `code`. */
const otherCode = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');

describe('audit trail', () => {
  let server: TestServer;
  let api: ApiClient;
  let adminTokenValue: string;
  /** Everything that must never show up in the trail. */
  const secrets = new Set<string>();
  let alice: TotpUser;
  let failedAt = 0;
  const wrongPassword = 'Wrong-Password-For-Audit-7f3a';

  beforeAll(async () => {
    server = await startTestServer();
    await server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
    api = apiClient(server.api);

    const admin = await createUser(server, { isAdmin: true, username: uniqueUsername('auditor') });
    secrets.add(admin.password);
    const adminSession = await signIn(server, admin, { localAddress: '127.0.4.9' });
    adminTokenValue = adminSession.token;
    secrets.add(adminTokenValue);

    // Enrollment (authenticator_confirmed), with its secret, codes and tokens.
    alice = await createTotpUser(server, { username: uniqueUsername('alice') });
    for (const s of [alice.password, alice.secret, alice.token, ...alice.recoveryCodes]) secrets.add(s);
    for (const r of alice.recoveryCodes) secrets.add(r.replace('-', ''));

    // A sign-in with a code from 127.0.4.1 (login_succeeded), then the same code again (code_replayed).
    const from = { localAddress: '127.0.4.1' };
    const good = codeAt(alice.secret, server.clock.now());
    secrets.add(good);
    const first = await challengeFor(server, alice.username, alice.password, from);
    secrets.add(first.id);
    const session = await submitCode(server, first.id, good, from);
    expectStatus(session, 200);
    secrets.add((session.body as { session: { token: string } }).session.token);
    const second = await challengeFor(server, alice.username, alice.password, from);
    secrets.add(second.id);
    fails(await submitCode(server, second.id, good, from), 401, 'invalid_code');

    // A wrong code (code_rejected) from 127.0.4.3.
    server.clock.advance(PERIOD_MS);
    const wrong = otherCode(codeAt(alice.secret, server.clock.now()));
    secrets.add(wrong);
    const third = await challengeFor(server, alice.username, alice.password, { localAddress: '127.0.4.3' });
    secrets.add(third.id);
    fails(await submitCode(server, third.id, wrong, { localAddress: '127.0.4.3' }), 401, 'invalid_code');
    // A recovery code is used (and must not be written down).
    const rc = alice.recoveryCodes[0] ?? '';
    const rs = await submitRecoveryCode(server, third.id, rc.toLowerCase(), { localAddress: '127.0.4.3' });
    expectStatus(rs, 200);
    secrets.add(rc.toLowerCase());
    secrets.add((rs.body as { session: { token: string } }).session.token);

    // A failed password (login_failed) from 127.0.4.2 at a distinctive time; four more lock that address out of the account (password_locked).
    const bob = await createUser(server, { username: uniqueUsername('bob') });
    secrets.add(bob.password);
    server.clock.advance(3 * 24 * 3600_000 + 123);
    failedAt = server.clock.now();
    fails(await login(server, bob.username, wrongPassword, { localAddress: '127.0.4.2' }), 401, 'invalid_credentials');
    secrets.add(wrongPassword);
    for (let i = 2; i <= 4; i += 1) {
      fails(await login(server, bob.username, `${wrongPassword}${i}`, { localAddress: '127.0.4.2' }), 401, 'invalid_credentials');
      secrets.add(`${wrongPassword}${i}`);
    }
    fails(await login(server, bob.username, `${wrongPassword}5`, { localAddress: '127.0.4.2' }), 429, 'too_many_attempts');
    secrets.add(`${wrongPassword}5`);
    // An unknown username, which might be a password typed into the wrong field.
    const typo = 'Typed-My-Password-Here-91';
    secrets.add(typo);
    fails(await login(server, typo, 'whatever-password-1', { localAddress: '127.0.4.2' }), 401, 'invalid_credentials');
    secrets.add('whatever-password-1');
    // Four more lock that name at that address (password_locked), still without writing the name down.
    for (let i = 2; i <= 5; i += 1) await login(server, typo, `whatever-password-${i}`, { localAddress: '127.0.4.2' });

    // The admin's first session has expired after the jump in time: sign in again.
    adminTokenValue = (await signIn(server, admin, { localAddress: '127.0.4.9' })).token;
    secrets.add(adminTokenValue);

    // Removal of an authenticator by its owner (authenticator_removed), revocation by an admin (totp_revoked).
    const carol = await createTotpUser(server, { username: uniqueUsername('carol') });
    for (const s of [carol.password, carol.secret, carol.token, ...carol.recoveryCodes]) secrets.add(s);
    expectStatus(await api.delete(`/me/authenticators/${carol.authenticatorId}`, { token: carol.token, localAddress: '127.0.4.5' }), 204);
    const dave = await createTotpUser(server, { username: uniqueUsername('dave') });
    for (const s of [dave.password, dave.secret, dave.token, ...dave.recoveryCodes]) secrets.add(s);
    expectStatus(await api.delete(`/admin/users/${dave.id}/authenticators`, { token: adminTokenValue, localAddress: '127.0.4.9' }), 204);

    // A setting change (setting_changed).
    expectStatus(await api.patch('/admin/environment', { token: adminTokenValue, body: { totpRequiredForAll: true }, localAddress: '127.0.4.9' }), 200);
    expectStatus(await api.patch('/admin/environment', { token: adminTokenValue, body: { totpRequiredForAll: false }, localAddress: '127.0.4.9' }), 200);
  });
  afterAll(async () => {
    await server.close();
  });

  async function events(query = '?limit=1000'): Promise<readonly AuditEvent[]> {
    return ok(await api.get(`/admin/audit${query}`, { token: adminTokenValue }), 200, AuditResponse).events;
  }

  /** The events named `event` (for `username` when given); throws when there is none. */
  function all(list: readonly AuditEvent[], event: string, username?: string): readonly AuditEvent[] {
    const hits = list.filter((e) => e.event === event && (username === undefined || e.username === username));
    if (hits.length === 0) {
      const seen = [...new Set(list.map((e) => e.event))].join(', ');
      throw new Error(`no ${event} event${username === undefined ? '' : ` for ${username}`} in the audit trail (events seen: ${seen})`);
    }
    return hits;
  }
  const addresses = (events: readonly AuditEvent[]) => events.map((e) => e.clientAddress);

  it('records the security events by name', async () => {
    const list = await events();
    const names = new Set(list.map((e) => e.event));
    for (const name of [
      'login_succeeded',
      'login_failed',
      'code_rejected',
      'code_replayed',
      'password_locked',
      'authenticator_confirmed',
      'authenticator_removed',
      'totp_revoked',
      'setting_changed',
    ]) {
      expect(names.has(name), `${name} missing; seen: ${[...names].join(', ')}`).toBe(true);
    }
  });

  it('records user and client address of sign-in events', async () => {
    const list = await events();
    expect(addresses(all(list, 'login_succeeded', alice.username))).toContain('127.0.4.1');
    expect(addresses(all(list, 'code_replayed', alice.username))).toEqual(['127.0.4.1']);
    expect(addresses(all(list, 'code_rejected', alice.username))).toEqual(['127.0.4.3']);
    const failed = list.find((e) => e.event === 'login_failed' && e.clientAddress === '127.0.4.2' && e.username !== null);
    expect(failed?.userId).not.toBeNull();
    expect(addresses(all(list, 'password_locked'))).toEqual(['127.0.4.2', '127.0.4.2']);
    expect(all(list, 'password_locked').map((e) => e.username === null)).toContain(true);
  });

  it('records the time on the server clock', async () => {
    const list = await events();
    const failed = list.filter((e) => e.event === 'login_failed' && e.clientAddress === '127.0.4.2');
    expect(failed.map((e) => Date.parse(e.at))).toContain(failedAt);
  });

  it('records who removed, revoked and changed settings, from where', async () => {
    const list = await events();
    expect(addresses(all(list, 'authenticator_removed'))).toEqual(['127.0.4.5']);
    expect(addresses(all(list, 'totp_revoked'))).toEqual(['127.0.4.9']);
    expect(addresses(all(list, 'setting_changed'))).toContain('127.0.4.9');
  });

  it('never contains a password, code, secret, token, challenge id or recovery code', async () => {
    const text = JSON.stringify(await events());
    const leaked = [...secrets].filter((s) => s.length > 0 && text.includes(s));
    expect(leaked).toEqual([]);
    // Not even the lower- or upper-cased forms of the Base32 secrets and recovery codes.
    const lower = text.toLowerCase();
    const leakedAnyCase = [...secrets].filter((s) => s.length >= 10 && lower.includes(s.toLowerCase()));
    expect(leakedAnyCase).toEqual([]);
  });

  it('filters by username and limits the count', async () => {
    const mine = await events(`?username=${encodeURIComponent(alice.username)}`);
    expect(mine.length).toBeGreaterThan(0);
    for (const e of mine) expect(e.username).toBe(alice.username);
    const three = await events('?limit=3');
    expect(three).toHaveLength(3);
    fails(await api.get('/admin/audit?limit=abc', { token: adminTokenValue }), 400, 'invalid_request');
  });

  it('is for admins only', async () => {
    fails(await api.get('/admin/audit'), 401, 'unauthorized');
    const someone = await createUser(server);
    fails(await api.get('/admin/audit', { token: (await signIn(server, someone)).token }), 403, 'forbidden');
  });
});
