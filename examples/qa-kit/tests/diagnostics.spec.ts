import { expect, test } from 'stepgate/testing';
import { attachDiagnostics } from './support/attach-diagnostics.js';

test.afterEach(attachDiagnostics);

test('diagnostics come from the code window, where About cannot be reached', async ({ stepgate, demoServer }) => {
  const account = await demoServer.newAccount('withCode');
  await stepgate.loginWindow.signIn(account);
  const codeWindow = await stepgate.codeWindow();
  await codeWindow.waitUntilReady();

  const text = await stepgate.diagnostics();
  expect(text).toContain(demoServer.url);
  expect(text).not.toContain(account.password);
  // The person's way fails at once, saying why and what to use, instead of waiting for a button behind the window.
  await expect(stepgate.about.copyDiagnostics()).rejects.toThrow(/behind the verification-code window.*stepgate\.diagnostics\(\)/);
  await expect(codeWindow.codeInput).toBeFocused();
});

test('diagnostics come from the login window as a person copies them, and say why not once the app is gone', async ({ launchStepgate, demoServer }) => {
  const app = await launchStepgate();
  expect(await app.about.copyDiagnostics()).toContain(demoServer.url);
  await app.close();
  await expect(app.diagnostics()).rejects.toThrow(/window is closed/);
});
