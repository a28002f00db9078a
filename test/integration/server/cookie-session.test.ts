/**
 * The browser pages' session as the pages hold it: asked for with the x-stepgate-session header, sent
 * back in an HttpOnly cookie (never in the body), carried by the cookie alone afterwards, replaced by a
 * second sign-in in the same browser, and cleared by logout. Its idle limit is kept with the session in the
 * store, so it holds whichever way the token is presented.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser } from '../../support/browser-cookies.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

describe('cookie sessions', () => {
  let server: TestServer;
  const person = { username: 'cookie-person', password: 'cookie-person-password' };
  beforeAll(async () => {
    server = await startTestServer();
    await server.createUser(person);
  });
  afterAll(async () => {
    await server.close();
  });

  it('a sign-in puts the session in an HttpOnly, SameSite=Strict cookie and not in the body; the cookie alone then works', async () => {
    const b = browser(server.url);
    await b.start();
    const signedIn = await b.api('POST', '/auth/login', person);
    expect(signedIn.status).toBe(200);
    expect((signedIn.body?.['session'] as { token: string }).token).toBe('');
    const line = signedIn.setCookies.find((l) => l.startsWith('stepgate_session='));
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Strict/i);
    expect((await b.api('GET', '/me')).status).toBe(200);
  });

  it('a second sign-in in the same browser ends the first session; logout clears the cookie and ends the session', async () => {
    const b = browser(server.url);
    await b.start();
    await b.api('POST', '/auth/login', person);
    const first = b.cookies.get('stepgate_session') ?? '';
    await b.api('POST', '/auth/login', person);
    const second = b.cookies.get('stepgate_session') ?? '';
    expect(second).not.toBe(first);
    expect((await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${first}` } })).status).toBe(401);

    const out = await b.api('POST', '/auth/logout');
    expect(out.status).toBe(204);
    expect(out.setCookies.some((l) => l.startsWith('stepgate_session=;'))).toBe(true);
    expect(b.cookies.has('stepgate_session')).toBe(false);
    expect((await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${second}` } })).status).toBe(401);
  });

  it('a browser session lives while used within the idle limit and then ends for good, for the cookie and the token alike', async () => {
    const b = browser(server.url);
    await b.start();
    await b.api('POST', '/auth/login', person);
    const token = b.cookies.get('stepgate_session') ?? '';
    const bearer = async () => (await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status;
    server.clock.advance(29 * 60_000);
    expect((await b.api('GET', '/me')).status).toBe(200);
    // Used as a bearer token, it does not count as a browser's use: the idle limit still runs from the page's last request.
    server.clock.advance(29 * 60_000);
    expect(await bearer()).toBe(200);
    expect((await b.api('GET', '/me')).status).toBe(200);
    server.clock.advance(30 * 60_000 + 1);
    expect(await bearer()).toBe(401);
    const idle = await b.api('GET', '/me');
    expect(idle.status).toBe(401);
    expect(b.cookies.has('stepgate_session')).toBe(false);
    // Ended in the store, not only refused: turning the clock back does not revive it.
    server.clock.advance(-(30 * 60_000 + 1));
    expect(await bearer()).toBe(401);
  });

  it("a desktop app's session put into the cookie is refused and ended, not taken up as a browser's", async () => {
    const signedIn = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(person) });
    const token = ((await signedIn.json()) as { session: { token: string } }).session.token;
    const b = browser(server.url);
    await b.start();
    b.cookies.set('stepgate_session', token);
    expect((await b.api('GET', '/me')).status).toBe(401);
    expect(b.cookies.has('stepgate_session')).toBe(false);
    expect((await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});
