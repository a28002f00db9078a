/**
 * A stranger who knows a username cannot lock its owner out with wrong passwords: password failures lock
 * only the (username, client address) they come from, and across addresses they only slow the username
 * down; code failures (only the right password gets that far) lock the account. The guessing budget these
 * tests hold the server to is written down in docs/security.md. Each test acts from client addresses of
 * its own (127/8 all reaches the loopback server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditResponse, AuthenticatedResponse, TotpRequiredResponse } from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, fails, ok, type CallResult } from '../../support/http-client.js';
import { challengeFor, codeAt, createTotpUser, createUser, login, signIn, submitCode, uniqueUsername, unrelatedCode } from '../../support/totp.js';

const wrong = 'a-stranger-guessing';

describe('a stranger hammering a username from one address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.setEnvironment({ totpEnabled: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('locks the stranger, while the real user signs in from another address, password and code', async () => {
    const user = await createTotpUser(server);
    const stranger = { localAddress: '127.0.20.1' };
    const owner = { localAddress: '127.0.20.2' };
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await login(server, user.username, `${wrong}${i}`, stranger)).status);
    expect(statuses).toContain(429);
    // The stranger stays locked, even with the right password...
    fails(await login(server, user.username, user.password, stranger), 429, 'too_many_attempts');
    // ...while the owner, at another address, gets a challenge and signs in with a code.
    const challenge = await challengeFor(server, user.username, user.password, owner);
    ok(await submitCode(server, challenge.id, codeAt(user.secret, server.clock.now()), owner), 200, AuthenticatedResponse);
  });

  it('keeps the owner in through an hour of the stranger coming back each time the lock ends', async () => {
    const user = await createUser(server);
    const stranger = { localAddress: '127.0.20.3' };
    const owner = { localAddress: '127.0.20.4' };
    const end = server.clock.now() + 3600_000;
    while (server.clock.now() < end) {
      const res = await login(server, user.username, wrong, stranger);
      const retryAfter = retryAfterOf(res);
      // The owner signs in between the stranger's tries, every time, without a wait.
      ok(await login(server, user.username, user.password, owner), 200, AuthenticatedResponse);
      server.clock.advance(Math.max(retryAfter, 1) * 1000);
    }
  });
});

/** retryAfter of a 429, 0 for any other answer. */
function retryAfterOf(res: CallResult): number {
  return res.status === 429 ? Number((res.body as { error: { retryAfter: number } }).error.retryAfter) : 0;
}

/** A fresh client address for each of up to 65,536 attempts, none of them used by another test. */
const addressNumber = (n: number): { localAddress: string } => ({ localAddress: `127.21.${(n >> 8) & 255}.${n & 255}` });

describe('an attacker spread over many client addresses stays within the guessing budget', () => {
  let server: TestServer;
  let admin: Awaited<ReturnType<typeof createUser>>;
  beforeAll(async () => {
    server = await startTestServer();
    await server.setEnvironment({ totpEnabled: true });
    admin = await createUser(server, { isAdmin: true, username: uniqueUsername('auditor') });
  });
  afterAll(async () => {
    await server.close();
  });

  /** How many `event`s the audit trail holds for `username`, read by an administrator signed in now (the simulated day outlasts a session). */
  async function audited(event: string, username: string): Promise<number> {
    const adminToken = (await signIn(server, admin, { localAddress: '127.0.21.1' })).token;
    const res = await apiClient(server.api).get(`/admin/audit?limit=1000&username=${encodeURIComponent(username)}`, { token: adminToken });
    return ok(res, 200, AuditResponse).events.filter((e) => e.event === event).length;
  }

  it('guesses at most 75 passwords an hour for one username, a new address for every guess, retrying the moment each wait ends', async () => {
    const user = await createUser(server);
    const hours = 6;
    const end = server.clock.now() + hours * 3600_000;
    let guesses = 0;
    let longestWait = 0;
    while (server.clock.now() < end) {
      const wait = retryAfterOf(await login(server, user.username, `guess-${guesses}`, addressNumber(guesses)));
      guesses += 1;
      longestWait = Math.max(longestWait, wait);
      server.clock.advance(Math.max(wait, 1) * 1000);
    }
    // Every request was checked (the attacker never came early), as the audit trail shows...
    expect(await audited('login_failed', user.username)).toBe(guesses);
    // ...and they stay within the budget, while no wait was ever longer than a minute: never a lock.
    expect(guesses).toBeLessThanOrEqual(75 * hours);
    expect(longestWait).toBeLessThanOrEqual(60);
    ok(await login(server, user.username, user.password, { localAddress: '127.0.21.2' }), 200, AuthenticatedResponse);
  });

  it('30 wrong passwords at once from 30 addresses are counted one by one, exactly as 30 one after another', async () => {
    const attempt = (username: string, i: number, base: number) => login(server, username, `guess-${i}`, addressNumber(base + i));
    const one = await createUser(server);
    const oneByOne: number[] = [];
    for (let i = 0; i < 30; i += 1) oneByOne.push((await attempt(one.username, i, 20_000)).status);
    const all = await createUser(server);
    const atOnce = (await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(all.username, i, 20_100)))).map((r) => r.status);
    // Ten free failures, then the username waits: in both, exactly ten were checked and refused as wrong.
    expect(oneByOne.filter((status) => status === 401)).toHaveLength(10);
    expect(atOnce.filter((status) => status === 401)).toHaveLength(10);
    expect(await audited('login_failed', all.username)).toBe(await audited('login_failed', one.username));
  });

  it('guesses at most 31 codes for one account in its first day, even knowing the password, one address per try', async () => {
    const user = await createTotpUser(server);
    const end = server.clock.now() + 24 * 3600_000;
    let tries = 0;
    while (server.clock.now() < end) {
      const from = addressNumber(10_000 + tries);
      tries += 1;
      const step = await login(server, user.username, user.password, from);
      const passwordWait = retryAfterOf(step);
      if (passwordWait > 0) {
        server.clock.advance(passwordWait * 1000);
        continue;
      }
      const challenge = ok(step, 200, TotpRequiredResponse).challenge;
      const guess = unrelatedCode(user.secret, server.clock.now());
      server.clock.advance(Math.max(retryAfterOf(await submitCode(server, challenge.id, guess, from)), 1) * 1000);
    }
    const guesses = await audited('code_rejected', user.username);
    expect(guesses).toBeGreaterThan(20);
    expect(guesses).toBeLessThanOrEqual(31);
  });
});
