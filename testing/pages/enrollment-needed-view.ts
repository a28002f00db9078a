/** The account still needs an authenticator: set-up happens in the browser, which this view opens. */
import type { Locator, Page } from '@playwright/test';
import { CONTRACT } from '../contract.js';
import { locate } from './locate.js';

const C = CONTRACT['Enrollment-needed view'];

export class EnrollmentNeededView {
  readonly heading: Locator;
  readonly openSetUpPageButton: Locator;
  readonly backToSignInButton: Locator;

  constructor(readonly page: Page) {
    this.heading = locate(page, C.heading);
    this.openSetUpPageButton = locate(page, C['open set-up page']);
    this.backToSignInButton = locate(page, C['back to sign in']);
  }
}
