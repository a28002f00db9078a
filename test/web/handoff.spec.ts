/**
 * The desktop app's hand-off to the browser, in English and in Finnish: the page names the account the
 * link signs in as and waits for the person to continue (a link sent by someone else signs nobody in
 * unnoticed), takes the code out of the address, lands on the page the app asked for, and says so when
 * the link is spent. Without a hand-off, the sign-in page says why it asks instead of "Your session
 * has ended", which it keeps for a session that did end. The last set-up page sends the person back
 * to the app.
 */
import type { Page } from '@playwright/test';
import { HandoffResponse } from '../../shared/api/schemas.js';
import { messagesFor, pagesMessagesFor } from '../../shared/messages/catalogue.js';
import { LANGUAGES } from '../../shared/messages/language.js';
import { auditEventsOf } from '../support/audit-trail.js';
import { snap } from '../support/gallery.js';
import { apiClient, ok } from '../support/http-client.js';
import type { TestServer } from '../support/test-server.js';
import { codeNow, createTotpUser, createUser, passwordSession, PERIOD_MS } from '../support/totp.js';
import { expect, test } from './support/fixtures.js';

const BROWSER_LOCALE = { en: 'en-GB', fi: 'fi-FI' } as const;

/** What the desktop app does: asks with its session for a hand-off to `next`. */
async function handoffUrl(server: TestServer, token: string, next: '/settings' | '/enroll'): Promise<string> {
  return ok(await apiClient(server.api).post('/auth/handoff', { token, body: { next } }), 201, HandoffResponse).url;
}

for (const language of LANGUAGES) {
  const t = messagesFor(language);
  const p = pagesMessagesFor(language);
  const shoot = (page: Page, state: string) => snap(page, 'pages', state);
  const form = (page: Page) => page.getByRole('form', { name: t.signIn.heading });

  test.describe(`in ${language}`, () => {
    test.use({ locale: BROWSER_LOCALE[language] });

    test('a first visit says why it asks to sign in; an ended session says it ended', async ({ page, server }) => {
      await page.goto('/enroll');
      await expect(page).toHaveURL(/\/signin\?next=%2Fenroll$/);
      await expect(form(page).getByText(p.signIn.purpose['/enroll'], { exact: true })).toBeVisible();
      await expect(form(page).getByText(p.signIn.sessionEnded)).toHaveCount(0);
      await shoot(page, 'Sign in: why (set-up)');
      await page.goto('/settings');
      await expect(form(page).getByText(p.signIn.purpose['/settings'], { exact: true })).toBeVisible();

      // A session the browser held and the server has ended: that is what the page says.
      const user = await createUser(server);
      await page.getByLabel(t.signIn.username).fill(user.username);
      await page.getByLabel(t.signIn.password, { exact: true }).fill(user.password);
      await page.getByRole('button', { name: t.signIn.submit }).click();
      await expect(page).toHaveURL(/\/settings$/);
      const admin = await createTotpUser(server, { isAdmin: true });
      expect((await apiClient(server.api).patch(`/admin/users/${user.id}`, { token: admin.token, body: { disabled: true } })).status).toBe(200);
      await page.goto('/settings');
      await expect(page).toHaveURL(/\/signin\?next=%2Fsettings&ended=1$/);
      await expect(form(page).getByText(p.signIn.sessionEnded, { exact: true })).toBeVisible();
    });

    test('carries the app’s sign-in over: names the account, continues only when asked, and the link then is spent', async ({ page, server, newPage }) => {
      const displayName = language === 'fi' ? 'Ilmari Esimerkki' : 'Ada Example';
      const user = await createUser(server, { displayName });
      const desktop = await passwordSession(server, user.username, user.password);
      const url = await handoffUrl(server, desktop.token, '/settings');
      await page.goto(url);
      await expect(page.getByRole('heading', { name: p.handoff.heading, level: 1 })).toBeVisible();
      const question = page.locator('#handoff-question');
      await expect(question).toHaveText(p.handoff.question(`${displayName} (${user.username})`));
      await expect(question).toBeFocused();
      // The code is gone from the address at once, and nothing is signed in yet.
      await expect(page).toHaveURL(`${server.url}/handoff`);
      expect(await auditEventsOf(server, user.username)).not.toContain('handoff_used');
      await shoot(page, 'Hand-off: continue as');

      await page.getByRole('button', { name: p.handoff.continue }).click();
      await expect(page).toHaveURL(/\/settings$/);
      await expect(page.getByRole('heading', { name: p.settings.heading, level: 1 })).toBeVisible();
      expect(await auditEventsOf(server, user.username)).toContain('handoff_used');

      const other = await newPage();
      await other.goto(url);
      const problem = other.getByRole('alert');
      await expect(problem).toHaveText(p.handoff.invalid);
      await expect(other.getByRole('link', { name: p.handoff.signIn })).toHaveAttribute('href', '/signin');
      await shoot(other, 'Hand-off: link used');
    });

    test('an account that needs an authenticator is handed to set-up, and the last page sends the person back to the app', async ({ page, server }) => {
      const user = await createUser(server, { totpRequired: true });
      const enrolling = await passwordSession(server, user.username, user.password);
      await page.goto(await handoffUrl(server, enrolling.token, '/enroll'));
      await page.getByRole('button', { name: p.handoff.continue }).click();
      await expect(page).toHaveURL(/\/enroll$/);
      const name = language === 'fi' ? 'Työpuhelin' : 'Work phone';
      await page.getByLabel(p.enroll.nameLabel).fill(name);
      await page.getByRole('button', { name: p.enroll.continue }).click();
      await page.getByRole('button', { name: p.enroll.showKey }).click();
      const secret = (await page.locator('.setup-key').innerText()).replace(/\s+/g, '');
      await page.getByRole('textbox', { name: p.enroll.codeLabel(6) }).click();
      await page.keyboard.type(codeNow(server, secret));
      server.clock.advance(PERIOD_MS);
      await page.getByRole('checkbox', { name: p.recovery.acknowledge }).check();
      await page.getByRole('button', { name: p.recovery.continue }).click();
      await expect(page.getByText(p.enroll.backToApp, { exact: true })).toBeVisible();
      await shoot(page, 'Enrollment: done, back to the app');
    });
  });
}
