/** First start without a configured server: the app asks for the sign-in server's address. */
import type { Locator, Page } from '@playwright/test';
import { CONTRACT } from '../contract.js';
import { locate } from './locate.js';

const C = CONTRACT['Server-address view'];

export class ServerAddressView {
  readonly heading: Locator;
  readonly address: Locator;
  readonly continueButton: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.heading = locate(page, C.heading);
    this.address = locate(page, C['server address']);
    this.continueButton = locate(page, C.continue);
    this.problem = page.getByRole('alert');
  }

  /** Types the address and presses "Continue". */
  async enter(url: string): Promise<void> {
    await this.address.fill(url);
    await this.continueButton.click();
  }
}
