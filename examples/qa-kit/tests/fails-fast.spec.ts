import { expect, test } from 'stepgate/testing';
import { attachDiagnostics } from './support/attach-diagnostics.js';

test.afterEach(attachDiagnostics);

test('on a computer without a keychain, asking for what needs one fails at once, saying why', async ({ launchStepgate, demoServer }) => {
  const app = await launchStepgate({ keychain: false });
  expect(await app.keychainAvailable()).toBe(false);
  const account = await demoServer.newAccount('withCode');
  await expect(app.loginWindow.signIn(account, { keepSignedIn: true })).rejects.toThrow(/"Keep me signed in".*keychain: false/);

  await app.loginWindow.signIn(account);
  const codeWindow = await app.codeWindow();
  const code = await account.authenticator.unusedCode();
  await expect(codeWindow.enterCode(code, { trustThisComputer: true })).rejects.toThrow(/does not offer "Don't ask for a code on this computer".*keychain: false/);
  // Nothing was typed: the window still waits for the same code, which signs in without the choice.
  await codeWindow.enterCode(code);
  await expect.poll(async () => (await app.state()).view).toBe('signedIn');
});

test('under a policy that forbids trusted computers, the trust choice fails naming the policy', async ({ launchStepgate, demoServer }) => {
  const app = await launchStepgate({ policy: { allowTrustedComputer: false } });
  const account = await demoServer.newAccount('withCode');
  await app.loginWindow.signIn(account);
  const codeWindow = await app.codeWindow();
  await expect(codeWindow.pasteCode('000000', { trustThisComputer: true })).rejects.toThrow(/allowTrustedComputer: false/);
});

test('a sign-in that needs no code says so instead of waiting for a code window', async ({ stepgate, demoServer }) => {
  await stepgate.loginWindow.signIn(demoServer.accounts.noCode);
  await expect(stepgate.codeWindow()).rejects.toThrow(/no verification-code window: the app shows the signed-in view/);
});

test('single sign-on with a provider the server does not offer fails naming what it offers', async ({ stepgate }) => {
  await expect(stepgate.loginWindow.signInWithSso('Contoso')).rejects.toThrow(/offers no identity provider/);
});
