/**
 * The login window as a person meets it: where focus goes after each change, what is said,
 * empty fields, the password shown on request, the keychain notice, "About Stepgate" and the
 * version, and the confirmation after signing out.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { enrolledAccount, plainAccount } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { auditEventsOf } from '../support/audit-trail.js';
import { expectSignedIn } from './support/steps.js';

test('names an empty field and focuses it; after a wrong password focuses the password again', async ({ server, launch, t }) => {
  const account = await plainAccount(server);
  const app = await launch();
  const { page } = app;
  const username = app.loginWindow.username;
  const password = app.loginWindow.password;
  await expect(username).toBeFocused();

  await app.loginWindow.signInButton.click();
  await expect(page.getByRole('alert')).toHaveText(t.signIn.usernameRequired);
  await expect(username).toBeFocused();
  await expect(username).toHaveAccessibleDescription(t.signIn.usernameRequired);
  await username.fill(account.username);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(t.signIn.passwordRequired);
  await expect(password).toBeFocused();
  await expect(password).toHaveAttribute('aria-invalid', 'true');

  await password.fill('not the password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(t.problem({ kind: 'invalidCredentials' }, Date.now()));
  await expect(password).toBeFocused();
  await expect(password).toHaveValue('');
});

test('shows the password on request, and hides it again once it has been sent', async ({ server, launch }) => {
  const account = await plainAccount(server);
  const app = await launch();
  const password = app.loginWindow.password;
  const show = app.loginWindow.showPassword;
  await password.fill('secret words');
  await expect(password).toHaveAttribute('type', 'password');
  await expect(show).toHaveAttribute('aria-pressed', 'false');
  await show.click();
  await expect(password).toHaveAttribute('type', 'text');
  await expect(show).toHaveAttribute('aria-pressed', 'true');
  await app.loginWindow.username.fill(account.username);
  await password.fill(account.password);
  await app.loginWindow.signInButton.click();
  await expectSignedIn(app, account);
  await app.signedIn.signOut();
  await expect(app.loginWindow.password).toHaveAttribute('type', 'password');
});

test('says "You are signed out" and puts focus on the password', async ({ server, launch, t }) => {
  const account = await plainAccount(server);
  const app = await launch();
  await app.loginWindow.signIn(account);
  await expectSignedIn(app, account);
  await expect(app.signedIn.person).toHaveText(`${account.displayName} (${account.username})`);
  await expect(app.signedIn.heading).toBeFocused();
  await expect(app.page.locator('[data-announcer]')).toHaveText(t.signedIn.announce(account.displayName));
  await app.signedIn.signOut();
  await expect(app.page.getByRole('form', { name: t.signIn.heading }).getByText(t.signIn.signedOut)).toBeVisible();
  await expect(app.page.locator('[data-announcer]')).toHaveText(t.signIn.signedOut);
  await expect(app.loginWindow.password).toBeFocused();
  // Said only once the server has ended the session: the sign-out is in its audit trail.
  expect(await auditEventsOf(server, account.username)).toEqual(['login_succeeded', 'logout']);
});

test('names a person whose display name is their username once, not "alice (alice)"', async ({ server, launch }) => {
  const account = { username: `alice${Date.now() % 100000}`, password: 'alice-password-long' };
  await server.createUser({ ...account, displayName: account.username, totpRequired: false });
  const app = await launch();
  await app.loginWindow.signIn(account);
  await expect(app.signedIn.person).toHaveText(account.username);
});

test('shows the version in the footer and in "About Stepgate"', async ({ launch, t, server }) => {
  const app = await launch();
  const footer = app.page.getByRole('contentinfo');
  await expect(footer).toContainText(t.about.footer(packageJson.version));
  const about = footer.getByRole('button', { name: t.about.open });
  await about.click();
  const dialog = app.page.getByRole('dialog', { name: t.about.heading });
  await expect(dialog).toContainText(packageJson.version);
  await expect(dialog).toContainText(server.url);
  await expect(dialog.getByRole('button', { name: t.about.close })).toBeFocused();
  await app.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(about).toBeFocused();
});

test('without a keychain says so once, offers no checkbox that repeats it, and dismissing it returns focus', async ({ launch, t }) => {
  const app = await launch({ keychain: false });
  // The preview runs without the keychain module; the app, without a Secret Service: each names its cause.
  const notice = app.page.getByRole('status').filter({ hasText: app.kind === 'preview' ? t.notices.noKeychain : t.notices.keyringRefused });
  await expect(notice).toHaveCount(1);
  await expect(app.page.getByRole('checkbox', { name: t.signIn.keepSignedIn })).toHaveCount(0);
  await notice.getByRole('button', { name: t.notices.dismiss }).click();
  await expect(notice).toHaveCount(0);
  await expect(app.loginWindow.username).toBeFocused();
});

test('"Can’t use your authenticator app?" opens the server’s help page', async ({ server, launch }) => {
  const account = await enrolledAccount(server);
  const app = await launch();
  await app.loginWindow.signIn(account);
  const codeWindow = await app.codeWindow();
  await codeWindow.helpButton.click();
  await expect.poll(() => app.openedUrls()).toEqual([`${server.url}/help`]);
});
