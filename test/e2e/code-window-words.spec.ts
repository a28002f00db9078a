/**
 * What the code window says after each step, in English and in Finnish: an expired request replaces
 * whatever was said before it; a refused recovery code gets its own words and no stale field error;
 * a lock-out keeps the cause of the refusal that started it; and the signed-in view that follows a code which submitted itself
 * does not hand an Enter pressed out of habit to "Sign out".
 */
import type { UiLanguage } from '../../shared/messages/language.js';
import { auditEventsOf, auditTrailOf } from '../support/audit-trail.js';
import { snap } from '../support/gallery.js';
import { movePageClock } from '../support/page-clock.js';
import { codeAt, currentCode, enrolledAccount, wrongCode } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { fixedSizeCodeWindow } from './support/fixed-size-code-window.js';
import { expectCodeWindowWhole } from './support/layout.js';
import { expectSignedIn } from './support/steps.js';

const LOCK_SECONDS = 30;
const TEN_MINUTES = 10 * 60_000;

for (const language of ['en', 'fi'] as const satisfies readonly UiLanguage[]) {
  test.describe(`in ${language}`, () => {
    test.use({
      language,
      serverConfig: { challenge: { maxAttempts: 10 }, throttle: { account: { lockAfterFailures: 2, baseLockSeconds: LOCK_SECONDS, maxLockSeconds: LOCK_SECONDS } } },
    });

    test('an expired request replaces the wrong code said before it', async ({ server, launch, t }) => {
      const account = await enrolledAccount(server);
      const app = await launch();
      await app.loginWindow.signIn(account);
      const codeWindow = await fixedSizeCodeWindow(app);
      await codeWindow.enterCode(wrongCode(server, account.secret));
      await expect(codeWindow.problem).toHaveText(t.problem({ kind: 'wrongCode', attemptsRemaining: 9, reason: 'incorrect' }, Date.now()));
      await movePageClock(codeWindow.page, TEN_MINUTES);
      await expect(codeWindow.page.locator('#code-problem')).toHaveText(t.problem({ kind: 'challengeExpired' }, Date.now()));
      await expect(codeWindow.codeInput).toBeDisabled();
      await expect(codeWindow.startAgainButton).toBeFocused();
      await expectCodeWindowWhole(codeWindow.page, 'expired after a wrong code');
    });

    test('a lock-out started by a phone’s clock keeps saying so, until the expired request replaces it', async ({ server, launch, t }) => {
      const account = await enrolledAccount(server);
      const app = await launch();
      await app.loginWindow.signIn(account);
      const codeWindow = await fixedSizeCodeWindow(app);
      const problem = codeWindow.page.locator('#code-problem');
      await codeWindow.enterCode(wrongCode(server, account.secret));
      await expect(codeWindow.problem).toBeVisible();
      // The second failure, the one that starts the lock-out, is a phone four minutes fast.
      await codeWindow.enterCode(codeAt(account.secret, server.clock.now() + 4 * 60_000));
      const cause = t.code.lockCause.clock_skew;
      await expect(problem).toContainText(cause);
      await expect(problem).toContainText(t.code.lockIncludesRecovery);
      await expectCodeWindowWhole(codeWindow.page, 'locked after a code from a phone’s wrong clock');
      await movePageClock(codeWindow.page, LOCK_SECONDS * 1000);
      await expect(problem).toHaveText(`${t.code.lockedOver} ${cause}`);
      await movePageClock(codeWindow.page, TEN_MINUTES);
      await expect(problem).toHaveText(t.problem({ kind: 'challengeExpired' }, Date.now()));
      await expect(codeWindow.startAgainButton).toBeFocused();
      // On the server, the lock was started by the phone's code.
      expect((await auditTrailOf(server, account.username)).slice(-2)).toEqual([
        expect.objectContaining({ event: 'code_rejected', reason: 'clock_skew' }),
        expect.objectContaining({ event: 'account_locked' }),
      ]);
    });

    test('a wrong recovery code is told as one, and "enter a recovery code" goes once a code was entered', async ({ server, launch, t }) => {
      const account = await enrolledAccount(server);
      const app = await launch();
      await app.loginWindow.signIn(account);
      const codeWindow = await fixedSizeCodeWindow(app);
      await codeWindow.useRecoveryCodeButton.click();
      await expect(codeWindow.recoveryCodeInput).toBeFocused();
      await codeWindow.verifyButton.click();
      const empty = codeWindow.page.getByText(t.code.recoveryRequired);
      await expect(empty).toBeVisible();
      await codeWindow.recoveryCodeInput.fill('zzzz-zzzz-zzzz');
      await codeWindow.verifyButton.click();
      await expect(codeWindow.problem).toHaveText(t.problem({ kind: 'wrongRecoveryCode', attemptsRemaining: 9, reason: 'incorrect' }, Date.now()));
      await expect(empty).toHaveCount(0);
      await expect(codeWindow.recoveryCodeInput).toBeFocused();
      await expectCodeWindowWhole(codeWindow.page, 'wrong recovery code');
      expect(await auditEventsOf(server, account.username)).toContain('recovery_code_rejected');
    });
  });
}

test('an Enter pressed right after a code that submitted itself does not sign out', async ({ server, launch, t }) => {
  const account = await enrolledAccount(server);
  const app = await launch();
  await app.loginWindow.signIn(account);
  const codeWindow = await app.codeWindow();
  await codeWindow.enterCode(currentCode(server, account.secret));
  await expectSignedIn(app, account);
  await expect(app.signedIn.heading).toBeFocused();
  await snap(app.page, 'desktop', 'Signed in after a code: focus on the heading');
  await app.page.keyboard.press('Enter');
  await expect(app.signedIn.signOutButton).toHaveText(t.signedIn.signOut);
  await expect(app.signedIn.heading).toBeFocused();
  // This sign-in's session is still alive on the server: nothing since its code.
  const events = await auditEventsOf(server, account.username);
  expect(events.slice(events.lastIndexOf('challenge_issued'))).toEqual(['challenge_issued', 'code_accepted', 'login_succeeded']);
});
