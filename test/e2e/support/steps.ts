/** Steps the specs share, on the kit's page objects (roles and accessible names in the app's language). */
import type { Page } from '@playwright/test';
import type { StepgateApp } from '../../../testing/index.js';
import { expect } from './fixtures.js';
import type { Account } from './accounts.js';

export async function expectSignedIn(app: StepgateApp, account: Account): Promise<void> {
  await expect(app.signedIn.heading).toBeVisible();
  await expect(app.signedIn.person).toContainText(account.username);
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
