/**
 * Signing out of the pages when the server cannot hear it: the browser reaches the server through a
 * loopback hop that goes down and comes back on the same address. The page says "signed out" only once
 * the server has ended the session; until then it says the person is still signed in, with focus on
 * Sign out to try again, and the server still honours the session.
 */
import { pagesEn } from '../../shared/messages/pages-en.js';
import { createUser } from '../support/totp.js';
import { switchableProxy, type SwitchableProxy } from '../e2e/support/switchable-proxy.js';
import { expect, test } from './support/fixtures.js';
import { signInWithPassword, signOut } from './support/steps.js';

let proxy: SwitchableProxy | undefined;
test.afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

test('a sign-out the server did not hear says the person is still signed in, and the next try ends the session', async ({ page, server, expectConsole }) => {
  // The browser's own note about the request that found no server.
  expectConsole((message) => /Failed to load resource|Failed to fetch/.test(message.text()));
  proxy = await switchableProxy(server.url);
  const user = await createUser(server);
  await page.goto(`${proxy.url}/signin`);
  await signInWithPassword(page, user.username, user.password);
  await expect(page).toHaveURL(/\/settings$/);
  const token = (await page.context().cookies()).find((c) => c.name === 'stepgate_session')?.value ?? '';

  await proxy.down();
  const button = page.getByRole('button', { name: pagesEn.frame.signOut });
  await button.click();
  await expect(page.getByRole('alert')).toHaveText(pagesEn.frame.signOutFailed);
  await expect(button).toBeFocused();
  await expect(button).toHaveAccessibleDescription(pagesEn.frame.signOutFailed);
  await expect(page).toHaveURL(/\/settings$/);
  expect((await fetch(`${server.api}/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

  await proxy.up();
  // The shared step checks that the server now refuses the session.
  await signOut(page);
});
