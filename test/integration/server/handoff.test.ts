/**
 * Hand-off to the browser (docs/api.md, docs/security.md I20): a signed-in desktop session asks for a
 * one-time code; a browser spends it once for a session of the same kind, while the asking session
 * lives. Raced with real concurrent requests: a code signs in at most one browser, and a new password
 * or the asking session's end leaves nothing a hand-off gave.
 */
import { describe, expect, it } from 'vitest';
import { HandoffInspectResponse, HandoffResponse, MeResponse } from '../../../shared/api/schemas.js';
import { HANDOFF_TTL_SECONDS } from '../../../server/auth/handoff.js';
import { auditTrailOf } from '../../support/audit-trail.js';
import { browser, type Browser } from '../../support/browser-cookies.js';
import { describeCall, fails, ok, shape } from '../../support/http-client.js';
import { race } from '../../support/race.js';
import { raceSuite } from '../../support/race-suite.js';
import { createTotpUser, createUser, passwordSession, signIn } from '../../support/totp.js';

const ROUNDS = 8;
const MAX_DELAY_MS = 20;
const BROWSERS = 8;

describe('hand-off of a desktop sign-in to the browser', () => {
  const suite = raceSuite(9_160);

  const ask = (token: string, next: '/settings' | '/enroll' = '/settings') => suite.api.post('/auth/handoff', { token, body: { next } });
  const codeOf = (url: string): string => new URL(url).hash.slice(1);
  const handoffCode = async (token: string, next: '/settings' | '/enroll' = '/settings'): Promise<string> => codeOf(ok(await ask(token, next), 201, HandoffResponse).url);
  const newBrowser = async (): Promise<Browser> => {
    const b = browser(suite.server.url);
    await b.start();
    return b;
  };
  const cookieWorks = async (b: Browser): Promise<boolean> => (await b.api('GET', '/me')).status === 200;

  it('carries a full session to the browser: the code rides in the fragment, is named before it is spent, and gives a cookie session', async () => {
    const user = await createTotpUser(suite.server, { displayName: 'Hand Off' });
    const desktop = await signIn(suite.server, user);
    const issued = ok(await ask(desktop.token), 201, HandoffResponse);
    const url = new URL(issued.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${suite.server.url}/handoff`);
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#sgh_[A-Za-z0-9_-]{40,}$/);
    expect(issued.url).not.toContain(desktop.token);
    expect(issued.expiresIn).toBeLessThanOrEqual(HANDOFF_TTL_SECONDS);

    const code = codeOf(issued.url);
    const named = ok(await suite.api.post('/auth/handoff/inspect', { body: { code } }), 200, HandoffInspectResponse);
    expect(named.user.username).toBe(user.username);
    expect(named.next).toBe('/settings');

    const b = await newBrowser();
    const redeemed = await b.api('POST', '/auth/handoff/redeem', { code });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body?.['next']).toBe('/settings');
    expect((redeemed.body?.['session'] as { token: string }).token).toBe('');
    const me = await b.api('GET', '/me');
    expect(shape(MeResponse, me.body).user.username).toBe(user.username);
    // The desktop's own session goes on, and is a different one.
    expect(await suite.probe.works(desktop.token)).toBe(true);
    expect(b.cookies.get('stepgate_session')).not.toBe(desktop.token);

    const events = (await auditTrailOf(suite.server, user.username)).filter((e) => e.event.startsWith('handoff_'));
    expect(events.map((e) => e.event)).toEqual(['handoff_issued', 'handoff_used']);
    expect(JSON.stringify(events)).not.toContain(code);
  });

  it(`one code, ${BROWSERS} browsers at once: exactly one is signed in (${ROUNDS} rounds)`, async () => {
    const user = await createTotpUser(suite.server);
    const desktop = await signIn(suite.server, user);
    for (let round = 0; round < ROUNDS; round += 1) {
      const code = await handoffCode(desktop.token);
      const browsers = await Promise.all(Array.from({ length: BROWSERS }, newBrowser));
      const answers = await Promise.all(browsers.map((b) => b.api('POST', '/auth/handoff/redeem', { code })));
      const where = `round ${round}: ${answers.map((a) => a.status).join(' ')}`;
      expect(answers.filter((a) => a.status === 200), where).toHaveLength(1);
      for (const a of answers.filter((x) => x.status !== 200)) {
        expect(a.status, where).toBe(401);
        expect((a.body?.['error'] as { code: string }).code).toBe('handoff_invalid');
      }
      const working = await Promise.all(browsers.map(cookieWorks));
      expect(working.filter(Boolean), where).toHaveLength(1);
    }
  });

  it('a spent, expired or unknown code is refused, and inspecting one spends nothing', async () => {
    const user = await createUser(suite.server);
    const desktop = await passwordSession(suite.server, user.username, user.password);
    const code = await handoffCode(desktop.token);
    ok(await suite.api.post('/auth/handoff/inspect', { body: { code } }), 200, HandoffInspectResponse);
    ok(await suite.api.post('/auth/handoff/inspect', { body: { code } }), 200, HandoffInspectResponse);
    const b = await newBrowser();
    expect((await b.api('POST', '/auth/handoff/redeem', { code })).status).toBe(200);
    fails(await suite.api.post('/auth/handoff/redeem', { body: { code } }), 401, 'handoff_invalid');
    fails(await suite.api.post('/auth/handoff/inspect', { body: { code } }), 401, 'handoff_invalid');
    fails(await suite.api.post('/auth/handoff/redeem', { body: { code: 'sgh_unknown' } }), 401, 'handoff_invalid');

    const late = await handoffCode(desktop.token);
    suite.server.clock.advance((HANDOFF_TTL_SECONDS + 1) * 1000);
    fails(await suite.api.post('/auth/handoff/inspect', { body: { code: late } }), 401, 'handoff_invalid');
    fails(await suite.api.post('/auth/handoff/redeem', { body: { code: late } }), 401, 'handoff_invalid');
  });

  it('only a bearer session asks; a browser session cannot make a hand-off of itself', async () => {
    fails(await suite.api.post('/auth/handoff', { body: { next: '/settings' } }), 401, 'unauthorized');
    const user = await createUser(suite.server);
    const b = await newBrowser();
    expect((await b.api('POST', '/auth/login', { username: user.username, password: user.password })).status).toBe(200);
    expect((await b.api('POST', '/auth/handoff', { next: '/settings' })).status).toBe(401);
  });

  it('refused once the asking session has ended: logout, a new password from that very session, a disable', async () => {
    const user = await createTotpUser(suite.server);
    const loggedOut = await signIn(suite.server, user);
    const afterLogout = await handoffCode(loggedOut.token);
    expect((await suite.api.post('/auth/logout', { token: loggedOut.token })).status).toBe(204);
    fails(await suite.api.post('/auth/handoff/redeem', { body: { code: afterLogout } }), 401, 'handoff_invalid');

    // The owner's change keeps the session that made it, but not the codes it asked for.
    const changer = await signIn(suite.server, user);
    const beforeChange = await handoffCode(changer.token);
    const newPassword = `${user.password}-new`;
    expect((await suite.api.post('/me/password', { token: changer.token, body: { currentPassword: user.password, newPassword } })).status).toBe(204);
    fails(await suite.api.post('/auth/handoff/redeem', { body: { code: beforeChange } }), 401, 'handoff_invalid');
    expect(await suite.probe.works(changer.token)).toBe(true);

    const beforeDisable = await handoffCode(changer.token);
    expect((await suite.api.patch(`/admin/users/${user.id}`, { token: suite.admin, body: { disabled: true } })).status).toBe(200);
    fails(await suite.api.post('/auth/handoff/redeem', { body: { code: beforeDisable } }), 401, 'handoff_invalid');
    const reasons = (await auditTrailOf(suite.server, user.username)).filter((e) => e.event === 'handoff_rejected').map((e) => e['reason']);
    expect(reasons).toContain('session_ended');
  });

  it('an enrollment session hands off only to set-up, as an enrollment session, until the account has an authenticator', async () => {
    const user = await createUser(suite.server, { totpRequired: true });
    const enrolling = await suite.enrollmentSession(user);
    fails(await ask(enrolling.token, '/settings'), 403, 'forbidden');
    const code = await handoffCode(enrolling.token, '/enroll');
    const b = await newBrowser();
    const redeemed = await b.api('POST', '/auth/handoff/redeem', { code });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body?.['next']).toBe('/enroll');
    // What an enrollment session may do, and no more.
    expect((await b.api('GET', '/me')).status).toBe(403);
    expect((await b.api('POST', '/me/authenticators', { name: 'Phone' })).status).toBe(201);

    // Once the account has its first authenticator, a code asked for by an enrollment session is dead.
    const pending = await handoffCode(enrolling.token, '/enroll');
    const other = await suite.enrollmentSession(user);
    expect((await suite.confirm(other.token, await suite.addPending(other.token, 'Tablet'))).status).toBe(200);
    fails(await suite.api.post('/auth/handoff/redeem', { body: { code: pending } }), 401, 'handoff_invalid');
  });

  it(`redeem raced with logout of the asking session: a browser is signed in only by a redeem that committed first (${ROUNDS} rounds)`, async () => {
    const user = await createTotpUser(suite.server);
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const desktop = await signIn(suite.server, user);
      const code = await handoffCode(desktop.token);
      const b = await newBrowser();
      const [redeemed, loggedOut] = await race(() => b.api('POST', '/auth/handoff/redeem', { code }), () => suite.api.post('/auth/logout', { token: desktop.token }), delay);
      const where = `round ${round}, delay ${delay} ms: redeem ${redeemed.status}, ${describeCall(loggedOut)}`;
      expect(loggedOut.status, where).toBe(204);
      expect([200, 401], where).toContain(redeemed.status);
      expect(await cookieWorks(b), where).toBe(redeemed.status === 200);
      const events = (await auditTrailOf(suite.server, user.username)).map((e) => e.event);
      if (redeemed.status === 200) expect(events.lastIndexOf('handoff_used'), where).toBeLessThan(events.lastIndexOf('logout'));
      fails(await suite.api.post('/auth/handoff/redeem', { body: { code } }), 401, 'handoff_invalid');
    }
  });

  it(`redeem raced with an administrator's new password: nothing the hand-off gave survives (${ROUNDS} rounds)`, async () => {
    for (const [round, delay] of suite.rounds(ROUNDS, MAX_DELAY_MS)) {
      const user = await createTotpUser(suite.server);
      const desktop = await signIn(suite.server, user);
      const code = await handoffCode(desktop.token);
      const b = await newBrowser();
      const [redeemed, changed] = await race(
        () => b.api('POST', '/auth/handoff/redeem', { code }),
        () => suite.api.post(`/admin/users/${user.id}/password`, { token: suite.admin, body: { newPassword: `${user.password}-set` } }),
        delay,
      );
      const where = `round ${round}, delay ${delay} ms: redeem ${redeemed.status}, ${describeCall(changed)}`;
      expect(changed.status, where).toBe(204);
      expect([200, 401], where).toContain(redeemed.status);
      expect(await cookieWorks(b), where).toBe(false);
      expect(await suite.probe.works(desktop.token), where).toBe(false);
    }
  });
});
