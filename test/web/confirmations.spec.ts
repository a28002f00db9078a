/**
 * A confirmation is said where the change was made, in view: a changed password under the password
 * section's heading, a per-user action in that user's row, each announced, in English and Finnish.
 */
import type { Locator, Page } from '@playwright/test';
import { messagesFor, pagesMessagesFor } from '../../shared/messages/catalogue.js';
import { snap } from '../support/gallery.js';
import { apiClient, fails } from '../support/http-client.js';
import { createUser, createTotpUser, passwordStep, uniqueUsername } from '../support/totp.js';
import { expect, test } from './support/fixtures.js';

/** A short window, so that the page's top and the part being used cannot both be in view. */
const SHORT = { width: 900, height: 520 } as const;

async function expectInView(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  const box = await target.boundingBox();
  const view = page.viewportSize();
  expect(box).not.toBeNull();
  expect(view).not.toBeNull();
  if (box === null || view === null) return;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(view.height);
}

for (const language of ['en', 'fi'] as const) {
  test.describe(`in ${language === 'en' ? 'English' : 'Finnish'}`, () => {
    test.use({ locale: language === 'en' ? 'en-GB' : 'fi-FI', viewport: SHORT });
    const code = messagesFor(language);
    const p = pagesMessagesFor(language);

    async function signIn(page: Page, username: string, password: string): Promise<void> {
      await page.goto('/signin');
      await page.getByLabel(code.signIn.username).fill(username);
      await page.getByLabel(code.signIn.password, { exact: true }).fill(password);
      await page.getByRole('button', { name: code.signIn.submit, exact: true }).click();
    }

    test('a changed password is confirmed under the section’s heading, in view and announced', async ({ page, server }) => {
      const user = await createUser(server);
      await signIn(page, user.username, user.password);
      await expect(page).toHaveURL(/\/settings$/);
      await page.getByLabel(p.settings.currentPassword, { exact: true }).fill(user.password);
      await page.getByLabel(p.settings.newPassword, { exact: true }).fill('a-brand-new-password');
      await page.getByLabel(p.settings.repeatPassword, { exact: true }).fill('a-brand-new-password');
      await page.getByRole('button', { name: p.settings.changePassword }).click();

      const section = page.getByRole('form', { name: p.settings.passwordHeading });
      const confirmation = section.getByRole('status').filter({ hasText: p.settings.passwordChanged });
      await expectInView(page, confirmation);
      await expect(section.getByRole('heading', { name: p.settings.passwordHeading })).toBeFocused();
      // Changed on the server: the old password no longer signs in.
      fails(await apiClient(server.api).post('/auth/login', { body: { username: user.username, password: user.password } }), 401, 'invalid_credentials');
      await snap(page, 'pages', `Settings: password changed, confirmed in view (${language})`);
    });

    test('a per-user action is confirmed in that user’s row, in view and announced', async ({ page, server }) => {
      const admin = await createUser(server, { isAdmin: true, username: uniqueUsername('aa-admin') });
      // Enough users that the last one's row is far below the page's top.
      const prefix = uniqueUsername('row');
      for (let i = 0; i < 9; i += 1) await createUser(server, { username: `${prefix}-${i}` });
      const last = await createTotpUser(server, { username: `${prefix}-9` });
      await signIn(page, admin.username, admin.password);
      await expect(page).toHaveURL(/\/settings$/);
      await page.goto('/admin');
      await page.getByLabel(p.admin.search).fill(prefix);
      await expect(page.getByRole('rowheader')).toHaveCount(10);
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: last.username }) });

      await row.getByRole('checkbox', { name: p.admin.requireTotpFor(last.username) }).check();
      await expectInView(page, row.getByText(p.admin.saved));
      await expect(page.locator('[data-announcer]')).toContainText(p.admin.saved);
      await expect(page.locator('#admin-news')).toHaveText('');

      await row.getByRole('button', { name: p.admin.revokeFor(last.username) }).click();
      await page.getByRole('dialog').getByRole('button', { name: p.admin.revokeConfirm }).click();
      const revoked = row.getByText(p.admin.revoked(last.username));
      await expectInView(page, revoked);
      await expect(row.locator('[data-row-note]')).toBeFocused();
      await expect(page.locator('[data-announcer]')).toContainText(p.admin.revoked(last.username));
      // Revoked on the server: the password now leads to enrollment.
      expect((await passwordStep(server, last.username, last.password)).status).toBe('enrollment_required');
      await snap(page, 'pages', `Administration: a per-user confirmation in its row (${language})`);
    });
  });
}
