/**
 * Administration in the browser: per-user "Require TOTP", revoking a user's TOTP secret (their next
 * sign-in, in the browser and through the API, needs enrollment), the environment switches, creating
 * and disabling users, and a non-admin refused the page and the endpoints.
 */
import { AdminUsersResponse, LoginResponse } from '../../shared/api/schemas.js';
import type { Page } from '@playwright/test';
import { messagesFor, pagesMessagesFor } from '../../shared/messages/catalogue.js';
import { pagesEn, type PagesMessages } from '../../shared/messages/pages-en.js';
import { pagesFi } from '../../shared/messages/pages-fi.js';
import { snap } from '../support/gallery.js';
import { auditTrailOf } from '../support/audit-trail.js';
import { apiClient, fails, ok } from '../support/http-client.js';
import { createTotpUser, createUser, passwordStep, signIn, uniqueUsername } from '../support/totp.js';
import { clippedContent } from '../e2e/support/layout.js';
import { expectNoAxeViolations } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import { signInWithPassword } from './support/steps.js';

const t = pagesEn.admin;

test('an admin requires TOTP and revokes a user’s secret: the next sign-in needs enrollment', async ({ newPage, page, server }) => {
  const admin = await createUser(server, { isAdmin: true, username: uniqueUsername('admin') });
  const user = await createTotpUser(server, { username: uniqueUsername('lee') });

  await page.goto('/admin');
  await expect(page).toHaveURL(/\/signin\?next=%2Fadmin$/);
  await signInWithPassword(page, admin.username, admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('rowheader', { name: user.username })).toBeVisible();
  await expectNoAxeViolations(page, 'administration');

  await page.getByLabel(t.search).fill(user.username);
  await expect(page.getByRole('rowheader')).toHaveText([user.username]);
  await page.getByRole('checkbox', { name: t.requireTotpFor(user.username) }).check();
  await expect(page.getByRole('status').filter({ hasText: t.saved })).toBeVisible();
  // Saved on the server, as another administrator sees the account.
  const listed = ok(await apiClient(server.api).get(`/admin/users?search=${user.username}`, { token: (await signIn(server, admin)).token }), 200, AdminUsersResponse);
  expect(listed.users.find((u) => u.id === user.id)?.totpRequired).toBe(true);

  await page.getByRole('button', { name: t.revokeFor(user.username) }).click();
  const dialog = page.getByRole('dialog', { name: t.revokeHeading(user.username) });
  await expect(dialog).toContainText(t.revokeBody);
  await expectNoAxeViolations(page, 'administration: revoke confirmation');
  await dialog.getByRole('button', { name: t.revokeConfirm }).click();
  await expect(page.getByRole('status').filter({ hasText: t.revoked(user.username) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(user.username) }).getByRole('cell').first()).toBeVisible();

  // Through the API: the old session is dead, and the password now leads to enrollment.
  fails(await apiClient(server.api).get('/me', { token: user.token }), 401, 'unauthorized');
  expect((await passwordStep(server, user.username, user.password)).status).toBe('enrollment_required');
  // Both changes are in the trail, under the administrator who made them.
  expect(await auditTrailOf(server, admin.username)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ event: 'user_updated', user: user.username, totpRequired: true }),
      expect.objectContaining({ event: 'totp_revoked', user: user.username, authenticators: 1 }),
    ]),
  );

  // In the browser: straight into enrollment.
  const other = await newPage();
  await other.goto(`${server.url}/signin`);
  await signInWithPassword(other, user.username, user.password);
  await expect(other).toHaveURL(/\/enroll$/);
});

test('environment switches: with TOTP off no code is asked; required for everyone', async ({ newPage, page, server }) => {
  const admin = await createUser(server, { isAdmin: true, username: uniqueUsername('admin') });
  const user = await createTotpUser(server);
  const plain = await createUser(server);
  await signInWithPassword(page, admin.username, admin.password, '/signin?next=%2Fadmin');
  await expect(page).toHaveURL(`${server.url}/admin`);

  const totpEnabled = page.getByRole('checkbox', { name: t.totpEnabled, exact: true });
  await expect(totpEnabled).toBeChecked();
  await turnTotpOff(page, pagesEn);
  expect((await passwordStep(server, user.username, user.password)).status).toBe('authenticated');

  const other = await newPage();
  await other.goto(`${server.url}/signin`);
  await signInWithPassword(other, user.username, user.password);
  await expect(other).toHaveURL(/\/settings$/);
  await expect(other.getByText(pagesEn.settings.totpOff)).toBeVisible();
  expect((await passwordStep(server, user.username, user.password)).status).toBe('authenticated');

  await totpEnabled.check();
  await page.getByRole('checkbox', { name: t.requiredForAll, exact: true }).check();
  await expect(page.getByRole('checkbox', { name: t.requiredForAll, exact: true })).toBeChecked();
  await expect.poll(async () => (await passwordStep(server, plain.username, plain.password)).status).toBe('enrollment_required');
});

/**
 * Turning two-factor authentication off for everyone: a dialog says what it does, and Cancel (where
 * focus starts) changes nothing on the server; confirmed, the status says what was saved.
 */
async function turnTotpOff(page: Page, words: PagesMessages): Promise<void> {
  const a = words.admin;
  const totpEnabled = page.getByRole('checkbox', { name: a.totpEnabled, exact: true });
  await totpEnabled.click();
  const dialog = page.getByRole('dialog', { name: a.totpOffHeading });
  await expect(dialog).toContainText(a.totpOffBody);
  await expect(dialog.getByRole('button', { name: words.cancel })).toBeFocused();
  await dialog.getByRole('button', { name: words.cancel }).click();
  await expect(dialog).toBeHidden();
  await expect(totpEnabled).toBeChecked();
  await totpEnabled.click();
  await page.getByRole('dialog', { name: a.totpOffHeading }).getByRole('button', { name: a.totpOffConfirm }).click();
  await expect(page.getByRole('status').filter({ hasText: a.savedTotp(false) })).toBeVisible();
  await expect(totpEnabled).not.toBeChecked();
}

test('in Finnish: an administrator without an authenticator is told so, and turning two-factor off asks first', async ({ browser, server }) => {
  const context = await browser.newContext({ locale: 'fi-FI' });
  const page = await context.newPage();
  const admin = await createUser(server, { isAdmin: true, username: uniqueUsername('admin') });
  const protectedUser = await createTotpUser(server);
  await page.goto(`${server.url}/signin?next=%2Fadmin`);
  await page.getByLabel(messagesFor('fi').signIn.username).fill(admin.username);
  await page.getByLabel(messagesFor('fi').signIn.password, { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: messagesFor('fi').signIn.submit }).click();
  await expect(page).toHaveURL(`${server.url}/admin`);
  const notice = page.getByRole('note');
  await expect(notice).toContainText(pagesFi.admin.selfUnprotected);
  await expect(notice.getByRole('link', { name: pagesFi.admin.selfUnprotectedLink })).toHaveAttribute('href', '/enroll');
  await snap(page, 'pages', 'Administration: own account unprotected');
  await turnTotpOff(page, pagesFi);
  expect((await passwordStep(server, protectedUser.username, protectedUser.password)).status).toBe('authenticated');
  await context.close();
});

test('an admin creates and disables a user', async ({ page, server }) => {
  const admin = await createUser(server, { isAdmin: true, username: uniqueUsername('admin') });
  await signInWithPassword(page, admin.username, admin.password, '/signin?next=%2Fadmin');
  await expect(page).toHaveURL(`${server.url}/admin`);
  const username = uniqueUsername('new');
  await page.getByLabel(t.username, { exact: true }).fill(username);
  await page.getByLabel(t.displayName, { exact: true }).fill('New Person');
  await page.getByLabel(t.password, { exact: true }).fill('a-long-password');
  await page.getByRole('checkbox', { name: t.newRequireTotp, exact: true }).check();
  await page.getByRole('button', { name: t.create }).click();
  await expect(page.getByRole('status').filter({ hasText: t.created(username) })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: username })).toBeVisible();
  expect((await passwordStep(server, username, 'a-long-password')).status).toBe('enrollment_required');

  await page.getByRole('button', { name: t.disableFor(username) }).click();
  await expect(page.getByRole('button', { name: t.enableFor(username) })).toBeVisible();
  // The button turns at once; "Saved." is said once the server has committed the change.
  await expect(page.getByRole('status').filter({ hasText: t.saved })).toBeVisible();
  fails(await apiClient(server.api).post('/auth/login', { body: { username, password: 'a-long-password' } }), 401, 'invalid_credentials');
  expect(await auditTrailOf(server, admin.username)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ event: 'user_created', user: username, totpRequired: true }),
      expect.objectContaining({ event: 'user_updated', user: username, disabled: true }),
    ]),
  );
});

test('a non-admin is refused the administration page and endpoints', async ({ page, server, expectConsole }) => {
  expectConsole((message) => /status of 403/.test(message.text()) && message.location().url.endsWith('/admin'));
  const user = await createUser(server);
  await signInWithPassword(page, user.username, user.password);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('link', { name: pagesEn.frame.admin })).toHaveCount(0);

  const response = await page.goto('/admin');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('alert')).toContainText(t.notAllowed);
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expectNoAxeViolations(page, 'administration, refused');

  // With the browser's own cookie session, and with a bearer token.
  const viaCookie = await page.evaluate(async () => (await fetch('/api/v1/admin/users')).status);
  expect(viaCookie).toBe(403);
  const token = (await signIn(server, user)).token;
  const api = apiClient(server.api);
  fails(await api.get('/admin/users', { token }), 403, 'forbidden');
  fails(await api.patch('/admin/environment', { token, body: { totpEnabled: false } }), 403, 'forbidden');
  ok(await api.post('/auth/login', { body: { username: user.username, password: user.password } }), 200, LoginResponse);
});

// Finnish words run longer ("Nollaa kaksivaiheinen tunnistautuminen"), so the narrow layout is checked in both.
for (const [language, locale] of [['en', 'en-GB'], ['fi', 'fi-FI']] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ locale });
    const a = pagesMessagesFor(language).admin;

    test('at 360 px wide each user is a card: nothing scrolls sideways or is cut off, and the table stays a table', async ({ page, server }) => {
      await page.setViewportSize({ width: 360, height: 780 });
      const admin = await createUser(server, { isAdmin: true, username: uniqueUsername('admin') });
      const user = await createTotpUser(server, { username: uniqueUsername('lee') });
      await signInWithPassword(page, admin.username, admin.password, '/signin?next=%2Fadmin', messagesFor(language));
      await expect(page.getByRole('rowheader', { name: user.username })).toBeVisible();
      expect(await clippedContent(page, { fixedHeight: false })).toEqual([]);

      // Screen readers still hear a table: column headers, rows, and cells under their headers.
      await expect(page.getByRole('columnheader')).toHaveCount(7);
      const row = page.getByRole('row', { name: new RegExp(user.username) });
      for (const control of [
        row.getByRole('checkbox', { name: a.requireTotpFor(user.username) }),
        row.getByRole('button', { name: a.revokeFor(user.username) }),
        row.getByRole('button', { name: a.disableFor(user.username) }),
        row.getByRole('button', { name: a.trustedCount(user.username, 0) }),
        row.getByRole('button', { name: a.setPasswordFor(user.username) }),
      ]) {
        await control.scrollIntoViewIfNeeded();
        const box = await control.boundingBox();
        expect(box !== null && box.x >= 0 && box.x + box.width <= 360).toBe(true);
      }
      await row.getByRole('checkbox', { name: a.requireTotpFor(user.username) }).check();
      await expect(page.getByRole('status').filter({ hasText: a.saved })).toBeVisible();
      await expect(page.locator('body')).not.toContainText('TOTP');
      await expectNoAxeViolations(page, `administration at 360 px (${language})`);
    });
  });
}
