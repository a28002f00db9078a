/**
 * Trusted computers in the browser: "Don't ask for a code on this computer" (unchecked until
 * checked) makes the next password sign-in in this browser skip the code, and nowhere else; the
 * settings list, remove and forget them; a password change ends them; an administrator sees,
 * removes and forgets a user's, sets a user's password and turns the days down or off.
 */
import type { Page } from '@playwright/test';
import { LoginResponse, TotpRequiredResponse } from '../../shared/api/schemas.js';
import { messagesFor, pagesMessagesFor } from '../../shared/messages/catalogue.js';
import { en } from '../../shared/messages/en.js';
import { pagesEn } from '../../shared/messages/pages-en.js';
import { apiClient, call, fails, ok } from '../support/http-client.js';
import type { TestServer } from '../support/test-server.js';
import { loginWithToken, trustedComputerOf } from '../support/trusted.js';
import { challengeFor, codeNow, createTotpUser, createUser, PERIOD_MS, uniqueUsername, type TotpUser } from '../support/totp.js';
import { expectNoAxeViolations } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import { signInWithPassword, signOut } from './support/steps.js';

const DAYS = 30;
const t = pagesEn.settings;
/** What the pages name a Chromium on Linux, as this machine's is. */
const THIS_BROWSER_NAME = pagesEn.trust.computerName({ browser: 'Chrome', system: 'Linux' });

/** On the code step: optionally ticks "Don't ask for a code…", then types the current code into the boxes. */
async function enterCode(page: Page, server: TestServer, secret: string, trust: boolean, words = { code: en, pages: pagesEn }): Promise<void> {
  const code = page.getByRole('textbox', { name: words.code.code.label(6) });
  await expect(code).toBeFocused();
  const box = page.getByRole('checkbox', { name: words.pages.trust.checkbox(DAYS) });
  await expect(box).not.toBeChecked();
  if (trust) {
    await box.check();
    await code.click();
  }
  await page.keyboard.type(codeNow(server, secret));
  server.clock.advance(PERIOD_MS);
}

/** The settings' trusted computers section. */
const trustedList = (page: Page, heading = t.trustedHeading) => page.getByRole('region', { name: heading });

/** The "Trusted until" cell of a trusted computer's row, as the page words the time. */
const trustedUntil = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) }).getByRole('cell').nth(2).innerText();

/** A trust made through the API (a bearer client, as the desktop app makes one); returns its token. */
const trustThroughApi = async (server: TestServer, user: TotpUser, name: string): Promise<string> => (await trustedComputerOf(server, user, { name, days: DAYS })).token;

/** What a password sign-in with a trusted computer's token comes to: `authenticated` when the trust holds. */
const withToken = async (server: TestServer, user: TotpUser, token: string) => ok(await loginWithToken(server, user.username, user.password, token), 200, LoginResponse).status;

test('a trusted browser signs in without a code, no other browser does, and removing it asks for the code again', async ({ page, server, newPage }) => {
  await server.setEnvironment({ trustedComputerDays: DAYS });
  const user = await createTotpUser(server);

  // Unchecked: signed in, nothing trusted, and the next sign-in asks for the code again.
  await signInWithPassword(page, user.username, user.password);
  await expect(page.getByRole('checkbox', { name: pagesEn.trust.checkbox(DAYS) })).toHaveAccessibleDescription(pagesEn.trust.checkboxHint);
  await expectNoAxeViolations(page, 'code step with "Don’t ask for a code"');
  await enterCode(page, server, user.secret, false);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { name: t.trustedHeading })).toBeVisible();
  await expect(page.getByText(t.trustedNone)).toBeVisible();
  await signOut(page);
  await signInWithPassword(page, user.username, user.password);

  // Checked: the next page says until when, on screen and to screen readers.
  await enterCode(page, server, user.secret, true);
  await expect(page).toHaveURL(/\/settings$/);
  const row = page.getByRole('row', { name: new RegExp(THIS_BROWSER_NAME) });
  await expect(row.getByRole('rowheader')).toHaveText(`${THIS_BROWSER_NAME} ${t.thisBrowser}`);
  await expect(row.getByRole('cell').nth(1)).toHaveText(t.never);
  const until = await trustedUntil(page, THIS_BROWSER_NAME);
  await expect(page.getByRole('main').getByText(pagesEn.trust.trusted(until))).toBeVisible();
  await expect(page.locator('[data-announcer]')).toContainText(pagesEn.trust.trusted(until));
  await expectNoAxeViolations(page, 'settings with a trusted computer');

  // The password alone signs in here; the page says why no code was asked.
  await signOut(page);
  await signInWithPassword(page, user.username, user.password);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('main').getByText(pagesEn.trust.codeSkipped(until))).toBeVisible();
  await expect(page.locator('[data-announcer]')).toContainText(pagesEn.trust.codeSkipped(until));
  await expect(row.getByRole('cell').nth(1)).not.toHaveText(t.never);
  // Shown once: a reload does not say it again.
  await page.reload();
  await expect(page.getByRole('heading', { name: t.trustedHeading })).toBeVisible();
  await expect(page.getByText(pagesEn.trust.codeSkipped(until))).toHaveCount(0);

  // Another browser, the same password: the code is asked there.
  const other = await newPage();
  await other.goto(`${server.url}/signin`);
  await signInWithPassword(other, user.username, user.password);
  await expect(other.getByRole('textbox', { name: en.code.label(6) })).toBeFocused();

  // Removing this browser: the confirmation says it is this one; focus goes back to the list.
  await row.getByRole('button', { name: t.removeTrustedLabel(THIS_BROWSER_NAME) }).click();
  const dialog = page.getByRole('dialog', { name: t.removeTrustedHeading(THIS_BROWSER_NAME) });
  await expect(dialog).toContainText(t.removeTrustedThis);
  await expect(dialog.getByRole('button', { name: pagesEn.cancel })).toBeFocused();
  await dialog.getByRole('button', { name: t.removeTrustedConfirm }).click();
  await expect(page.getByRole('status').filter({ hasText: t.removedTrusted(THIS_BROWSER_NAME) })).toBeVisible();
  await expect(page.getByRole('heading', { name: t.trustedHeading })).toBeFocused();
  await expect(page.getByText(t.trustedNone)).toBeVisible();

  await signOut(page);
  await signInWithPassword(page, user.username, user.password);
  await expect(page.getByRole('textbox', { name: en.code.label(6) })).toBeFocused();
});

test('forget all ends every trusted computer; a password change ends them too, with each refusal named at its field', async ({ page, server, newPage }) => {
  await server.setEnvironment({ trustedComputerDays: DAYS });
  const user = await createTotpUser(server);
  const [recoveryCode] = user.recoveryCodes;
  if (recoveryCode === undefined) throw new Error('expected a recovery code');
  const bearerToken = await trustThroughApi(server, user, 'Windows - LAPTOP-42');

  // Trusted with a recovery code, from the code step's other method.
  await signInWithPassword(page, user.username, user.password);
  await page.getByRole('button', { name: en.code.useRecovery }).click();
  await page.getByRole('checkbox', { name: pagesEn.trust.checkbox(DAYS) }).check();
  await page.getByRole('textbox', { name: en.code.recoveryLabel }).fill(recoveryCode);
  await page.getByRole('button', { name: en.code.recoverySubmit }).click();
  await expect(page).toHaveURL(/\/settings$/);
  // Newest first.
  await expect(trustedList(page).getByRole('rowheader')).toHaveText([`${THIS_BROWSER_NAME} ${t.thisBrowser}`, 'Windows - LAPTOP-42']);

  await page.getByRole('button', { name: t.forgetAll }).click();
  const dialog = page.getByRole('dialog', { name: t.forgetAllHeading });
  await expect(dialog).toContainText(t.forgetAllBody);
  await dialog.getByRole('button', { name: t.forgetAllConfirm }).click();
  await expect(page.getByRole('status').filter({ hasText: t.forgotAll })).toBeVisible();
  await expect(page.getByRole('heading', { name: t.trustedHeading })).toBeFocused();
  await expect(page.getByText(t.trustedNone)).toBeVisible();
  expect(await withToken(server, user, bearerToken)).toBe('totp_required');

  // Trusted again, and another browser signed in: the password change ends both.
  await signOut(page);
  await signInWithPassword(page, user.username, user.password);
  await enterCode(page, server, user.secret, true);
  await expect(trustedList(page).getByRole('rowheader')).toHaveText([`${THIS_BROWSER_NAME} ${t.thisBrowser}`]);
  const other = await newPage();
  await other.goto(`${server.url}/signin`);
  await signInWithPassword(other, user.username, user.password);
  await enterCode(other, server, user.secret, false);
  await expect(other).toHaveURL(/\/settings$/);

  const current = page.getByLabel(t.currentPassword, { exact: true });
  const fresh = page.getByLabel(t.newPassword, { exact: true });
  const repeat = page.getByLabel(t.repeatPassword, { exact: true });
  const change = page.getByRole('button', { name: t.changePassword });
  await change.click();
  await expect(current).toBeFocused();
  await expect(current).toHaveAccessibleDescription(t.currentMissing);
  await current.fill('not the password');
  await fresh.fill('short');
  await change.click();
  await expect(fresh).toBeFocused();
  await expect(page.getByRole('alert')).toHaveText(t.newTooShort(8));
  await fresh.fill('a-brand-new-password');
  await repeat.fill('a-brand-new-passwort');
  await change.click();
  await expect(repeat).toBeFocused();
  await expect(page.getByRole('alert')).toHaveText(t.mismatch);
  await repeat.fill('a-brand-new-password');
  await change.click();
  await expect(current).toBeFocused();
  await expect(current).toHaveValue('');
  await expect(page.getByRole('alert')).toHaveText(t.wrongCurrent);
  await expectNoAxeViolations(page, 'settings: wrong current password');

  await current.fill(user.password);
  await change.click();
  await expect(page.getByRole('status').filter({ hasText: t.passwordChanged })).toBeVisible();
  await expect(page.getByRole('heading', { name: t.passwordHeading })).toBeFocused();
  await expect(page.getByText(t.trustedNone)).toBeVisible();
  for (const field of [current, fresh, repeat]) await expect(field).toHaveValue('');

  // This session goes on; the other browser's has ended; the new password asks for a code here.
  await other.reload();
  await expect(other).toHaveURL(/\/signin\?next=%2Fsettings&ended=1$/);
  await signOut(page);
  await signInWithPassword(page, user.username, 'a-brand-new-password');
  await expect(page.getByRole('textbox', { name: en.code.label(6) })).toBeFocused();
});

test('an administrator removes and forgets a user’s trusted computers, sets their password, and turns the days down and off', async ({ page, server, newPage }) => {
  await server.setEnvironment({ trustedComputerDays: DAYS });
  const a = pagesEn.admin;
  const admin = await createUser(server, { isAdmin: true, username: uniqueUsername('admin') });
  const user = await createTotpUser(server, { username: uniqueUsername('lee') });
  const laptop = await trustThroughApi(server, user, 'Windows - LAPTOP-42');
  const mac = await trustThroughApi(server, user, 'macOS - STUDIO');
  const newPassword = 'a-password-from-the-admin';

  await signInWithPassword(page, admin.username, admin.password, '/signin?next=%2Fadmin');
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByLabel(a.search).fill(user.username);
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: user.username, exact: true }) });
  await expect(row.getByRole('cell').nth(2)).toHaveText('2');

  const opener = row.getByRole('button', { name: a.trustedOf(user.username) });
  await opener.click();
  const panel = page.getByRole('region', { name: a.trustedOf(user.username) });
  await expect(panel.getByRole('heading')).toBeFocused();
  await expect(panel.getByRole('rowheader')).toHaveText(['macOS - STUDIO', 'Windows - LAPTOP-42']);
  await expectNoAxeViolations(page, 'administration: a user’s trusted computers');

  await panel.getByRole('button', { name: a.removeTrustedFor('Windows - LAPTOP-42', user.username) }).click();
  await page.getByRole('dialog', { name: a.removeTrustedHeading('Windows - LAPTOP-42', user.username) }).getByRole('button', { name: t.removeTrustedConfirm }).click();
  await expect(page.getByRole('status').filter({ hasText: a.removedTrusted('Windows - LAPTOP-42', user.username) })).toBeVisible();
  await expect(panel.getByRole('heading')).toBeFocused();
  await expect(panel.getByRole('rowheader')).toHaveText(['macOS - STUDIO']);
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');
  expect(await withToken(server, user, laptop)).toBe('totp_required');
  expect(await withToken(server, user, mac)).toBe('authenticated');

  await panel.getByRole('button', { name: a.forgetAllFor(user.username) }).click();
  await page.getByRole('dialog', { name: a.forgetAllHeading(user.username) }).getByRole('button', { name: a.forgetAllConfirm }).click();
  await expect(page.getByRole('status').filter({ hasText: a.forgotAll(user.username) })).toBeVisible();
  await expect(panel.getByText(a.trustedNoneFor(user.username))).toBeVisible();
  await expect(row.getByRole('cell').nth(2)).toHaveText('0');
  expect(await withToken(server, user, mac)).toBe('totp_required');
  await panel.getByRole('button', { name: pagesEn.close }).click();
  await expect(opener).toBeFocused();

  // A new password: too short is named in the dialog; then the old password and sessions are gone.
  await row.getByRole('button', { name: a.setPasswordFor(user.username) }).click();
  const dialog = page.getByRole('dialog', { name: a.setPasswordFor(user.username) });
  const password = dialog.getByLabel(a.newPassword, { exact: true });
  await expect(password).toBeFocused();
  await password.fill('short');
  await dialog.getByRole('button', { name: a.setPassword }).click();
  await expect(dialog.getByRole('alert')).toHaveText(t.newTooShort(8));
  await expect(password).toBeFocused();
  await expectNoAxeViolations(page, 'administration: set a password');
  await password.fill(newPassword);
  await dialog.getByRole('button', { name: a.setPassword }).click();
  await expect(page.getByRole('status').filter({ hasText: a.passwordSet(user.username) })).toBeVisible();
  await expect(dialog).toHaveCount(0);
  fails(await apiClient(server.api).get('/me', { token: user.token }), 401, 'unauthorized');
  fails(await call('POST', `${server.api}/auth/login`, { body: { username: user.username, password: user.password } }), 401, 'invalid_credentials');
  const api = apiClient(server.api);
  ok(await api.post('/auth/login', { body: { username: user.username, password: newPassword } }), 200, TotpRequiredResponse);

  // Fewer days: the code step offers them; none: it offers nothing.
  const days = page.getByLabel(a.trustedDays);
  await expect(days).toHaveValue(String(DAYS));
  await days.fill('400');
  await page.getByRole('button', { name: a.saveDays }).click();
  await expect(days).toBeFocused();
  await expect(page.getByRole('alert')).toHaveText(a.trustedDaysInvalid);
  await days.fill('7');
  await page.getByRole('button', { name: a.saveDays }).click();
  await expect(page.getByRole('status').filter({ hasText: a.saved })).toBeVisible();
  await expect(days).toHaveValue('7');
  expect((await challengeFor(server, user.username, newPassword)).trustedComputerDays).toBe(7);

  await days.fill('0');
  await page.getByRole('button', { name: a.saveDays }).click();
  const off = page.getByRole('dialog', { name: a.turnOffHeading });
  await expect(off).toContainText(a.turnOffBody);
  await off.getByRole('button', { name: a.turnOffConfirm }).click();
  await expect.poll(async () => (await challengeFor(server, user.username, newPassword)).trustedComputerDays).toBe(0);
  await expect(days).toHaveValue('0');

  const other = await newPage();
  await other.goto(`${server.url}/signin`);
  await signInWithPassword(other, user.username, newPassword);
  await expect(other.getByRole('textbox', { name: en.code.label(6) })).toBeFocused();
  await expect(other.getByRole('checkbox')).toHaveCount(0);
});

test.describe('in Finnish', () => {
  test.use({ locale: 'fi-FI' });

  test('the checkbox, the note after sign-in and the trusted computers are in Finnish', async ({ page, server }) => {
    await server.setEnvironment({ trustedComputerDays: DAYS });
    const fiCode = messagesFor('fi');
    const fi = pagesMessagesFor('fi');
    const user = await createTotpUser(server);
    await page.goto('/signin');
    await page.getByLabel(fiCode.signIn.username).fill(user.username);
    await page.getByLabel(fiCode.signIn.password, { exact: true }).fill(user.password);
    await page.getByRole('button', { name: fiCode.signIn.submit }).click();
    await enterCode(page, server, user.secret, true, { code: fiCode, pages: fi });

    const name = fi.trust.computerName({ browser: 'Chrome', system: 'Linux' });
    await expect(page.getByRole('heading', { name: fi.settings.trustedHeading })).toBeVisible();
    await expect(trustedList(page, fi.settings.trustedHeading).getByRole('rowheader')).toHaveText([`${name} ${fi.settings.thisBrowser}`]);
    await expect(page.getByRole('main').getByText(fi.trust.trusted(await trustedUntil(page, name)))).toBeVisible();
    await expect(page.getByText(fi.settings.trustedIntro(DAYS))).toBeVisible();
    await expect(page.getByRole('button', { name: fi.settings.forgetAll })).toBeVisible();
    await expect(page.getByRole('heading', { name: fi.settings.passwordHeading })).toBeVisible();
    await expect(page.getByLabel(fi.settings.repeatPassword, { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, 'settings with a trusted computer (fi)');
  });
});
