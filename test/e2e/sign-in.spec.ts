/**
 * Signing in, in each language the app speaks: the operating system's language picks it, and
 * every step is found by the words of that language's catalogue.
 */
import { LANGUAGES } from '../../shared/messages/language.js';
import { currentCode, enrolledAccount, plainAccount, wrongCode } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { auditTrailOf } from '../support/audit-trail.js';
import { expectSignedIn, pasteText } from './support/steps.js';

const SYSTEM_LANGUAGE = { en: 'en-GB', fi: 'fi-FI' } as const;

for (const language of LANGUAGES) {
  test.describe(`in ${language}`, () => {
    test.use({ systemLanguages: [SYSTEM_LANGUAGE[language]] });

    test('signs in without a code when the account has no two-factor authentication', async ({ server, launch }) => {
      const account = await plainAccount(server);
      const app = await launch();
      await expect(app.page.locator('html')).toHaveAttribute('lang', language);
      await expect(app.loginWindow.heading).toBeVisible();
      await app.loginWindow.signIn(account);
      await expectSignedIn(app, account);
      await expect(app.page.getByText(server.url)).toBeVisible();
      const trail = await auditTrailOf(server, account.username);
      expect(trail).toEqual([expect.objectContaining({ event: 'login_succeeded', method: 'password' })]);
    });

    test('signs in with a typed verification code', async ({ server, launch }) => {
      const account = await enrolledAccount(server);
      const app = await launch();
      await app.loginWindow.signIn(account);
      const codeWindow = await app.codeWindow();
      const window = codeWindow.page;
      const input = codeWindow.codeInput;
      await expect(input).toBeFocused();
      await expect(input).toHaveAttribute('autocomplete', 'one-time-code');
      await expect(input).toHaveAttribute('inputmode', 'numeric');
      await expect(codeWindow.heading).toBeVisible();
      // Typed one digit at a time; it submits by itself once all six are there.
      await window.keyboard.type(currentCode(server, account.secret), { delay: 30 });
      await expectSignedIn(app, account);
      // The server took that code for this sign-in: accepted once, with a session issued after it.
      const trail = (await auditTrailOf(server, account.username)).slice(-3);
      expect(trail).toEqual([
        expect.objectContaining({ event: 'challenge_issued' }),
        expect.objectContaining({ event: 'code_accepted' }),
        expect.objectContaining({ event: 'login_succeeded', method: 'totp' }),
      ]);
    });

    for (const [label, format] of [
      ['with a space', (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`],
      ['with a dash', (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`],
    ] as const) {
      test(`signs in with a pasted code ${label}`, async ({ server, launch }) => {
        const account = await enrolledAccount(server);
        const app = await launch();
        await app.loginWindow.signIn(account);
        const codeWindow = await app.codeWindow();
        const window = codeWindow.page;
        await expect(codeWindow.codeInput).toBeFocused();
        await pasteText(window, format(currentCode(server, account.secret)));
        await expectSignedIn(app, account);
      });
    }

    test('after a wrong code clears the boxes, says how many attempts remain, then accepts the right code', async ({ server, launch, t }) => {
      const account = await enrolledAccount(server);
      const app = await launch();
      await app.loginWindow.signIn(account);
      const codeWindow = await app.codeWindow();
      const input = codeWindow.codeInput;
      await codeWindow.enterCode(wrongCode(server, account.secret));
      await expect(codeWindow.problem).toHaveText(t.problem({ kind: 'wrongCode', attemptsRemaining: 4, reason: 'incorrect' }, Date.now()));
      await expect(input).toHaveValue('');
      await expect(input).toBeFocused();
      await codeWindow.enterCode(currentCode(server, account.secret));
      await expectSignedIn(app, account);
    });

    test('Cancel returns to the login window with the username kept and the password focused', async ({ server, launch }) => {
      const account = await enrolledAccount(server);
      const app = await launch();
      await app.loginWindow.signIn(account);
      const codeWindow = await app.codeWindow();
      await codeWindow.cancel();
      await expect(app.loginWindow.username).toHaveValue(account.username);
      await expect(app.loginWindow.password).toBeFocused();
      await expect(app.loginWindow.signInButton).toBeEnabled();
    });
  });
}
