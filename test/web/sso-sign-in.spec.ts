/**
 * /signin with an identity provider: a "Sign in with …" link per provider, which signs in at the
 * provider (a real OpenID provider on loopback) without any code, even for an account with an
 * authenticator; a sign-in that failed there comes back as the named message, with focus on it; and
 * an account that must use the provider is told so when it tries its password.
 */
import type { Page } from '@playwright/test';
import { AdminUserResponse } from '../../shared/api/schemas.js';
import { messagesFor, pagesMessagesFor } from '../../shared/messages/catalogue.js';
import { LANGUAGES } from '../../shared/messages/language.js';
import { apiClient, ok } from '../support/http-client.js';
import { cancelAtProvider, signInAtProvider } from '../support/sso/browser.js';
import { linkedAccount, providerAccount, startOneProviderSetup, type SsoSetup } from '../support/sso/sso-setup.js';
import { snap } from '../support/gallery.js';
import { adminToken, createTotpUser, createUser } from '../support/totp.js';
import { expect, test as base } from './support/fixtures.js';
import { signInWithPassword } from './support/steps.js';

const PROVIDER = 'Contoso';
const BROWSER_LOCALE = { en: 'en-GB', fi: 'fi-FI' } as const;

const test = base.extend<{ sso: SsoSetup }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern.
  sso: async ({}, use) => {
    const setup = await startOneProviderSetup(PROVIDER);
    await use(setup);
    await setup.close();
  },
  server: async ({ sso }, use) => use(sso.server),
});

// The provider's own pages are someone else's; what they log is not judged here.
test.beforeEach(({ sso, expectConsole }) => expectConsole((message) => message.location().url.startsWith(sso.provider.issuer)));

const en = messagesFor('en');
const providerLink = (page: Page, t = en) => page.getByRole('link', { name: t.signIn.withProvider(PROVIDER), exact: true });

test('signs in at the identity provider from its link, with no code, and lands where the person was heading', async ({ page, sso, server }) => {
  const user = await createTotpUser(server);
  await page.goto('/signin?next=/settings');
  const link = providerLink(page);
  await expect(link).toHaveAttribute('href', `${server.api}/auth/sso/idp/start?next=%2Fsettings`);
  await link.click();
  await signInAtProvider(page, await linkedAccount(sso, 'idp', user));
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { name: pagesMessagesFor('en').settings.heading, level: 1 })).toBeVisible();
  await expect(page.getByText(pagesMessagesFor('en').frame.signedInAs(user.username))).toBeVisible();
});

test('a sign-in cancelled at the provider comes back as the named message, focused, with the way on kept', async ({ page }) => {
  await page.goto('/signin?next=/admin');
  await providerLink(page).click();
  await cancelAtProvider(page);
  await expect(page).toHaveURL(/\/signin\?sso_error=sso_cancelled&reason=access_denied&next=%2Fadmin$/);
  const message = page.getByRole('alert');
  await expect(message).toHaveText(en.problem({ kind: 'ssoCancelled' }, Date.now()));
  await expect(message).toBeFocused();
  await expect(providerLink(page)).toHaveAttribute('href', /\?next=%2Fadmin$/);
  // Coming back from the provider is not a session that ended.
  await expect(page.getByText(pagesMessagesFor('en').signIn.sessionEnded)).toHaveCount(0);
});

for (const language of LANGUAGES) {
  const t = messagesFor(language);
  test.describe(`in ${language}`, () => {
    test.use({ locale: BROWSER_LOCALE[language] });

    test('an account that must use the provider is told so, with focus on the provider’s link', async ({ page, server }) => {
      const user = await createUser(server);
      const admin = await adminToken(server);
      ok(await apiClient(server.api).patch(`/admin/users/${user.id}`, { token: admin, body: { sso: 'required' } }), 200, AdminUserResponse);
      await page.goto('/signin');
      await expect(providerLink(page, t)).toBeVisible();
      await page.getByLabel(t.signIn.username).fill(user.username);
      await page.getByLabel(t.signIn.password, { exact: true }).fill(user.password);
      await page.getByRole('button', { name: t.signIn.submit, exact: true }).click();
      await expect(page.getByRole('alert')).toHaveText(t.problem({ kind: 'ssoRequired' }, Date.now()));
      await expect(providerLink(page, t)).toBeFocused();
      await snap(page, 'pages', 'Sign in: the account must use the identity provider');
    });

    test('an identity whose name only folds to an account’s is told to have it linked, focused, and links nothing', async ({ page, sso, server }) => {
      const user = await createUser(server);
      // Full-width letters, which NFKC folds to the account's name.
      const lookAlike = [...user.username].map((c) => String.fromCodePoint((c.codePointAt(0) ?? 0) + 0xfee0)).join('');
      await page.goto('/signin?next=/settings');
      await providerLink(page, t).click();
      await signInAtProvider(page, providerAccount(sso, lookAlike));
      await expect(page).toHaveURL(/\/signin\?sso_error=sso_link_required&reason=not_linked&next=%2Fsettings$/);
      const message = page.getByRole('alert');
      await expect(message).toHaveText(t.problem({ kind: 'ssoLinkRequired' }, Date.now()));
      await expect(message).toBeFocused();
      expect(await server.context.store.read((view) => view.sso.identities.ofUser(user.id))).toEqual([]);
      expect(await page.evaluate(async () => (await fetch('/api/v1/me')).status)).toBe(401);
    });

    test('words the reason a provider sign-in ended with, when it has its own sentence', async ({ page }) => {
      await page.goto('/signin?sso_error=sso_not_allowed&reason=disabled');
      const message = page.getByRole('alert');
      await expect(message).toHaveText(t.problem({ kind: 'ssoNotAllowed', reason: 'disabled' }, Date.now()));
      await expect(message).toBeFocused();
      await snap(page, 'pages', 'Sign in: back from the identity provider without a session');
      await page.goto('/signin?sso_error=sso_from_the_future');
      await expect(page.getByRole('alert')).toHaveText(t.problem({ kind: 'unexpected' }, Date.now()));
    });
  });
}

test('the password form works as before beside the provider’s link', async ({ page, server }) => {
  const user = await createUser(server);
  await signInWithPassword(page, user.username, user.password);
  await expect(page).toHaveURL(/\/settings$/);
});
