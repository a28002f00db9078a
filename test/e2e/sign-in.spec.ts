import { en } from '../../shared/messages/en.js';
import { currentCode, enrolledAccount, plainAccount, wrongCode } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { codeInput, expectSignedIn, pasteText, signInWithPassword } from './support/steps.js';

test('signs in without a code when the account has no two-factor', async ({ server, launch }) => {
  const account = await plainAccount(server);
  const app = await launch();
  await expect(app.page.getByText('Stepgate', { exact: true })).toBeVisible();
  await signInWithPassword(app.page, account);
  await expectSignedIn(app.page, account);
  await expect(app.page.getByText(server.url)).toBeVisible();
});

test('signs in with a typed verification code', async ({ server, launch }) => {
  const account = await enrolledAccount(server);
  const app = await launch();
  await signInWithPassword(app.page, account);
  const window = await app.codeWindow();
  const input = codeInput(window);
  await expect(input).toBeFocused();
  await expect(input).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(input).toHaveAttribute('inputmode', 'numeric');
  // Typed one digit at a time; it submits by itself once all six are there.
  await window.keyboard.type(currentCode(server, account.secret), { delay: 30 });
  await expectSignedIn(app.page, account);
});

for (const [label, format] of [
  ['with a space', (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`],
  ['with a dash', (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`],
] as const) {
  test(`signs in with a pasted code ${label}`, async ({ server, launch }) => {
    const account = await enrolledAccount(server);
    const app = await launch();
    await signInWithPassword(app.page, account);
    const window = await app.codeWindow();
    await expect(codeInput(window)).toBeFocused();
    await pasteText(window, format(currentCode(server, account.secret)));
    await expectSignedIn(app.page, account);
  });
}

test('after a wrong code clears the boxes, says how many attempts remain, then accepts the right code', async ({ server, launch }) => {
  const account = await enrolledAccount(server);
  const app = await launch();
  await signInWithPassword(app.page, account);
  const window = await app.codeWindow();
  const input = codeInput(window);
  await expect(input).toBeFocused();
  await window.keyboard.type(wrongCode(server, account.secret));
  await expect(window.getByRole('alert')).toContainText(/That code is not right\. \d attempts? left/);
  await expect(input).toHaveValue('');
  await expect(input).toBeFocused();
  await window.keyboard.type(currentCode(server, account.secret));
  await expectSignedIn(app.page, account);
});

test('Cancel returns to the login window with the username kept', async ({ server, launch }) => {
  const account = await enrolledAccount(server);
  const app = await launch();
  await signInWithPassword(app.page, account);
  const window = await app.codeWindow();
  await window.getByRole('button', { name: en.code.cancel }).click();
  await expect(app.page.getByLabel(en.signIn.username)).toHaveValue(account.username);
  await expect(app.page.getByRole('button', { name: en.signIn.submit })).toBeEnabled();
});
