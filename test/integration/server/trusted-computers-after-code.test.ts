/**
 * Trusting the computer after the code: the code's answer (and a recovery code's) carries a one-time
 * offer bound to its session; taking it trusts the computer as the tick at the code would have, and
 * nothing but a live offer of that very session does.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticatedResponse, CodeAcceptedResponse, IssuedTrustedComputer, RecoveryResponse, TotpRequiredResponse } from '../../../shared/api/schemas.js';
import { auditTrailOf } from '../../support/audit-trail.js';
import { apiClient, expectStatus, fails, ok, type ApiClient } from '../../support/http-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { challengeFor, codeNow, createTotpUser, PERIOD_MS, RELAXED_THROTTLE, type TotpUser } from '../../support/totp.js';
import { DAY_MS, loginWithToken, ownTrustedComputers, signInTrusting, signInWithOffer, takeOffer } from '../../support/trusted.js';

const OFFER_MS = 5 * 60_000;

describe('trusting the computer after the code', () => {
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
  beforeEach(async () => {
    await server.setEnvironment({ trustedComputerDays: 30 });
  });

  /** The user's offer after a code, which must have been made. */
  const offered = async (user: TotpUser) => {
    const { session, trustOffer } = await signInWithOffer(server, user);
    if (trustOffer === undefined) throw new Error('the code came without an offer');
    return { token: session.token, grant: trustOffer.grant, offer: trustOffer };
  };

  it("a code's answer offers trust once signed in; taking it trusts the computer as the tick would, audited", async () => {
    const user = await createTotpUser(server);
    const before = server.clock.now();
    const { token, grant, offer } = await offered(user);
    expect(grant).toMatch(/^tg_[A-Za-z0-9_-]{43}$/);
    expect(offer.days).toBe(30);
    expect(Date.parse(offer.expiresAt)).toBe(before + OFFER_MS);

    const takenAt = server.clock.now();
    const made = ok(await takeOffer(server, token, grant, { name: '  Linux - LAPTOP-7  ', days: 7 }), 201, IssuedTrustedComputer);
    expect(made.name).toBe('Linux - LAPTOP-7');
    expect(made.token).toMatch(/^tc_[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(made.expiresAt)).toBe(takenAt + 7 * DAY_MS);
    expect((await ownTrustedComputers(server, token)).map((c) => c.id)).toEqual([made.id]);

    // The next password sign-in with its token skips the code.
    const answer = ok(await loginWithToken(server, user.username, user.password, made.token), 200, AuthenticatedResponse);
    expect(answer.trustedComputer?.id).toBe(made.id);
    const added = (await auditTrailOf(server, user.username)).filter((e) => e.event === 'trusted_computer_added');
    expect(added).toEqual([expect.objectContaining({ id: made.id, name: 'Linux - LAPTOP-7', days: 7 })]);
    expect(JSON.stringify(await auditTrailOf(server, user.username))).not.toContain(grant);
  });

  it('an offer is taken once: the second time is refused and makes nothing', async () => {
    const user = await createTotpUser(server);
    const { token, grant } = await offered(user);
    ok(await takeOffer(server, token, grant), 201, IssuedTrustedComputer);
    fails(await takeOffer(server, token, grant), 403, 'forbidden');
    expect(await ownTrustedComputers(server, token)).toHaveLength(1);
  });

  it('the days are at most the environment’s, as it stands when the offer is taken', async () => {
    const user = await createTotpUser(server);
    const { token, grant } = await offered(user);
    await server.setEnvironment({ trustedComputerDays: 3 });
    const takenAt = server.clock.now();
    const made = ok(await takeOffer(server, token, grant, { name: 'Desk', days: 30 }), 201, IssuedTrustedComputer);
    expect(Date.parse(made.expiresAt)).toBe(takenAt + 3 * DAY_MS);
  });

  it('a code that trusted the computer, a client that did not ask, or an environment at 0 days gets no offer', async () => {
    const user = await createTotpUser(server);
    expect((await signInTrusting(server, user)).trustedComputer).toBeDefined();
    const challenge = await challengeFor(server, user.username, user.password);
    const trusting = await api.post('/auth/totp', {
      body: { challengeId: challenge.id, code: codeNow(server, user.secret), trustComputer: { name: 'A', days: 1 }, offerTrust: true },
    });
    expect(ok(trusting, 200, CodeAcceptedResponse).trustOffer).toBeUndefined();
    server.clock.advance(PERIOD_MS);
    // An earlier client, which checks the answer against the schema it knows, sees the answer it knows.
    const earlier = await challengeFor(server, user.username, user.password);
    const unasked = await api.post('/auth/totp', { body: { challengeId: earlier.id, code: codeNow(server, user.secret) } });
    expect(Object.keys(unasked.body as object).sort()).toEqual(['session', 'status']);
    server.clock.advance(PERIOD_MS);
    await server.setEnvironment({ trustedComputerDays: 0 });
    expect((await signInWithOffer(server, user)).trustOffer).toBeUndefined();
  });

  it("a recovery code's answer offers it too", async () => {
    const user = await createTotpUser(server);
    const challenge = await challengeFor(server, user.username, user.password);
    const answer = ok(await api.post('/auth/recovery', { body: { challengeId: challenge.id, recoveryCode: user.recoveryCodes[0] ?? '', offerTrust: true } }), 200, RecoveryResponse);
    if (answer.trustOffer === undefined) throw new Error('no offer');
    ok(await takeOffer(server, answer.session.token, answer.trustOffer.grant), 201, IssuedTrustedComputer);
  });

  it('the session alone, another session of the same person, or an invented grant trusts nothing', async () => {
    const user = await createTotpUser(server);
    const { token, grant } = await offered(user);
    const other = await offered(user);
    expectStatus(await api.post('/me/trusted-computers', { token, body: { name: 'Desk', days: 30 } }), 400);
    fails(await takeOffer(server, other.token, grant), 403, 'forbidden');
    fails(await takeOffer(server, token, 'tg_invented'), 403, 'forbidden');
    fails(await takeOffer(server, user.token, grant), 403, 'forbidden');
    expect(await ownTrustedComputers(server, token)).toHaveLength(0);
    // A grant offered to another session stays its own session's.
    ok(await takeOffer(server, token, grant), 201, IssuedTrustedComputer);
  });

  it('an offer ends after five minutes', async () => {
    const user = await createTotpUser(server);
    const { token, grant } = await offered(user);
    server.clock.advance(OFFER_MS);
    fails(await takeOffer(server, token, grant), 403, 'forbidden');
    expect(await ownTrustedComputers(server, token)).toHaveLength(0);
  });

  it('signed out, the offer needs a session it no longer has', async () => {
    const user = await createTotpUser(server);
    const { token, grant } = await offered(user);
    expectStatus(await api.post('/auth/logout', { token }), 204);
    fails(await takeOffer(server, token, grant), 401, 'unauthorized');
  });

  it('a new password, a revoked authenticator or trust turned off in between ends the offer', async () => {
    const changer = await createTotpUser(server);
    const changed = await offered(changer);
    expectStatus(await api.post('/me/password', { token: changed.token, body: { currentPassword: changer.password, newPassword: 'a-new-password-42' } }), 204);
    fails(await takeOffer(server, changed.token, changed.grant), 403, 'forbidden');

    const remover = await createTotpUser(server);
    const removed = await offered(remover);
    expectStatus(await api.delete(`/me/authenticators/${remover.authenticatorId}`, { token: removed.token }), 204);
    const afterRemoval = await takeOffer(server, removed.token, removed.grant);
    expect(afterRemoval.status).not.toBe(201);

    const user = await createTotpUser(server);
    const { token, grant } = await offered(user);
    await server.setEnvironment({ trustedComputerDays: 0 });
    fails(await takeOffer(server, token, grant), 403, 'forbidden');
    await server.setEnvironment({ trustedComputerDays: 30 });
    fails(await takeOffer(server, token, grant), 403, 'forbidden');
    ok(await api.post('/auth/login', { body: { username: user.username, password: user.password } }), 200, TotpRequiredResponse);
  });
});
