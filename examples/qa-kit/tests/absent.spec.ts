import { authenticatorSetUpIn, expect, test } from 'stepgate/testing';
import { attachDiagnostics } from './support/attach-diagnostics.js';

test.afterEach(attachDiagnostics);

test('an account that needs an authenticator is sent to the browser, and the app shows no set-up of its own', async ({ stepgate, demoServer }) => {
  await stepgate.loginWindow.signIn(demoServer.accounts.needsSetUp);
  await expect(stepgate.enrollmentNeeded.heading).toBeVisible();
  await stepgate.expectNoAuthenticatorSetUp();
});

test('the code window shows neither a QR code nor the account’s secret', async ({ stepgate, demoServer }) => {
  const account = await demoServer.newAccount('withCode');
  await stepgate.loginWindow.signIn(account);
  await (await stepgate.codeWindow()).waitUntilReady();
  await stepgate.expectNoAuthenticatorSetUp({ secret: account.otpauthUri });
});

test('the assertion finds a QR code, an otpauth address and a secret where a page shows them', async ({ page, demoServer }) => {
  const account = await demoServer.newAccount('withCode');
  const secret = new URL(account.otpauthUri).searchParams.get('secret') ?? '';
  await page.setContent(`<main><img alt="QR code" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p>${account.otpauthUri}</p><p>${secret.replace(/(.{4})/g, '$1 ')}</p></main>`);
  const found = await authenticatorSetUpIn(page, { secret: account.otpauthUri });
  expect(found).toEqual(expect.arrayContaining([expect.stringContaining('image'), expect.stringContaining('QR'), 'an otpauth:// address', "the account's secret"]));
  await page.setContent('<main><p>Set-up happens in the browser.</p></main>');
  expect(await authenticatorSetUpIn(page, { secret: account.otpauthUri })).toEqual([]);
});

test('a server without identity providers shows no single sign-on button', async ({ stepgate }) => {
  expect(await stepgate.loginWindow.providers()).toEqual([]);
  await stepgate.loginWindow.expectNoSsoButton();
});
