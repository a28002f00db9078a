/** Steps the specs share, written against roles and the message catalogue, never CSS classes. */
import type { Page } from '@playwright/test';
import { en } from '../../../shared/messages/en.js';
import { expect } from './fixtures.js';
import type { Account } from './accounts.js';

export async function signInWithPassword(page: Page, account: Account, options: { readonly keepSignedIn?: boolean } = {}): Promise<void> {
  await expect(page.getByRole('heading', { name: en.signIn.heading })).toBeVisible();
  await page.getByLabel(en.signIn.username).fill(account.username);
  await page.getByLabel(en.signIn.password).fill(account.password);
  if (options.keepSignedIn === true) await page.getByLabel(en.signIn.keepSignedIn).check();
  await page.getByRole('button', { name: en.signIn.submit }).click();
}

export function codeInput(window: Page) {
  return window.getByRole('textbox', { name: en.code.label(6) });
}

export async function expectSignedIn(page: Page, account: Account): Promise<void> {
  await expect(page.getByRole('heading', { name: en.signedIn.heading })).toBeVisible();
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
