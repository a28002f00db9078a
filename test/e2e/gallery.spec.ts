/**
 * The desktop app's states for the screenshot gallery, in English and in Finnish, each in light
 * and dark (the code window's states come from code-window-layout.spec.ts). Every state is
 * reached the way a person reaches it, and checked for what it must say before it is photographed.
 */
import type { Page } from '@playwright/test';
import { LANGUAGES } from '../../shared/messages/language.js';
import { snap } from '../support/gallery.js';
import { enrolledAccount, plainAccount } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';

const SYSTEM_LANGUAGE = { en: 'en-GB', fi: 'fi-FI' } as const;
const shoot = (page: Page, state: string) => snap(page, 'desktop', state);

for (const language of LANGUAGES) {
  test.describe(`in ${language}`, () => {
    test.use({ systemLanguages: [SYSTEM_LANGUAGE[language]] });

    test('first start and the login window', async ({ server, launch, t }) => {
      const first = await launch({ serverUrl: null });
      await expect(first.serverAddress.address).toBeFocused();
      await shoot(first.page, 'First start: server address');
      await first.serverAddress.address.fill('http://id.example.com');
      await first.page.keyboard.press('Enter');
      await expect(first.page.getByRole('alert')).toHaveText(t.problem({ kind: 'invalidServerAddress', reason: 'notHttps' }, Date.now()));
      await shoot(first.page, 'First start: address refused');

      const account = await plainAccount(server);
      const app = await launch();
      await expect(app.loginWindow.username).toBeFocused();
      await shoot(app.page, 'Sign in');
      await app.loginWindow.signInButton.click();
      await expect(app.page.getByRole('alert')).toHaveText(t.signIn.usernameRequired);
      await shoot(app.page, 'Sign in: empty field');
      await app.loginWindow.username.fill(account.username);
      await app.loginWindow.password.fill('not the password');
      await app.loginWindow.showPassword.click();
      await shoot(app.page, 'Sign in: password shown');
      await app.loginWindow.signInButton.click();
      await expect(app.page.getByRole('alert')).toHaveText(t.problem({ kind: 'invalidCredentials' }, Date.now()));
      await shoot(app.page, 'Sign in: wrong password');
      await app.about.open();
      await shoot(app.page, 'About Stepgate');
      await app.about.copyDiagnostics();
      await expect(app.about.copyButton).toBeFocused();
      await shoot(app.page, 'About Stepgate: diagnostics copied');

      const withoutKeychain = await launch({ keychain: false });
      await expect(withoutKeychain.page.getByText(withoutKeychain.kind === 'preview' ? t.notices.noKeychain : t.notices.keyringRefused)).toBeVisible();
      await shoot(withoutKeychain.page, 'Sign in: no keychain');
    });

    test('set-up needed, signed in, signed out', async ({ server, launch, t }) => {
      const needsSetUp = await plainAccount(server, { totpRequired: true });
      const app = await launch();
      await app.loginWindow.signIn(needsSetUp);
      await expect(app.enrollmentNeeded.heading).toBeVisible();
      await shoot(app.page, 'Set-up needed');
      await app.enrollmentNeeded.openSetUpPageButton.click();
      await expect(app.page.getByText(t.enrollment.opened)).toBeVisible();
      await shoot(app.page, 'Set-up needed: page opened');
      await app.enrollmentNeeded.backToSignInButton.click();

      const account = await enrolledAccount(server);
      const recoveryCode = account.recoveryCodes[0] ?? '';
      await app.loginWindow.signIn(account);
      const codeWindow = await app.codeWindow();
      await codeWindow.enterRecoveryCode(recoveryCode);
      await expect(app.page.getByText(t.signedIn.recoveryCodesLeft(account.recoveryCodes.length - 1))).toBeVisible();
      await shoot(app.page, 'Signed in after a recovery code');
      await app.signedIn.signOutButton.click();
      await expect(app.page.getByRole('form', { name: t.signIn.heading }).getByText(t.signIn.signedOut)).toBeVisible();
      await shoot(app.page, 'Signed out');
    });
  });
}
