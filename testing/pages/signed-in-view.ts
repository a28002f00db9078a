/** Signed in: who, where and until when, "Manage two-factor authentication" and "Sign out". */
import type { Locator, Page } from '@playwright/test';
import type { Messages } from '../../shared/messages/en.js';
import { CONTRACT } from '../contract.js';
import { locate } from './locate.js';

const C = CONTRACT['Signed-in view'];

export class SignedInView {
  /** The view as a whole: a region named by its heading. */
  readonly region: Locator;
  readonly heading: Locator;
  /** "Display Name (username)", or the username alone when the display name is the same: the first definition, under the term "Signed in as". */
  readonly person: Locator;
  readonly manageButton: Locator;
  readonly signOutButton: Locator;

  constructor(
    readonly page: Page,
    t: Messages,
  ) {
    this.region = locate(page, C.view, t);
    this.heading = locate(this.region, C.heading, t);
    this.person = locate(this.region, C['signed-in person'], t);
    this.manageButton = locate(page, C['manage two-factor authentication'], t);
    this.signOutButton = locate(page, C['sign out'], t);
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
  }
}
