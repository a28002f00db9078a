/**
 * The code input's behaviours, each through the real component in the real code window:
 * one labelled control, digits only, paste anywhere, editing keys like a text field.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { en } from '../../shared/messages/en.js';
import { currentCode, enrolledAccount, wrongCode } from './support/accounts.js';
import type { TestServer } from '../support/test-server.js';
import { CodeWindow, type StepgateApp } from '../../testing/index.js';
import { expect, test, type Launch } from './support/fixtures.js';
import { expectSignedIn, pasteText } from './support/steps.js';

/** Signs in up to the code window; also returns a code that is wrong for the account. */
async function openCodeWindow({ server, launch }: { readonly server: TestServer; readonly launch: Launch }): Promise<{ window: Page; input: Locator; wrong: string }> {
  const account = await enrolledAccount(server);
  const app = await launch();
  await app.loginWindow.signIn(account);
  const codeWindow = await app.codeWindow();
  await expect(codeWindow.codeInput).toBeFocused();
  return { window: codeWindow.page, input: codeWindow.codeInput, wrong: wrongCode(server, account.secret) };
}

test('is one labelled control with one tab stop, digits only', async ({ server, launch }) => {
  const { window, input } = await openCodeWindow({ server, launch });
  await expect(input).toHaveCount(1);
  await expect(input).toHaveAttribute('maxlength', '6');
  await window.keyboard.type('1a2 b3-');
  await expect(input).toHaveValue('123');
  // Tab leaves the six boxes at once: they are one control.
  await window.keyboard.press('Tab');
  await expect(input).not.toBeFocused();
});

test('backspace, delete and the arrow keys edit like a text field', async ({ server, launch }) => {
  const { window, input } = await openCodeWindow({ server, launch });
  await window.keyboard.type('1234');
  await window.keyboard.press('Backspace');
  await expect(input).toHaveValue('123');
  await window.keyboard.press('ArrowLeft');
  await window.keyboard.press('ArrowLeft');
  await window.keyboard.press('Delete');
  await expect(input).toHaveValue('13');
  await window.keyboard.press('End');
  await window.keyboard.type('9');
  await expect(input).toHaveValue('139');
});

test('a pasted partial code goes in at the caret, and a whole code pasted anywhere replaces everything', async ({ server, launch }) => {
  const { window, input, wrong } = await openCodeWindow({ server, launch });
  await pasteText(window, ' 1 2\n');
  await expect(input).toHaveValue('12');
  await window.keyboard.press('Home');
  // Six digits with separators: they fill all six boxes and are sent once.
  await pasteText(window, `${wrong.slice(0, 3)}-${wrong.slice(3)}`);
  await expect(window.locator('#code-problem')).toContainText(/not right/);
  await expect(input).toHaveValue('');
});

test('Enter does nothing until the code is complete', async ({ server, launch }) => {
  const { window, input } = await openCodeWindow({ server, launch });
  await window.keyboard.type('12');
  await window.keyboard.press('Enter');
  await expect(input).toHaveValue('12');
  await expect(input).toBeEnabled();
  await expect(window.getByText(en.code.verifying)).toHaveCount(0);
});

test('has no accessibility violations in the login and code windows', async ({ server, launch }) => {
  const account = await enrolledAccount(server);
  const app = await launch();
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const audit = async (page: Page) => {
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => `${v.id} (${v.impact ?? 'unknown'})`);
    });
    expect(violations).toEqual([]);
  };
  await expect(app.loginWindow.heading).toBeVisible();
  await audit(app.page);
  await app.loginWindow.signIn(account);
  const codeWindow = await app.codeWindow();
  await expect(codeWindow.codeInput).toBeFocused();
  await audit(codeWindow.page);
});

/**
 * Opens the code window with its React bundle held back, so typing lands in the first frame's plain
 * input; `release` lets the full input take over. In the preview the code window is drawn inside the
 * login page, so its own page is opened, as Electron does; in Electron the window is the real one
 * and the bundle is not held (the hand-over is then too quick to type into).
 */
async function earlyCodeWindow(app: StepgateApp, testInfo: TestInfo): Promise<{ codeWindow: CodeWindow; release: () => void }> {
  if (testInfo.project.name !== 'chromium') return { codeWindow: await app.codeWindow(), release: () => undefined };
  await expect((await app.codeWindow()).codeInput).toBeFocused();
  const window = await app.page.context().newPage();
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await window.route(/\/assets\/boot-.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await window.goto(new URL('/code.html', app.page.url()).toString());
  const codeWindow = new CodeWindow(window, window, app);
  await expect(codeWindow.codeInput).toBeFocused();
  return { codeWindow, release };
}

test('a code typed into the code window before its script has loaded is kept and sent', async ({ server, launch }, testInfo) => {
  const account = await enrolledAccount(server);
  const app = await launch();
  await app.loginWindow.signIn(account);
  const { codeWindow, release } = await earlyCodeWindow(app, testInfo);
  const code = currentCode(server, account.secret);
  await codeWindow.page.keyboard.type(`${code.slice(0, 3)} ${code.slice(3)}`);
  release();
  await expectSignedIn(app, account);
});

test('keys typed across the hand-over from the first frame land as if typed into one input, arrows included', async ({ server, launch }, testInfo) => {
  const account = await enrolledAccount(server);
  const app = await launch();
  await app.loginWindow.signIn(account);
  const { codeWindow, release } = await earlyCodeWindow(app, testInfo);
  const window = codeWindow.page;
  await window.keyboard.type('1234');
  await window.keyboard.press('ArrowLeft');
  await window.keyboard.press('ArrowLeft');
  release();
  const input = codeWindow.codeInput;
  await expect(input).toHaveAttribute('data-input-otp', 'true');
  await expect(input).toBeFocused();
  // Two boxes back from the end: the third box is the one the next digit replaces.
  await window.keyboard.type('9');
  await expect(input).toHaveValue('1294');
});
