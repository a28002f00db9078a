/** The account still needs an authenticator: set-up happens in the browser, which this view opens. */
import type { Locator, Page } from '@playwright/test';
import type { Messages } from '../../shared/messages/en.js';
import { CONTRACT } from '../contract.js';
import { locate } from './locate.js';

const C = CONTRACT['Enrollment-needed view'];

export class EnrollmentNeededView {
  readonly heading: Locator;
  readonly openSetUpPageButton: Locator;
  readonly backToSignInButton: Locator;

  constructor(
    readonly page: Page,
    t: Messages,
  ) {
    this.heading = locate(page, C.heading, t);
    this.openSetUpPageButton = locate(page, C['open set-up page'], t);
    this.backToSignInButton = locate(page, C['back to sign in'], t);
  }
}
