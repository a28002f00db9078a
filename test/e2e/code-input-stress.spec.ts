/**
 * The code input never drops or misplaces a key, however soon after the window opens or the boxes
 * become writable again the keys arrive, on a CPU slowed down the way a loaded machine is
 * (DevTools Emulation.setCPUThrottlingRate). Each round: the window opens (every second round it
 * is the second window of that sign-in, after a Cancel) and a wrong code arrives at once as a
 * burst; the moment the answer has made the boxes writable again, the right code arrives as a
 * burst with a typo mended by ArrowLeft. A lost first digit leaves five digits and nothing is sent;
 * a lost or late ArrowLeft inserts the mended digit instead of replacing the typo; a digit landing
 * in the old code's boxes sends a code nobody typed. Each of these fails the round.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { CodeWindow } from '../../testing/index.js';
import { currentCode, enrolledAccount, wrongCode } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { burstKeys } from './support/key-burst.js';
import { expectSignedIn } from './support/steps.js';

const ROUNDS = 12;
/** The CPU runs this many times slower than the machine's. */
const CPU_THROTTLING_RATE = 6;

test.use({
  serverConfig: { throttle: { account: { lockAfterFailures: 1000, maxFailuresPerHour: 100_000 }, address: { maxFailures: 100_000 } } },
});

async function throttled(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING_RATE });
  return cdp;
}

/**
 * Records, in the page, what the code input holds at each moment it starts to take typing (it gains
 * focus while writable, or becomes writable while focused): a key pressed then lands in that.
 */
async function watchInputStarts(window: Page): Promise<void> {
  await window.evaluate(() => {
    const w = window as unknown as { codeInputStarts?: string[] };
    if (w.codeInputStarts !== undefined) return;
    const starts: string[] = [];
    w.codeInputStarts = starts;
    const note = (target: EventTarget | Node | null) => {
      if (target instanceof HTMLInputElement && target.autocomplete === 'one-time-code' && document.activeElement === target && !target.readOnly && !target.disabled) {
        starts.push(target.value);
      }
    };
    document.addEventListener('focusin', (event) => note(event.target), true);
    new MutationObserver((records) => records.forEach((r) => note(r.target))).observe(document, {
      subtree: true,
      attributes: true,
      attributeFilter: ['readonly', 'disabled'],
    });
  });
}

const inputStarts = (window: Page) => window.evaluate(() => (window as unknown as { codeInputStarts?: string[] }).codeInputStarts ?? []);

/** Resolves in the first animation frame in which the code input has focus and takes typing. */
async function writable(window: Page): Promise<void> {
  await window.waitForFunction(
    () => {
      const el = document.activeElement;
      return el instanceof HTMLInputElement && el.autocomplete === 'one-time-code' && !el.readOnly && !el.disabled;
    },
    undefined,
    { polling: 'raf' },
  );
}

test('keys sent the moment the code window opens, or takes input again, all land in order', async ({ server, launch, t }) => {
  test.setTimeout(180_000);
  const account = await enrolledAccount(server);
  const app = await launch();
  await throttled(app.page);
  await watchInputStarts(app.page);
  const cdpOf = new WeakMap<Page, CDPSession>();
  const openCodeWindow = async (): Promise<{ codeWindow: CodeWindow; cdp: CDPSession }> => {
    await app.loginWindow.signIn(account);
    const codeWindow = await app.codeWindow();
    const window = codeWindow.page;
    const cdp = cdpOf.get(window) ?? (await throttled(window));
    cdpOf.set(window, cdp);
    await watchInputStarts(window);
    await writable(window);
    return { codeWindow, cdp };
  };

  for (let round = 0; round < ROUNDS; round += 1) {
    let { codeWindow, cdp } = await openCodeWindow();
    if (round % 2 === 1) {
      // Some digits, then Cancel: the next window is the second one of this sign-in.
      await burstKeys(cdp, ['1', '2', '3']);
      await codeWindow.cancel();
      await expect(app.loginWindow.signInButton).toBeEnabled();
      ({ codeWindow, cdp } = await openCodeWindow());
    }
    const window = codeWindow.page;
    await expect(codeWindow.codeInput).toHaveValue('');

    await burstKeys(cdp, [...wrongCode(server, account.secret)]);
    await expect(codeWindow.problem).toHaveText(t.problem({ kind: 'wrongCode', attemptsRemaining: 4 }, Date.now()));

    await writable(window);
    // Whenever the boxes started taking keys, they were empty: a digit typed then cannot complete a stale code.
    expect(new Set(await inputStarts(window))).toEqual(new Set(['']));
    const code = [...currentCode(server, account.secret)];
    const typo = code[3] === '9' ? '0' : '9';
    await burstKeys(cdp, [...code.slice(0, 3), typo, 'ArrowLeft', ...code.slice(3)]);
    await expectSignedIn(app, account);

    // The next round's code belongs to the next time step, as it would on a phone.
    server.clock.advance(30_000);
    await app.signedIn.signOut();
  }
});
