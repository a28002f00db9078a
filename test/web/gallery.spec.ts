/**
 * The browser pages' states for the screenshot gallery, in English and in Finnish (the browser's
 * language), each in light and dark; administration also at 360 px wide. Each state is reached as
 * a person reaches it, and checked for what it must say before it is photographed.
 */
import type { Page } from '@playwright/test';
import { messagesFor, pagesMessagesFor } from '../../shared/messages/catalogue.js';
import { LANGUAGES } from '../../shared/messages/language.js';
import { snap } from '../support/gallery.js';
import { codeNow, createTotpUser, createUser, PERIOD_MS, uniqueUsername } from '../support/totp.js';
import { expect, test } from './support/fixtures.js';

const BROWSER_LOCALE = { en: 'en-GB', fi: 'fi-FI' } as const;
const shoot = (page: Page, state: string) => snap(page, 'pages', state);

for (const language of LANGUAGES) {
  const t = messagesFor(language);
  const p = pagesMessagesFor(language);
  const signIn = async (page: Page, username: string, password: string) => {
    await page.getByLabel(t.signIn.username).fill(username);
    await page.getByLabel(t.signIn.password, { exact: true }).fill(password);
    await page.getByRole('button', { name: t.signIn.submit }).click();
  };

  test.describe(`in ${language}`, () => {
    test.use({ locale: BROWSER_LOCALE[language] });

    test('sign-in, code step and enrollment', async ({ page, server }) => {
      await server.setEnvironment({ trustedComputerDays: 30 });
      const withCode = await createTotpUser(server);
      await page.goto('/signin');
      await shoot(page, 'Sign in');
      await page.getByRole('button', { name: t.signIn.submit }).click();
      await expect(page.getByRole('alert')).toHaveText(t.signIn.usernameRequired);
      await shoot(page, 'Sign in: empty field');
      await signIn(page, withCode.username, withCode.password);
      await expect(page.getByRole('textbox', { name: t.code.label(6) })).toBeFocused();
      await expect(page.getByRole('checkbox', { name: p.trust.checkbox(30) })).not.toBeChecked();
      await shoot(page, 'Code step');
      const right = codeNow(server, withCode.secret);
      await page.keyboard.type(right === '000000' ? '111111' : '000000');
      await expect(page.getByRole('alert')).toHaveText(t.problem({ kind: 'wrongCode', attemptsRemaining: 4, reason: 'incorrect' }, Date.now()));
      await shoot(page, 'Code step: wrong code');

      const newcomer = await createUser(server, { totpRequired: true });
      await page.context().clearCookies();
      await page.goto('/signin');
      await signIn(page, newcomer.username, newcomer.password);
      await expect(page.getByLabel(p.enroll.nameLabel)).toBeFocused();
      await shoot(page, 'Enrollment: name');
      await page.getByLabel(p.enroll.nameLabel).fill(language === 'fi' ? 'Työpuhelin' : 'Work phone');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: p.enroll.showKey }).click();
      await expect(page.locator('#manual-key')).toBeVisible();
      await shoot(page, 'Enrollment: QR code and key');
      const secret = (await page.locator('.setup-key').innerText()).replace(/\s+/g, '');
      await page.getByRole('textbox', { name: p.enroll.codeLabel(6) }).click();
      await page.keyboard.type(codeNow(server, secret));
      server.clock.advance(PERIOD_MS);
      await expect(page.getByRole('heading', { name: p.recovery.heading })).toBeFocused();
      await shoot(page, 'Enrollment: recovery codes');
      await page.getByRole('checkbox', { name: p.recovery.acknowledge }).check();
      await page.getByRole('button', { name: p.recovery.continue }).click();
      await expect(page.getByRole('link', { name: p.enroll.toSettings })).toBeVisible();
      await shoot(page, 'Enrollment: done');
    });

    test('settings, administration, help, signed out', async ({ page, server }) => {
      await server.setEnvironment({ trustedComputerDays: 30 });
      const admin = await createTotpUser(server, { isAdmin: true, username: uniqueUsername('admin'), displayName: 'Ada Admin' });
      await createTotpUser(server, { username: uniqueUsername('lee'), displayName: 'Lee Example', totpRequired: true });
      await createUser(server, { username: uniqueUsername('kim'), displayName: 'Kim Example' });
      await page.goto('/signin?next=%2Fsettings');
      await signIn(page, admin.username, admin.password);
      // Typed only once the code step has taken focus: keys sent while the password step is still up go nowhere.
      const code = page.getByRole('textbox', { name: t.code.label(6) });
      await expect(code).toBeFocused();
      await page.getByRole('checkbox', { name: p.trust.checkbox(30) }).check();
      await code.focus();
      await page.keyboard.type(codeNow(server, admin.secret));
      server.clock.advance(PERIOD_MS);
      await expect(page.getByRole('heading', { name: p.settings.heading, level: 1 })).toBeVisible();
      await expect(page.getByRole('rowheader', { name: new RegExp(p.settings.thisBrowser) })).toBeVisible();
      await shoot(page, 'Settings, with a trusted computer');
      await page.getByRole('button', { name: p.settings.removeLabel('Phone') }).click();
      await expect(page.getByRole('dialog')).toContainText(p.settings.removeBody);
      await shoot(page, 'Settings: remove confirmation');
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: p.frame.admin }).click();
      await expect(page.getByRole('rowheader')).toHaveCount(3);
      await shoot(page, 'Administration');
      await page.getByRole('button', { name: p.admin.trustedOf(admin.username) }).click();
      await expect(page.getByRole('region', { name: p.admin.trustedOf(admin.username) }).getByRole('rowheader')).toHaveCount(1);
      await shoot(page, 'Administration: a user’s trusted computers');
      await page.getByRole('button', { name: p.close }).click();
      await page.setViewportSize({ width: 360, height: 780 });
      await shoot(page, 'Administration at 360 px');
      await page.setViewportSize({ width: 1280, height: 720 });

      await page.goto('/help');
      await expect(page.getByRole('heading', { name: p.help.heading, level: 1 })).toBeVisible();
      await shoot(page, 'Help: can’t use the authenticator app');

      await page.goto('/settings');
      await page.getByRole('button', { name: p.frame.signOut }).click();
      await expect(page.getByRole('form', { name: t.signIn.heading }).getByText(t.signIn.signedOut)).toBeVisible();
      await shoot(page, 'Signed out');
    });
  });
}
