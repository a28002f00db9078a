/** Signed in: who, where and until when, "Manage two-factor authentication" and "Sign out". */
import type { Locator, Page } from '@playwright/test';
import { CONTRACT } from '../contract.js';
import { locate } from './locate.js';

const C = CONTRACT['Signed-in view'];

export class SignedInView {
  /** The view as a whole. */
  readonly region: Locator;
  readonly heading: Locator;
  /** "Display Name (username)", or the username alone when the display name is the same. */
  readonly person: Locator;
  readonly manageButton: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.region = locate(page, C.view);
    this.heading = locate(this.region, C.heading);
    this.person = locate(this.region, C['signed-in person']);
    this.manageButton = locate(page, C['manage two-factor authentication']);
    this.signOutButton = locate(page, C['sign out']);
  }

  /** Presses "Sign out". */
  async signOut(): Promise<void> {
    await this.signOutButton.click();
  }
}
