/** Real Chromium (Debian's, never a downloaded one) driving the identity provider's own pages. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium.js';
import type { ProviderAccount } from './test-provider.js';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

/** Fills in the provider's sign-in page, then allows the consent it asks for (once per browser). */
export async function signInAtProvider(page: Page, account: Pick<ProviderAccount, 'login' | 'password'>): Promise<void> {
  await page.getByLabel('Username').fill(account.login);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Allow' }).click();
}

/** Cancels at the provider's sign-in page, as a person who changed their mind. */
export async function cancelAtProvider(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Cancel' }).click();
}
