/**
 * Steps the specs share, written against roles and accessible names from the message catalogue
 * (the language the app speaks), never CSS classes.
 */
import type { Page } from '@playwright/test';
import { en, type Messages } from '../../../shared/messages/en.js';
import { expect } from './fixtures.js';
import type { Account } from './accounts.js';

export async function signInWithPassword(page: Page, account: Account, options: { readonly keepSignedIn?: boolean; readonly t?: Messages } = {}): Promise<void> {
  const t = options.t ?? en;
  await expect(page.getByRole('heading', { name: t.signIn.heading })).toBeVisible();
  await page.getByLabel(t.signIn.username).fill(account.username);
  await page.getByLabel(t.signIn.password, { exact: true }).fill(account.password);
  if (options.keepSignedIn === true) await page.getByLabel(t.signIn.keepSignedIn).check();
  await page.getByRole('button', { name: t.signIn.submit, exact: true }).click();
}

export function codeInput(window: Page, t: Messages = en) {
  return window.getByRole('textbox', { name: t.code.label(6) });
}

export async function expectSignedIn(page: Page, account: Account, t: Messages = en): Promise<void> {
  await expect(page.getByRole('heading', { name: t.signedIn.heading })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toContainText(account.username);
}

/** Puts text on the clipboard and pastes it with the keyboard shortcut into the focused field. */
export async function pasteText(window: Page, text: string): Promise<void> {
  // A synthetic paste event carries exactly the clipboard text a person's Ctrl+V would,
  // without depending on clipboard permissions, which the app denies.
  await window.evaluate((value) => {
    const target = document.activeElement;
    if (target === null) throw new Error('nothing focused');
    const data = new DataTransfer();
    data.setData('text/plain', value);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}
