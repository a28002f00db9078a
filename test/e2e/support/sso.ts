/**
 * Signing in through an identity provider, for the desktop specs: the reference server connected to
 * a real OpenID provider (test/support/sso: the certified `oidc-provider` on loopback), and the
 * system browser, a Chromium of its own beside the app, that opens the address the app handed out.
 * The pages of Stepgate the system browser shows (the server's, the app's "you can close this tab")
 * are watched like the app's own: a CSP violation, console error or warning, or uncaught exception
 * fails the test. The identity provider's pages are someone else's and are not judged here.
 */
import type { ElectronApplication, Page } from '@playwright/test';
import { raiseMethod, raisesItself } from '../../../electron/windows/raise-plan.js';
import { cancelAtProvider, signInAtProvider } from '../../support/sso/browser.js';
import { linkedAccount, providerAccount, startOneProviderSetup, type SsoSetup } from '../../support/sso/sso-setup.js';
import type { ProviderAccount } from '../../support/sso/test-provider.js';
import type { Messages } from '../../../shared/messages/en.js';
import { expect, test as base } from './fixtures.js';
import { watchPage } from './page-problems.js';

/** The display name the test provider has on Stepgate: the buttons read "Sign in with Contoso". */
export const PROVIDER_NAME = 'Contoso';

export interface SystemBrowser {
  /** Opens `url` as the operating system would open it for the app: in a browser, outside the app. */
  open(url: string): Promise<Page>;
}

interface SsoFixtures {
  /** The server and its identity provider, `idp`; the `server` fixture is this setup's server. */
  sso: SsoSetup;
  systemBrowser: SystemBrowser;
}

export const test = base.extend<SsoFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern.
  sso: async ({}, use) => {
    const setup = await startOneProviderSetup(PROVIDER_NAME);
    await use(setup);
    await setup.close();
  },
  server: async ({ sso }, use) => use(sso.server),
  systemBrowser: async ({ sso }, use) => {
    const problems: string[] = [];
    const context = await sso.newContext();
    await use({
      open: async (url) => {
        const page = await context.newPage();
        watchPage(page, problems, (message) => message.location().url.startsWith(sso.provider.issuer));
        await page.goto(url);
        return page;
      },
    });
    await context.close();
    expect(problems, 'the system browser: CSP violations, console errors and warnings, uncaught exceptions').toEqual([]);
  },
});

/** An account at the provider that names the Stepgate user, linked to it by the operator. */
export const accountAtProvider = (sso: SsoSetup, user: { readonly id: string; readonly username: string }): Promise<ProviderAccount> => linkedAccount(sso, 'idp', user);

/** An account at the provider that names the Stepgate user `username` but is linked to nobody. */
export const unlinkedAccountAtProvider = (sso: SsoSetup, username: string): ProviderAccount => providerAccount(sso, username);

/**
 * Whether the app can bring its window to the front by itself, as the app decides it (raise-plan.ts) from
 * its own process's platform, session and display switches: not as a native Wayland client. The preview
 * (no Electron) raises its tab.
 */
export async function appRaisesItself(electronApp: ElectronApplication | null): Promise<boolean> {
  if (electronApp === null) return true;
  const session = await electronApp.evaluate(({ app }) => ({
    platform: process.platform,
    sessionType: process.env['XDG_SESSION_TYPE'],
    waylandDisplay: process.env['WAYLAND_DISPLAY'],
    ozonePlatform: app.commandLine.getSwitchValue('ozone-platform'),
    ozonePlatformHint: app.commandLine.getSwitchValue('ozone-platform-hint'),
  }));
  return raisesItself(raiseMethod(session));
}

/**
 * Completes the provider's sign-in in the system browser, and waits for the app's last page: "you can close
 * this tab", or, where the app cannot come to the front by itself, "switch back to Stepgate".
 */
export async function finishAtProvider(page: Page, account: ProviderAccount, t: Messages, raises: boolean): Promise<void> {
  await signInAtProvider(page, account);
  await expect(page.getByText(raises ? t.browserReturnPage.done : t.browserReturnPage.doneSwitchBack)).toBeVisible();
}

/** Cancels at the provider's sign-in page; the browser comes back to the app, which says the sign-in did not finish. */
export async function cancelInBrowser(page: Page, t: Messages): Promise<void> {
  await cancelAtProvider(page);
  await expect(page.getByText(t.browserReturnPage.failed)).toBeVisible();
}

export { expect };
