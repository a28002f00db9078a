/**
 * Signing in through the organisation's identity provider: the app hands the system browser the
 * provider's start address, the person signs in there (a real OpenID provider, its pages driven in a
 * Chromium of their own), the browser comes back to the app's real loopback listener, and the app is
 * signed in without any verification code, even for an account that has an authenticator.
 */
import { AdminUserResponse } from '../../shared/api/schemas.js';
import { LANGUAGES } from '../../shared/messages/language.js';
import { auditTrailOf } from '../support/audit-trail.js';
import { snap } from '../support/gallery.js';
import { apiClient, ok } from '../support/http-client.js';
import { adminToken, createUser } from '../support/totp.js';
import { enrolledAccount, plainAccount } from './support/accounts.js';
import type { StepgateApp } from '../../testing/index.js';
import { expectSignedIn } from './support/steps.js';
import { signInAtProvider } from '../support/sso/browser.js';
import { accountAtProvider, appRaisesItself, cancelInBrowser, expect, finishAtProvider, PROVIDER_NAME, test, unlinkedAccountAtProvider } from './support/sso.js';

/** The address the app asked the system browser to open, once it has. */
async function openedStartUrl(app: StepgateApp): Promise<string> {
  await expect.poll(async () => (await app.openedUrls()).length).toBe(1);
  const [url] = await app.openedUrls();
  return url ?? '';
}

test('signs in through the identity provider in the browser, with no code window, and stays signed in when asked', async ({ server, sso, launch, systemBrowser, t }) => {
  const account = await enrolledAccount(server);
  const app = await launch();
  const button = app.loginWindow.ssoButton(PROVIDER_NAME);
  await expect(button).toBeVisible();
  await app.loginWindow.keepSignedIn.check();
  await button.click();

  await expect(app.browserSignIn.heading).toBeVisible();
  await expect(app.browserSignIn.cancelButton).toBeFocused();
  const startUrl = new URL(await openedStartUrl(app));
  expect(`${startUrl.origin}${startUrl.pathname}`).toBe(`${server.api}/auth/sso/idp/start`);
  expect(startUrl.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/stepgate\/sso$/);
  // The preview's tab is in front only once the app has raised it (in Electron the window may still be in front here).
  if (app.electronApp === null) expect(await app.broughtToFront()).toBe(false);

  const raises = await appRaisesItself(app.electronApp);
  const browser = await systemBrowser.open(startUrl.toString());
  await finishAtProvider(browser, await accountAtProvider(sso, account), t, raises);
  await expectSignedIn(app, account);
  // A native Wayland client cannot take the front by itself: there the browser's page asked the person to switch back.
  if (raises) await expect.poll(() => app.broughtToFront()).toBe(true);
  await expect(app.page.getByText(t.signedIn.remembered)).toBeVisible();

  // No challenge was ever issued for this sign-in: no code window could have opened.
  const events = await auditTrailOf(server, account.username);
  expect(events).toContainEqual(expect.objectContaining({ event: 'login_succeeded', method: 'sso' }));
  expect(events.map((e) => e.event)).not.toContain('challenge_issued');
  if (app.electronApp === null) await expect(app.page.getByRole('dialog')).toHaveCount(0);
  else expect(app.electronApp.windows()).toHaveLength(1);

  await app.restart();
  await expectSignedIn(app, account);
});

test('a sign-in cancelled at the provider comes back as a named problem, with focus on the provider’s button', async ({ server, launch, systemBrowser, t }) => {
  await plainAccount(server);
  const app = await launch();
  const button = app.loginWindow.ssoButton(PROVIDER_NAME);
  await button.click();
  const browser = await systemBrowser.open(await openedStartUrl(app));
  await cancelInBrowser(browser, t);
  await expect(app.loginWindow.problem).toHaveText(t.problem({ kind: 'ssoCancelled' }, Date.now()));
  await expect(button).toBeFocused();
  await expect(app.loginWindow.username).toBeVisible();
});

test('Cancel in the app stops waiting for the browser', async ({ launch }) => {
  const app = await launch();
  const button = app.loginWindow.ssoButton(PROVIDER_NAME);
  await button.click();
  const startUrl = new URL(await openedStartUrl(app));
  await app.browserSignIn.cancel();
  await expect(button).toBeFocused();
  // The listener is gone: a browser coming back now finds nothing there.
  await expect(fetch(`${startUrl.searchParams.get('redirect_uri')}?code=ssr_late&state=${startUrl.searchParams.get('state')}`)).rejects.toThrow();
});

test('a password sign-in for an account that must use the provider says so and moves focus to its button', async ({ server, launch, t }) => {
  const user = await createUser(server);
  const admin = await adminToken(server);
  ok(await apiClient(server.api).patch(`/admin/users/${user.id}`, { token: admin, body: { sso: 'required' } }), 200, AdminUserResponse);
  const account = { ...user, displayName: user.username };

  const app = await launch();
  await app.loginWindow.signIn(account);
  await expect(app.loginWindow.problem).toHaveText(t.problem({ kind: 'ssoRequired' }, Date.now()));
  await expect(app.loginWindow.ssoButton(PROVIDER_NAME)).toBeFocused();
});

const SYSTEM_LANGUAGE = { en: 'en-GB', fi: 'fi-FI' } as const;

for (const language of LANGUAGES) {
  test.describe(`in ${language}`, () => {
    test.use({ systemLanguages: [SYSTEM_LANGUAGE[language]] });

    test('the sign-in through the browser, step by step, for the gallery', async ({ launch, systemBrowser, t }) => {
      const app = await launch();
      const button = app.loginWindow.ssoButton(PROVIDER_NAME);
      await expect(button).toBeVisible();
      await snap(app.page, 'desktop', 'Sign in: with an identity provider');
      await button.click();
      await expect(app.page.getByRole('main').getByText(t.browserSignIn.body(PROVIDER_NAME))).toBeVisible();
      await snap(app.page, 'desktop', 'Sign in: continue in the browser');
      const browser = await systemBrowser.open(await openedStartUrl(app));
      await cancelInBrowser(browser, t);
      await expect(app.loginWindow.problem).toHaveText(t.problem({ kind: 'ssoCancelled' }, Date.now()));
      await expect(button).toBeFocused();
      await snap(app.page, 'desktop', 'Sign in: cancelled at the identity provider');
      await snap(browser, 'desktop', 'Browser after the identity provider: back to the app');
    });

    test('an identity that names an account it is not linked to is told to have it linked, and links nothing', async ({ server, sso, launch, systemBrowser, t }) => {
      const account = await plainAccount(server);
      const app = await launch();
      const button = app.loginWindow.ssoButton(PROVIDER_NAME);
      await button.click();
      const browser = await systemBrowser.open(await openedStartUrl(app));
      await signInAtProvider(browser, unlinkedAccountAtProvider(sso, account.username));
      await expect(browser.getByText(t.browserReturnPage.failed)).toBeVisible();
      await expect(app.loginWindow.problem).toHaveText(t.problem({ kind: 'ssoLinkRequired' }, Date.now()));
      await expect(button).toBeFocused();
      expect(await sso.server.context.store.read((view) => view.sso.identities.ofUser(account.id))).toEqual([]);
    });
  });
}
