/**
 * Signing in, in each language the app speaks: the operating system's language picks it, and
 * every step is found by the words of that language's catalogue.
 */
import { LANGUAGES } from '../../shared/messages/language.js';
import { currentCode, enrolledAccount, plainAccount, wrongCode } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { codeInput, expectSignedIn, pasteText, signInWithPassword } from './support/steps.js';

const SYSTEM_LANGUAGE = { en: 'en-GB', fi: 'fi-FI' } as const;

for (const language of LANGUAGES) {
  test.describe(`in ${language}`, () => {
    test.use({ systemLanguages: [SYSTEM_LANGUAGE[language]] });

    test('signs in without a code when the account has no two-factor authentication', async ({ server, launch, t }) => {
      const account = await plainAccount(server);
      const app = await launch();
      await expect(app.page.locator('html')).toHaveAttribute('lang', language);
      await expect(app.page.getByRole('heading', { name: t.signIn.heading })).toBeVisible();
      await signInWithPassword(app.page, account, { t });
      await expectSignedIn(app.page, account, t);
      await expect(app.page.getByText(server.url)).toBeVisible();
    });

    test('signs in with a typed verification code', async ({ server, launch, t }) => {
      const account = await enrolledAccount(server);
      const app = await launch();
      await signInWithPassword(app.page, account, { t });
      const window = await app.codeWindow();
      const input = codeInput(window, t);
      await expect(input).toBeFocused();
      await expect(input).toHaveAttribute('autocomplete', 'one-time-code');
      await expect(input).toHaveAttribute('inputmode', 'numeric');
      await expect(window.getByRole('heading', { name: t.code.heading })).toBeVisible();
      // Typed one digit at a time; it submits by itself once all six are there.
      await window.keyboard.type(currentCode(server, account.secret), { delay: 30 });
      await expectSignedIn(app.page, account, t);
    });

    for (const [label, format] of [
      ['with a space', (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`],
      ['with a dash', (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`],
    ] as const) {
      test(`signs in with a pasted code ${label}`, async ({ server, launch, t }) => {
        const account = await enrolledAccount(server);
        const app = await launch();
        await signInWithPassword(app.page, account, { t });
        const window = await app.codeWindow();
        await expect(codeInput(window, t)).toBeFocused();
        await pasteText(window, format(currentCode(server, account.secret)));
        await expectSignedIn(app.page, account, t);
      });
    }

    test('after a wrong code clears the boxes, says how many attempts remain, then accepts the right code', async ({ server, launch, t }) => {
      const account = await enrolledAccount(server);
      const app = await launch();
      await signInWithPassword(app.page, account, { t });
      const window = await app.codeWindow();
      const input = codeInput(window, t);
      await expect(input).toBeFocused();
      await window.keyboard.type(wrongCode(server, account.secret));
      await expect(window.getByRole('alert')).toHaveText(t.problem({ kind: 'wrongCode', attemptsRemaining: 4 }, Date.now()));
      await expect(input).toHaveValue('');
      await expect(input).toBeFocused();
      await window.keyboard.type(currentCode(server, account.secret));
      await expectSignedIn(app.page, account, t);
    });

    test('Cancel returns to the login window with the username kept and the password focused', async ({ server, launch, t }) => {
      const account = await enrolledAccount(server);
      const app = await launch();
      await signInWithPassword(app.page, account, { t });
      const window = await app.codeWindow();
      await window.getByRole('button', { name: t.code.cancel }).click();
      await expect(app.page.getByLabel(t.signIn.username)).toHaveValue(account.username);
      await expect(app.page.getByLabel(t.signIn.password, { exact: true })).toBeFocused();
      await expect(app.page.getByRole('button', { name: t.signIn.submit })).toBeEnabled();
    });
  });
}
