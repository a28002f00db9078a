/**
 * The code window's layout at the display scalings people use (100%, 125%, 150%): in each of its
 * states (the first view, a wrong code with its message, the recovery-code form), with "Don't ask
 * for a code on this computer" offered, everything fits
 * the window's fixed content size, with nothing cut off and nothing to scroll. In the Chromium
 * project the code window's own page is opened at the size Electron gives it; in the Electron
 * project the real window is drawn with Chromium's --force-device-scale-factor.
 */
import type { Locator, Page } from '@playwright/test';
import { CODE_WINDOW_SIZE as CODE_WINDOW_CONTENT } from '../../shared/ipc/code-window.js';
import { enrolledAccount, wrongCode } from './support/accounts.js';
import { fixedSizeCodeWindow } from './support/fixed-size-code-window.js';
import { expect, test } from './support/fixtures.js';

async function expectFits(codeWindow: Page, scale: number, controls: readonly Locator[]): Promise<void> {
  const drawn = await codeWindow.evaluate(() => ({
    width: window.innerWidth,
    height: window.innerHeight,
    ratio: window.devicePixelRatio,
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
  }));
  expect({ width: drawn.width, height: drawn.height, ratio: drawn.ratio }).toEqual({ ...CODE_WINDOW_CONTENT, ratio: scale });
  // Nothing to scroll: the content is no larger than the window.
  expect(drawn.scrollWidth).toBeLessThanOrEqual(CODE_WINDOW_CONTENT.width);
  expect(drawn.scrollHeight).toBeLessThanOrEqual(CODE_WINDOW_CONTENT.height);
  for (const control of controls) {
    await expect(control).toBeVisible();
    const box = await control.boundingBox();
    if (box === null) throw new Error('the control has no box');
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(CODE_WINDOW_CONTENT.width);
    expect(box.y + box.height).toBeLessThanOrEqual(CODE_WINDOW_CONTENT.height);
  }
}

for (const scale of [1, 1.25, 1.5]) {
  test(`the code window fits its content size at ${scale * 100}% scaling`, async ({ server, launch }) => {
    // With "Don't ask for a code on this computer" offered, as the window is at its fullest.
    await server.setEnvironment({ trustedComputerDays: 30 });
    const account = await enrolledAccount(server);
    const app = await launch({ scaleFactor: scale });
    await app.loginWindow.signIn(account);
    const codeWindow = await fixedSizeCodeWindow(app);
    const { cancelButton: cancel, useRecoveryCodeButton: useRecovery, codeInput, problem, trustThisComputer: trust } = codeWindow;
    await expect(codeInput).toBeFocused();
    await expectFits(codeWindow.page, scale, [codeWindow.heading, codeInput, trust, useRecovery, cancel]);

    await codeWindow.enterCode(wrongCode(server, account.secret));
    await expect(problem).toBeVisible();
    await expectFits(codeWindow.page, scale, [codeInput, trust, problem, useRecovery, cancel]);

    await useRecovery.click();
    await expect(codeWindow.recoveryCodeInput).toBeFocused();
    await expectFits(codeWindow.page, scale, [codeWindow.recoveryCodeInput, trust, codeWindow.verifyButton, cancel]);
  });
}
