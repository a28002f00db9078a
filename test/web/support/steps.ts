/**
 * What a person does on the pages, as the specs repeat it. Locators go by role and label, the way
 * assistive technology finds things; codes come from otpauth at the server's clock.
 */
import type { Page } from '@playwright/test';
import { en, type Messages } from '../../../shared/messages/en.js';
import { pagesEn } from '../../../shared/messages/pages-en.js';
import type { TestServer } from '../../support/test-server.js';
import { codeNow, PERIOD_MS } from '../../support/totp.js';
import { expect } from './fixtures.js';

export async function signInWithPassword(page: Page, username: string, password: string, path = '/signin', t: Messages = en): Promise<void> {
  if (!page.url().includes('/signin')) await page.goto(path);
  await page.getByLabel(t.signIn.username).fill(username);
  await page.getByLabel(t.signIn.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: t.signIn.submit, exact: true }).click();
}

/** Types the current code of `secret` into the six boxes (it submits itself), then moves the clock a period on. */
export async function typeCode(page: Page, server: TestServer, secret: string, label = en.code.label(6)): Promise<void> {
  const input = page.getByRole('textbox', { name: label });
  await expect(input).toBeFocused();
  await page.keyboard.type(codeNow(server, secret));
  server.clock.advance(PERIOD_MS);
}

export async function signInWithCode(page: Page, server: TestServer, user: { readonly username: string; readonly password: string }, secret: string): Promise<void> {
  await signInWithPassword(page, user.username, user.password);
  await expect(page.getByRole('heading', { name: en.code.heading })).toBeVisible();
  await typeCode(page, server, secret);
  await expect(page).toHaveURL(/\/settings$/);
}

/**
 * Signs out from the page frame, and checks it where it lands: the server refuses the session the
 * cookie carried (as a bearer token), not only the browser forgetting the cookie.
 */
export async function signOut(page: Page): Promise<void> {
  // On loopback the cookie has no __Host- prefix (server/pages/cookie-policy.ts).
  const token = (await page.context().cookies()).find((c) => c.name === 'stepgate_session')?.value;
  expect(token, 'a cookie session before signing out').toBeDefined();
  await page.getByRole('button', { name: pagesEn.frame.signOut }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  const me = await page.request.get(new URL('/api/v1/me', page.url()).toString(), { headers: { authorization: `Bearer ${token ?? ''}` } });
  expect(me.status(), 'GET /me with the signed-out session').toBe(401);
}

/** The key exactly as the page shows it, in groups of four, joined back together. */
export async function readManualKey(page: Page): Promise<string> {
  await page.getByRole('button', { name: pagesEn.enroll.showKey }).click();
  const shown = await page.locator('.setup-key').innerText();
  expect(shown).toMatch(/^([A-Z2-7]{1,4}\s+)+[A-Z2-7]{1,4}$/);
  return shown.replace(/\s+/g, '');
}

/** On /enroll: names the authenticator, reads the key the page shows, confirms with its code. */
export async function enrollOnPage(page: Page, server: TestServer, name: string): Promise<string> {
  await expect(page).toHaveURL(/\/enroll$/);
  await page.getByLabel(pagesEn.enroll.nameLabel).fill(name);
  await page.getByRole('button', { name: pagesEn.enroll.continue }).click();
  await expect(page.getByRole('img', { name: pagesEn.enroll.qrAlt(name) })).toBeVisible();
  const secret = await readManualKey(page);
  await page.getByRole('textbox', { name: pagesEn.enroll.codeLabel(6) }).click();
  await page.keyboard.type(codeNow(server, secret));
  server.clock.advance(PERIOD_MS);
  return secret;
}

/** Acknowledges the recovery codes on screen and returns them. */
export async function saveRecoveryCodes(page: Page): Promise<readonly string[]> {
  const list = page.getByRole('list', { name: pagesEn.recovery.listLabel });
  await expect(list).toBeVisible();
  const codes = (await list.getByRole('listitem').allInnerTexts()).map((c) => c.trim());
  expect(codes.length).toBeGreaterThan(0);
  await page.getByRole('checkbox', { name: pagesEn.recovery.acknowledge }).check();
  await page.getByRole('button', { name: pagesEn.recovery.continue }).click();
  return codes;
}
