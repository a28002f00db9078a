/**
 * The code window at its fixed size, in every state, in English, in Finnish and in the
 * pseudo-locale (every text some 40 % longer): nothing is cut off, nothing needs scrolling. The
 * server offers trusted computers, so "Don't ask for a code on this computer" is there in every
 * state, as the longest the window gets. Each state also goes into the screenshot gallery.
 */
import type { UiLanguage } from '../../shared/messages/language.js';
import { movePageClock } from '../support/page-clock.js';
import { codeAt, enrolledAccount, wrongCode } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { fixedSizeCodeWindow } from './support/fixed-size-code-window.js';
import { expectCodeWindowWhole } from './support/layout.js';
import { skewedClockProxy } from './support/skewed-clock-proxy.js';


const LOCK_SECONDS = 30;
/** What the note on this computer's clock must say: the code does not depend on it. */
const NOT_THE_CODE: Readonly<Record<'en' | 'fi', string>> = { en: 'does not affect your code', fi: 'ei vaikuta koodiin' };


test.beforeEach(async ({ server }) => {
  await server.setEnvironment({ trustedComputerDays: 365 });
});

for (const language of ['en', 'fi', 'en-XA'] as const satisfies readonly UiLanguage[]) {
  test.describe(`in ${language}`, () => {
    test.use({
      language,
      serverConfig: { challenge: { maxAttempts: 10 }, throttle: { account: { lockAfterFailures: 2, baseLockSeconds: LOCK_SECONDS, maxLockSeconds: LOCK_SECONDS } } },
    });

    test('the code window shows everything at its fixed size: empty, wrong code, locked, recovery code, expired', async ({ server, launch, t }) => {
      const account = await enrolledAccount(server);
      const app = await launch();
      await app.loginWindow.signIn(account);
      const codeWindow = await fixedSizeCodeWindow(app);
      const window = codeWindow.page;
      await expect(codeWindow.codeInput).toBeFocused();
      await expect(codeWindow.trustThisComputer).toBeVisible();
      await expectCodeWindowWhole(window, 'empty');

      await window.keyboard.type(wrongCode(server, account.secret));
      await expect(window.locator('#code-problem')).toHaveText(t.problem({ kind: 'wrongCode', attemptsRemaining: 9, reason: 'incorrect' }, Date.now()));
      await expectCodeWindowWhole(window, 'wrong code');

      await window.keyboard.type(wrongCode(server, account.secret));
      await expect(window.locator('#code-problem')).toContainText(t.code.lockIncludesRecovery);
      await expectCodeWindowWhole(window, 'locked');

      server.clock.advance(LOCK_SECONDS * 1000);
      await movePageClock(window, LOCK_SECONDS * 1000);
      await codeWindow.useRecoveryCodeButton.click();
      await expect(codeWindow.recoveryHeading).toBeVisible();
      await expect(codeWindow.trustThisComputer).toBeVisible();
      await expectCodeWindowWhole(window, 'recovery code');

      await movePageClock(window, 10 * 60_000);
      await expect(codeWindow.startAgainButton).toBeFocused();
      await expectCodeWindowWhole(window, 'expired');
    });

    test('the code window shows its longest words at its fixed size: this computer’s clock and the phone’s', async ({ server, launch, t }) => {
      const account = await enrolledAccount(server);
      const proxy = await skewedClockProxy(server.url, -5 * 60_000);
      try {
        const app = await launch({ serverUrl: proxy.url });
        await app.loginWindow.signIn(account);
        const codeWindow = await fixedSizeCodeWindow(app);
        const window = codeWindow.page;
        const note = window.locator('#code-clock');
        await expect(note).toHaveText(t.code.computerClock(300));
        // The true cause: the code depends on the phone's clock, not on this computer's.
        if (language !== 'en-XA') await expect(note).toContainText(NOT_THE_CODE[language]);
        await window.keyboard.type(codeAt(account.secret, server.clock.now() + 4 * 60_000));
        await expect(window.locator('#code-problem')).toHaveText(t.problem({ kind: 'wrongCode', attemptsRemaining: 9, reason: 'clock_skew' }, Date.now()));
        await expectCodeWindowWhole(window, 'clocks off');
      } finally {
        await proxy.close();
      }
    });
  });
}
