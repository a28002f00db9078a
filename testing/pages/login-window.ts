/** The login window: username, password, "Keep me signed in", "Sign in", and a button per identity provider. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Messages } from '../../shared/messages/en.js';
import { CONTRACT } from '../contract.js';
import { locate } from './locate.js';

const C = CONTRACT['Login window'];

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

export class LoginWindow {
  readonly heading: Locator;
  readonly username: Locator;
  /** A password field has no role of its own; it is found by its label. */
  readonly password: Locator;
  readonly showPassword: Locator;
  /** Absent on a computer without a keychain. */
  readonly keepSignedIn: Locator;
  readonly signInButton: Locator;
  /** What went wrong, said at once (a wrong password, an unreachable server). */
  readonly problem: Locator;

  constructor(
    readonly page: Page,
    private readonly t: Messages,
  ) {
    this.heading = locate(page, C.heading, t);
    this.username = locate(page, C.username, t);
    this.password = locate(page, C.password, t);
    this.showPassword = locate(page, C['show password'], t);
    this.keepSignedIn = locate(page, C['keep me signed in'], t);
    this.signInButton = locate(page, C['sign in'], t);
    this.problem = page.getByRole('alert');
  }

  /** "Sign in with PROVIDER": `provider` is the display name the server gives the identity provider. */
  ssoButton(provider: string): Locator {
    return locate(this.page, C['single sign-on'], this.t, provider);
  }

  /** Fills in the form and presses "Sign in"; with `keepSignedIn`, ticks "Keep me signed in" first. */
  async signIn(credentials: Credentials, options: { readonly keepSignedIn?: boolean } = {}): Promise<void> {
    await expect(this.heading).toBeVisible();
    await this.username.fill(credentials.username);
    await this.password.fill(credentials.password);
    if (options.keepSignedIn === true) await this.keepSignedIn.check();
    await this.signInButton.click();
  }

  /** Presses "Sign in with PROVIDER"; the system browser takes over from there. */
  async signInWithSso(provider: string): Promise<void> {
    await this.ssoButton(provider).click();
  }
}
