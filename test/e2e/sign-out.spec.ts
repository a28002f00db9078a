/**
 * A sign-out the server cannot hear: the app reaches the server through a loopback hop that goes down
 * while the person signs out and comes back before the next start. What is said (and heard), where
 * focus goes, what the real keychain keeps meanwhile, and that the session ends on the server.
 */
import { en } from '../../shared/messages/en.js';
import { plainAccount } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { keptSession, keptSignOuts, meStatus } from './support/kept-sessions.js';
import { expectSignedIn } from './support/steps.js';
import { switchableProxy, type SwitchableProxy } from './support/switchable-proxy.js';

let proxy: SwitchableProxy | undefined;
test.afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

test('says when the server could not be told, keeps the token only to tell it, and ends the session at the next start', async ({ server, launch }, testInfo) => {
  const keychainService = `StepgateSignOut-${testInfo.testId}`;
  proxy = await switchableProxy(server.url);
  const account = await plainAccount(server);
  const app = await launch({ keychainService, serverUrl: proxy.url });
  await app.loginWindow.signIn(account, { keepSignedIn: true });
  await expectSignedIn(app, account);
  await expect.poll(() => keptSession(keychainService, proxy?.url ?? '')).not.toBeNull();
  const token = (await keptSession(keychainService, proxy.url)) ?? '';

  await proxy.down();
  await app.signedIn.signOut();

  // Said in the form and to screen readers; focus is where signing in again starts.
  await expect(app.page.getByRole('form', { name: en.signIn.heading }).getByText(en.signIn.signedOutUnconfirmed)).toBeVisible();
  await expect(app.page.locator('[data-announcer]')).toHaveText(en.signIn.signedOutUnconfirmed);
  await expect(app.loginWindow.password).toBeFocused();
  // The session is kept only as a sign-out to finish; the server still honours it.
  expect(await keptSession(keychainService, proxy.url)).toBeNull();
  expect(await keptSignOuts(keychainService)).toEqual([{ serverUrl: proxy.url, token }]);
  expect(await meStatus(server, token)).toBe(200);

  await proxy.up();
  await app.restart();
  await expect(app.loginWindow.heading).toBeVisible();
  await expect.poll(() => keptSignOuts(keychainService)).toEqual([]);
  expect(await meStatus(server, token)).toBe(401);
});
