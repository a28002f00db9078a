/** A sign-in through an identity provider, waiting for the system browser: "Continue in your browser" and Cancel. */
import type { Locator, Page } from '@playwright/test';
import { CONTRACT } from '../contract.js';
import { locate } from './locate.js';

const C = CONTRACT['Browser sign-in view'];

export class BrowserSignInView {
  readonly heading: Locator;
  /** Stops waiting for the browser; the login window comes back with focus on the provider's button. */
  readonly cancelButton: Locator;

  constructor(readonly page: Page) {
    this.heading = locate(page, C.heading);
    this.cancelButton = locate(page, C.cancel);
  }

  /** Presses "Cancel". */
  async cancel(): Promise<void> {
    await this.cancelButton.click();
  }
}
