/**
 * The browser session's protections: an HttpOnly, SameSite=Strict cookie (Secure except on
 * loopback) whose token never reaches the page's script; CSRF tokens on every change; a strict
 * CSP; idle sessions ending; sign-out ending the session on the server.
 */
import { pagesEn } from '../../shared/messages/pages-en.js';
import { apiClient, call } from '../support/http-client.js';
import { createTotpUser, createUser } from '../support/totp.js';
import { expect, test } from './support/fixtures.js';
import { signInWithCode, signInWithPassword, signOut } from './support/steps.js';

test('the session lives in an HttpOnly, SameSite=Strict cookie that script never sees', async ({ page, server, context }) => {
  const user = await createTotpUser(server);
  await signInWithCode(page, server, user, user.secret);

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'stepgate_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false, path: '/' });
  expect(cookies.find((c) => c.name === 'stepgate_csrf')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(await page.evaluate(() => document.cookie)).toBe('');

  // Asked for a cookie session, the answer's token is empty: it travels only in Set-Cookie.
  const csrf = await call('GET', `${server.url}/web/csrf`);
  const secretCookie = String(csrf.headers['set-cookie']?.[0]).split(';')[0] ?? '';
  const plain = await createUser(server);
  const login = await call('POST', `${server.api}/auth/login`, {
    body: { username: plain.username, password: plain.password },
    headers: { cookie: secretCookie, 'x-csrf-token': (csrf.body as { token: string }).token, 'x-stepgate-session': 'cookie' },
  });
  expect(login.status).toBe(200);
  expect(login.body).toMatchObject({ status: 'authenticated', session: { token: '' } });
  expect(String(login.headers['set-cookie'])).toMatch(/^stepgate_session=sgs_[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);

  // The same session answers the API with the cookie alone, from the page.
  expect(await page.evaluate(async () => (await fetch('/api/v1/me')).status)).toBe(200);

  // Sign-out ends it on the server, not only in the browser.
  const token = session?.value ?? '';
  await signOut(page);
  expect((await apiClient(server.api).get('/me', { token })).status).toBe(401);
});

test('a change made with the cookie but without the CSRF token is refused', async ({ page, server }) => {
  const user = await createUser(server, { isAdmin: true });
  await signInWithPassword(page, user.username, user.password);
  await expect(page).toHaveURL(/\/settings$/);
  const status = await page.evaluate(async () => {
    const res = await fetch('/api/v1/admin/environment', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"totpEnabled":false}' });
    return { status: res.status, body: (await res.json()) as unknown };
  });
  expect(status).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  const wrong = await page.evaluate(async () => {
    const res = await fetch('/api/v1/auth/logout', { method: 'POST', headers: { 'x-csrf-token': 'not-the-token' } });
    return res.status;
  });
  expect(wrong).toBe(403);
  expect(await page.evaluate(async () => (await fetch('/api/v1/me')).status)).toBe(200);
  // Bearer requests need no CSRF token: the API contract is unchanged.
  const login = await call('POST', `${server.api}/auth/login`, { body: { username: user.username, password: user.password } });
  expect(login.status).toBe(200);
});

test('pages carry a strict CSP and never put a secret or code in the address', async ({ page, server }) => {
  const user = await createUser(server, { totpRequired: true });
  const urls: string[] = [];
  page.on('request', (req) => urls.push(req.url()));
  const response = await page.goto('/signin');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toContain('upgrade-insecure-requests');
  expect(response?.headers()['cache-control']).toBe('no-store');

  await signInWithPassword(page, user.username, user.password);
  await page.getByLabel(pagesEn.enroll.nameLabel).fill('Phone');
  await page.getByRole('button', { name: pagesEn.enroll.continue }).click();
  await page.getByRole('button', { name: pagesEn.enroll.showKey }).click();
  const key = (await page.locator('.setup-key').innerText()).replace(/\s+/g, '');
  for (const url of urls) {
    expect(url).not.toContain(key);
    expect(url).not.toContain(user.password);
  }
});

test('an idle browser session ends, and the person is sent to sign in and back', async ({ page, server }) => {
  const user = await createUser(server);
  await page.goto('/settings');
  await signInWithPassword(page, user.username, user.password);
  await expect(page).toHaveURL(`${server.url}/settings`);
  server.clock.advance(29 * 60_000);
  await page.reload();
  await expect(page).toHaveURL(/\/settings$/);
  server.clock.advance(31 * 60_000);
  await page.reload();
  await expect(page).toHaveURL(/\/signin\?next=%2Fsettings&ended=1$/);
  await expect(page.getByRole('status')).toContainText(pagesEn.signIn.sessionEnded);
  await signInWithPassword(page, user.username, user.password);
  await expect(page).toHaveURL(/\/settings$/);
});
