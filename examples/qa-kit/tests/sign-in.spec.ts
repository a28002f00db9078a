import { Authenticator, expect, test } from 'stepgate/testing';
import { attachDiagnostics } from './support/attach-diagnostics.js';

test.afterEach(attachDiagnostics);

test('signs in with a verification code', async ({ stepgate, demoServer }) => {
  const account = await demoServer.newAccount('withCode');
  await stepgate.loginWindow.signIn(account);
  const codeWindow = await stepgate.codeWindow();
  await codeWindow.enterCode(await account.authenticator.unusedCode());
  await expect(stepgate.signedIn.person).toContainText(account.username);
});

test('a wrong code is refused, and the code window takes the right one', async ({ stepgate, demoServer }) => {
  const account = await demoServer.newAccount('withCode');
  await stepgate.loginWindow.signIn(account);
  const codeWindow = await stepgate.codeWindow();
  const right = await account.authenticator.unusedCode();
  await codeWindow.enterCode(right === '000000' ? '111111' : '000000');
  await expect(codeWindow.problem).toBeVisible();
  await codeWindow.enterCode(right);
  await expect(stepgate.signedIn.heading).toBeVisible();
});

test.describe('in Finnish', () => {
  test.use({ systemLanguages: ['fi-FI'] });

  test('an account without an authenticator is sent to set-up in the browser', async ({ stepgate, demoServer }) => {
    await stepgate.loginWindow.signIn(demoServer.accounts.needsSetUp);
    await stepgate.enrollmentNeeded.openSetUpPageButton.click();
    // The app hands its sign-in to the browser: the set-up page's hand-off, its one-time code after the `#`.
    await expect.poll(async () => (await stepgate.openedUrls()).map((url) => url.split('#')[0])).toEqual([`${demoServer.url}/handoff`]);
    await expect(stepgate.enrollmentNeeded.backToSignInButton).toBeFocused();
  });
});

test('signing in again right after a sign-in waits for a new code', async ({ stepgate, demoServer }) => {
  // Up to one 30-second step of waiting.
  test.slow();
  // The demo account from `npm start`, with the key of its otpauth URI, as a phone would have scanned it.
  const account = demoServer.accounts.withCode;
  const phone = new Authenticator(account.otpauthUri);
  for (let round = 0; round < 2; round += 1) {
    await stepgate.loginWindow.signIn(account);
    const codeWindow = await stepgate.codeWindow();
    // The second time, the code just used would be refused as a replay: this waits for the next one.
    await codeWindow.enterCode(await phone.unusedCode());
    await expect(stepgate.signedIn.person).toContainText(account.username);
    await stepgate.signedIn.signOut();
  }
});
