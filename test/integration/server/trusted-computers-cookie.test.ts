/**
 * A browser's trusted computer in the pages' cookie mode: the token goes into the HttpOnly stepgate_trusted
 * cookie (never the body), the next password sign-in reads it from there, GET /me marks "this computer",
 * and the cookie is cleared when the server refuses it or the browser's own change ends it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeResponse, TotpRequiredResponse, type TrustedComputer } from '../../../shared/api/schemas.js';
import { browser, type Browser } from '../../support/browser-cookies.js';
import { apiClient, expectStatus, shape } from '../../support/http-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { adminToken, codeNow, createTotpUser, PERIOD_MS, RELAXED_THROTTLE, signIn, type TotpUser } from '../../support/totp.js';
import { DAY_MS, ownTrustedComputers } from '../../support/trusted.js';

const COOKIE = 'stepgate_trusted';

describe('trusted computers in the pages’ cookie mode', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    await server.setEnvironment({ totpEnabled: true, trustedComputerDays: 30 });
    admin = await adminToken(server);
  });
  afterAll(async () => {
    await server.close();
  });

  /** Password, then code with "trust this browser", the way the pages do it. */
  async function trustBrowser(user: TotpUser, b: Browser, days = 30) {
    const first = await b.api('POST', '/auth/login', { username: user.username, password: user.password });
    const challenge = shape(TotpRequiredResponse, first.body).challenge;
    const accepted = await b.api('POST', '/auth/totp', { challengeId: challenge.id, code: codeNow(server, user.secret), trustComputer: { name: 'Firefox on Linux', days } });
    server.clock.advance(PERIOD_MS);
    return accepted;
  }

  const me = async (b: Browser) => shape(MeResponse, (await b.api('GET', '/me')).body);
  const computersOf = async (b: Browser): Promise<readonly TrustedComputer[]> => (await me(b)).trustedComputers?.computers ?? [];
  const cleared = (setCookies: readonly string[]) => setCookies.some((line) => line.startsWith(`${COOKIE}=;`) && /Max-Age=0/i.test(line));

  it('the token goes into an HttpOnly, SameSite=Strict cookie for /api/v1 until the trust expires, and never into the body', async () => {
    const user = await createTotpUser(server);
    const b = browser(server.url);
    await b.start();
    const accepted = await trustBrowser(user, b, 7);
    expect(accepted.status).toBe(200);
    const trusted = accepted.body?.['trustedComputer'] as { token: string; id: string };
    expect(trusted.token).toBe('');
    const line = accepted.setCookies.find((l) => l.startsWith(`${COOKIE}=`)) ?? '';
    expect(line).toMatch(/^stepgate_trusted=tc_[A-Za-z0-9_-]{43};/);
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Strict/i);
    expect(line).toMatch(/Path=\/api\/v1(;|$)/);
    expect(line).not.toMatch(/Secure/i);
    const maxAge = Number(/Max-Age=(\d+)/i.exec(line)?.[1]);
    expect(maxAge).toBe((7 * DAY_MS) / 1000);

    // GET /me marks this browser's own; a bearer call marks none.
    expect((await computersOf(b)).map((c) => [c.id, c.thisComputer])).toEqual([[trusted.id, true]]);
    expect((await ownTrustedComputers(server, (await signIn(server, user)).token)).map((c) => c.thisComputer)).toEqual([false]);
  });

  it('the next password sign-in in the browser reads the cookie and skips the code', async () => {
    const user = await createTotpUser(server);
    const b = browser(server.url);
    await b.start();
    await trustBrowser(user, b);
    expect((await b.api('POST', '/auth/logout')).status).toBe(204);
    const again = await b.api('POST', '/auth/login', { username: user.username, password: user.password });
    expect(again.body?.['status']).toBe('authenticated');
    expect(again.body?.['trustedComputer']).toMatchObject({ name: 'Firefox on Linux' });
    expect((again.body?.['session'] as { token: string }).token).toBe('');
    expect(cleared(again.setCookies)).toBe(false);
    expect(b.cookies.has(COOKIE)).toBe(true);
  });

  it('trusted after the code (the offer taken with the cookie session and CSRF), the token goes into the cookie too', async () => {
    const user = await createTotpUser(server);
    const b = browser(server.url);
    await b.start();
    const first = await b.api('POST', '/auth/login', { username: user.username, password: user.password });
    const challenge = shape(TotpRequiredResponse, first.body).challenge;
    const accepted = await b.api('POST', '/auth/totp', { challengeId: challenge.id, code: codeNow(server, user.secret), offerTrust: true });
    server.clock.advance(PERIOD_MS);
    const offer = accepted.body?.['trustOffer'] as { grant: string };
    const taken = await b.api('POST', '/me/trusted-computers', { grant: offer.grant, name: 'Firefox on Linux', days: 30 });
    expect(taken.status).toBe(201);
    expect((taken.body?.['token'] as string | undefined) ?? 'missing').toBe('');
    expect(taken.setCookies.find((l) => l.startsWith(`${COOKIE}=`)) ?? '').toMatch(/^stepgate_trusted=tc_[A-Za-z0-9_-]{43};.*HttpOnly/i);
    expect((await computersOf(b)).map((c) => c.thisComputer)).toEqual([true]);
    expect((await b.api('POST', '/auth/logout')).status).toBe(204);
    const again = await b.api('POST', '/auth/login', { username: user.username, password: user.password });
    expect(again.body?.['status']).toBe('authenticated');
  });

  it('a refused cookie is cleared at the sign-in that asks for a code instead', async () => {
    const user = await createTotpUser(server);
    const b = browser(server.url);
    await b.start();
    await trustBrowser(user, b);
    expectStatus(await apiClient(server.api).delete(`/admin/users/${user.id}/trusted-computers`, { token: admin }), 204);
    const again = await b.api('POST', '/auth/login', { username: user.username, password: user.password });
    expect(again.body?.['status']).toBe('totp_required');
    expect(cleared(again.setCookies)).toBe(true);
    expect(b.cookies.has(COOKIE)).toBe(false);
  });

  it('forget all, revoking this browser’s own, or a new password from the browser clear the cookie; revoking another does not', async () => {
    const user = await createTotpUser(server);
    const b = browser(server.url);
    await b.start();
    await trustBrowser(user, b);
    const other = browser(server.url);
    await other.start();
    await trustBrowser(user, other);
    const [otherRow, ownRow] = await computersOf(b);
    expect([ownRow?.thisComputer, otherRow?.thisComputer]).toEqual([true, false]);

    const revokedOther = await b.api('DELETE', `/me/trusted-computers/${otherRow?.id ?? ''}`);
    expect(revokedOther.status).toBe(204);
    expect(cleared(revokedOther.setCookies)).toBe(false);
    const revokedOwn = await b.api('DELETE', `/me/trusted-computers/${ownRow?.id ?? ''}`);
    expect(revokedOwn.status).toBe(204);
    expect(cleared(revokedOwn.setCookies)).toBe(true);

    await trustBrowser(user, b);
    const forgot = await b.api('DELETE', '/me/trusted-computers');
    expect(forgot.status).toBe(204);
    expect(cleared(forgot.setCookies)).toBe(true);

    await trustBrowser(user, b);
    const changed = await b.api('POST', '/me/password', { currentPassword: user.password, newPassword: 'changed-in-the-browser' });
    expect(changed.status).toBe(204);
    expect(cleared(changed.setCookies)).toBe(true);
  });
});
