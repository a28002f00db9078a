/**
 * A stranger who knows a username cannot lock its owner out with wrong passwords: password failures lock
 * only the (username, client address) they come from, and across addresses they only slow the username
 * down; code failures (only the right password gets that far) lock the account. The guessing budget these
 * tests hold the server to is written down in docs/security.md. Each test acts from client addresses of
 * its own (127/8 all reaches the loopback server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticatedResponse, TotpRequiredResponse } from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { auditedCount } from '../../support/audit-trail.js';
import { fails, ok, retryAfterOf } from '../../support/http-client.js';
import { challengeFor, codeAt, createTotpUser, createUser, login, PERIOD_MS, submitCode, unrelatedCode, type TotpUser, type Via } from '../../support/totp.js';

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

/** A fresh client address for each of up to 65,536 attempts, none of them used by another test. */
const addressNumber = (n: number): { localAddress: string } => ({ localAddress: `127.21.${(n >> 8) & 255}.${n & 255}` });

describe('an attacker spread over many client addresses stays within the guessing budget', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.setEnvironment({ totpEnabled: true });
  });
  afterAll(async () => {
    await server.close();
  });

  const audited = (event: string, username: string) => auditedCount(server, username, event);

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

  /**
   * A day of code guesses by an attacker who has the password, a new address for every try, retrying the
   * moment each wait ends; `beforeEachTry` runs first each time (the owner's turn). Stops early once past
   * the budget, having shown what it needs to. Returns the guesses the audit trail counted.
   */
  async function aDayOfCodeGuesses(user: TotpUser, firstAddress: number, beforeEachTry: () => Promise<void> = async () => {}): Promise<number> {
    const end = server.clock.now() + 24 * 3600_000;
    let submitted = 0;
    while (server.clock.now() < end && submitted <= 40) {
      await beforeEachTry();
      const from = addressNumber(firstAddress + submitted);
      const step = await login(server, user.username, user.password, from);
      const passwordWait = retryAfterOf(step);
      if (passwordWait > 0) {
        server.clock.advance(passwordWait * 1000);
        continue;
      }
      const challenge = ok(step, 200, TotpRequiredResponse).challenge;
      const guess = unrelatedCode(user.secret, server.clock.now());
      submitted += 1;
      server.clock.advance(Math.max(retryAfterOf(await submitCode(server, challenge.id, guess, from)), 1) * 1000);
    }
    return audited('code_rejected', user.username);
  }

  it('guesses at most 31 codes for one account in its first day, even knowing the password, one address per try', async () => {
    const guesses = await aDayOfCodeGuesses(await createTotpUser(server), 10_000);
    expect(guesses).toBeGreaterThan(20);
    expect(guesses).toBeLessThanOrEqual(31);
  });

  // The owner's sign-ins give none of the guesses back (I19).
  it('guesses at most 31 codes in the first day while the owner signs in every time the lock lets them', async () => {
    const user = await createTotpUser(server);
    const signedInBefore = await audited('login_succeeded', user.username);
    let ownerIn = 0;
    // The owner comes first each time, at the moment the account lets anyone in: the order that would most
    // help an attacker if a sign-in gave guesses back.
    const guesses = await aDayOfCodeGuesses(user, 10_100, async () => {
      if ((await ownerSignsIn(server, user, { localAddress: '127.0.21.3' })) === 'in') ownerIn += 1;
    });
    expect(guesses).toBeGreaterThan(20);
    expect(guesses).toBeLessThanOrEqual(31);
    // The owner, with the right code, got in between the locks all day long.
    expect(ownerIn).toBeGreaterThan(20);
    expect(await audited('login_succeeded', user.username)).toBe(signedInBefore + ownerIn);
  });

  it('the owner signing in at the same moment as a burst of guesses gives none back (3 rounds)', async () => {
    for (let round = 0; round < 3; round += 1) {
      const user = await createTotpUser(server);
      const attacker = { localAddress: `127.0.21.${10 + round}` };
      const owner = { localAddress: `127.0.21.${20 + round}` };
      const guessAt = (i: number) => unrelatedCode(user.secret, server.clock.now(), 10 + i);
      const ownChallenge = ok(await login(server, user.username, user.password, owner), 200, TotpRequiredResponse).challenge;
      const attack = ok(await login(server, user.username, user.password, attacker), 200, TotpRequiredResponse).challenge;
      // Two wrong codes cost nothing yet; the next one locks.
      for (let i = 0; i < 2; i += 1) expect((await submitCode(server, attack.id, guessAt(i), attacker)).status).toBe(401);
      const [own, ...burst] = await Promise.all([
        submitCode(server, ownChallenge.id, codeAt(user.secret, server.clock.now()), owner),
        ...Array.from({ length: 3 }, (_, i) => submitCode(server, attack.id, guessAt(2 + i), attacker)),
      ]);
      // The owner is let in or told to wait, never refused as wrong; the burst gets exactly one more check,
      // the one that locks (answered with the lock, as every locking failure is).
      expect([200, 429], `round ${round}: ${own?.text ?? ''}`).toContain(own?.status);
      expect(burst.map((r) => r.status), `round ${round}`).toEqual([429, 429, 429]);
      expect(await audited('code_rejected', user.username), `round ${round}`).toBe(3);
      server.clock.advance(PERIOD_MS);
    }
  });
});

/**
 * The owner's sign-in, password and right code: 'in', or the seconds the account is locked for; never
 * refused as wrong. The clock then moves a period on, so the owner's next code is a fresh one.
 */
async function ownerSignsIn(server: TestServer, user: TotpUser, owner: Via): Promise<'in' | number> {
  const step = await login(server, user.username, user.password, owner);
  if (step.status === 429) return retryAfterOf(step);
  const challenge = ok(step, 200, TotpRequiredResponse).challenge;
  const res = await submitCode(server, challenge.id, codeAt(user.secret, server.clock.now()), owner);
  if (res.status === 429) return retryAfterOf(res);
  ok(res, 200, AuthenticatedResponse);
  server.clock.advance(PERIOD_MS);
  return 'in';
}
