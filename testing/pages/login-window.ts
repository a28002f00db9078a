/** The login window: username, password, "Keep me signed in", "Sign in", and a button per identity provider. */
import { expect, type Locator, type Page } from '@playwright/test';
import { waitForState, type AppProbe } from '../app/app-probe.js';
import { CONTRACT } from '../contract.js';
import type { StepgateState } from '../state/app-state.js';
import { whyKeepSignedInNotOffered } from '../state/not-offered.js';
import { locate, locateProvider } from './locate.js';

const C = CONTRACT['Login window'];
/** How long the kit waits for the server to say which identity providers it offers. */
const PROVIDERS_TIMEOUT_MS = 10_000;

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

type LoginState = Extract<StepgateState, { view: 'login' }>;

export class LoginWindow {
  readonly heading: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly showPassword: Locator;
  /** Absent on a computer without a keychain, or where policy forbids it. */
  readonly keepSignedIn: Locator;
  readonly signInButton: Locator;
  /** Every "Sign in with …" button. */
  readonly ssoButtons: Locator;
  /** What went wrong, said at once (a wrong password, an unreachable server). */
  readonly problem: Locator;

  constructor(
    readonly page: Page,
    private readonly probe: AppProbe,
  ) {
    this.heading = locate(page, C.heading);
    this.username = locate(page, C.username);
    this.password = locate(page, C.password);
    this.showPassword = locate(page, C['show password']);
    this.keepSignedIn = locate(page, C['keep me signed in']);
    this.signInButton = locate(page, C['sign in']);
    this.ssoButtons = locate(page, C['single sign-on']);
    this.problem = page.getByRole('alert');
  }

  /** "Sign in with PROVIDER": `provider` is the display name the server gives the identity provider. */
  ssoButton(provider: string): Locator {
    return locateProvider(this.page, C['single sign-on'], provider);
  }

  /**
   * Fills in the form and presses "Sign in"; with `keepSignedIn`, ticks "Keep me signed in" first,
   * or fails at once saying why the app does not offer it.
   */
  async signIn(credentials: Credentials, options: { readonly keepSignedIn?: boolean } = {}): Promise<void> {
    await expect(this.heading).toBeVisible();
    if (options.keepSignedIn === true) {
      const state = await this.probe.state();
      if (state.view === 'login' && !state.keepSignedInOffered) {
        throw new Error(`signIn({ keepSignedIn: true }): the app does not offer "Keep me signed in": ${await whyKeepSignedInNotOffered(this.probe)}`);
      }
    }
    await this.username.fill(credentials.username);
    await this.password.fill(credentials.password);
    if (options.keepSignedIn === true) await this.keepSignedIn.check();
    await this.signInButton.click();
  }

  /** The identity providers' display names once the server has said which it offers (waits up to 10 s for that). */
  async providers(): Promise<readonly string[]> {
    return (await this.providersKnown('providers()')).providers ?? [];
  }

  /** Presses "Sign in with PROVIDER", or fails at once naming the providers the server does offer. */
  async signInWithSso(provider: string): Promise<void> {
    const offered = await this.providers();
    if (!offered.includes(provider)) {
      throw new Error(`signInWithSso(${JSON.stringify(provider)}): the server offers ${offered.length === 0 ? 'no identity provider' : offered.map((p) => JSON.stringify(p)).join(', ')}`);
    }
    await this.ssoButton(provider).click();
  }

  /** Asserts that the login window offers no single sign-on at all: no "Sign in with …" button, once the server has answered. */
  async expectNoSsoButton(): Promise<void> {
    const offered = await this.providers();
    if (offered.length > 0) throw new Error(`expected no single sign-on, but the server offers ${offered.map((p) => JSON.stringify(p)).join(', ')}`);
    await expect(this.ssoButtons).toHaveCount(0);
  }

  private providersKnown(what: string): Promise<LoginState> {
    return waitForState(this.probe, (s): s is LoginState => s.view === 'login' && s.providers !== null, {
      what,
      timeoutMs: PROVIDERS_TIMEOUT_MS,
      refuse: (s) => (s.view === 'login' || s.view === 'starting' ? null : `the login window is not showing; the app shows ${s.view}`),
    });
  }
}
