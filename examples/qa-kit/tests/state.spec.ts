import { expect, test, type StepgateApp, type StepgateProblem } from 'stepgate/testing';
import { attachDiagnostics } from './support/attach-diagnostics.js';
import { atCodeWindowWithWrongCode } from './support/wrong-code.js';

test.afterEach(attachDiagnostics);

/** The code window's problem once the answer to the last code has come. */
async function codeProblem(app: StepgateApp): Promise<StepgateProblem | null> {
  const state = await app.state();
  return state.view === 'code' && !state.busy ? state.problem : null;
}

test('wrong codes count down the attempts left, then the lock-out says how long to wait', async ({ stepgate, demoServer }) => {
  const { codeWindow, wrong } = await atCodeWindowWithWrongCode(stepgate, demoServer);
  // A sign-in request allows five codes (api.md); the account locks sooner, at the third wrong one in a row.
  for (const attemptsLeft of [4, 3]) {
    await codeWindow.enterCode(wrong);
    await expect.poll(() => codeProblem(stepgate)).toMatchObject({ kind: 'wrongCode', attemptsLeft, reason: 'incorrect' });
  }
  await codeWindow.enterCode(wrong);
  await expect.poll(async () => (await codeProblem(stepgate))?.kind).toBe('locked');
  const locked = await codeProblem(stepgate);
  expect(locked?.secondsToWait).toBeGreaterThan(0);
  expect(locked?.secondsToWait).toBeLessThanOrEqual(60);
});

test('a trusted computer is trusted until a date, and the next sign-in skips the code', async ({ stepgate, demoServer }) => {
  // The trust is kept in the keychain: on Linux, run under a Secret Service (docs/testing.md, "What each target needs").
  expect(await stepgate.keychainAvailable()).toBe(true);
  const account = await demoServer.newAccount('withCode');
  await stepgate.loginWindow.signIn(account);
  await (await stepgate.codeWindow()).enterCode(await account.authenticator.unusedCode(), { trustThisComputer: true });
  // The trust is noted once the keychain has kept its token, which may be a moment after the signed-in view.
  await expect.poll(async () => {
    const state = await stepgate.state();
    return state.view === 'signedIn' && state.trustedUntil !== null;
  }).toBe(true);
  const signedIn = await stepgate.state();
  if (signedIn.view !== 'signedIn') throw new Error(`expected the signed-in view, got ${signedIn.view}`);
  const days = ((signedIn.trustedUntil?.getTime() ?? 0) - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(29);
  expect(days).toBeLessThanOrEqual(30);
  expect(signedIn.codeSkipped).toBe(false);

  await stepgate.signedIn.signOut();
  await stepgate.loginWindow.signIn(account);
  await expect.poll(async () => {
    const state = await stepgate.state();
    return state.view === 'signedIn' && state.codeSkipped;
  }).toBe(true);
});
