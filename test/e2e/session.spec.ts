import { en } from '../../shared/messages/en.js';
import { currentCode, enrolledAccount, plainAccount } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { handoffAddress, spendHandoff } from './support/handoff.js';
import { keptSession, keptSignOuts, meStatus } from './support/kept-sessions.js';
import { expectSignedIn } from './support/steps.js';

test('"Keep me signed in" survives a restart', async ({ server, launch }) => {
  const account = await enrolledAccount(server);
  const app = await launch();
  await app.loginWindow.signIn(account, { keepSignedIn: true });
  const codeWindow = await app.codeWindow();
  await codeWindow.enterCode(currentCode(server, account.secret));
  await expectSignedIn(app, account);
  await expect(app.page.getByText(en.signedIn.remembered)).toBeVisible();
  await app.restart();
  await expectSignedIn(app, account);
});

test('without "Keep me signed in" a restart asks again, with the username filled in', async ({ server, launch }) => {
  const account = await plainAccount(server);
  const app = await launch();
  await app.loginWindow.signIn(account);
  await expectSignedIn(app, account);
  await expect(app.page.getByText(en.signedIn.notRemembered)).toBeVisible();
  await app.restart();
  await expect(app.loginWindow.username).toHaveValue(account.username);
  await expect(app.loginWindow.password).toBeFocused();
});

test('signs out, ending the session on the server and forgetting the kept one, and opens two-factor settings in the browser', async ({ server, launch }, testInfo) => {
  const keychainService = `StepgateSession-${testInfo.testId}`;
  const account = await plainAccount(server);
  const app = await launch({ keychainService });
  await app.loginWindow.signIn(account, { keepSignedIn: true });
  await expectSignedIn(app, account);
  await expect.poll(() => keptSession(keychainService, server.url)).not.toBeNull();
  const token = (await keptSession(keychainService, server.url)) ?? '';
  expect(await meStatus(server, token)).toBe(200);
  await app.signedIn.manageButton.click();
  // Carried over to the browser with a one-time code, never the session token.
  await expect.poll(() => app.openedUrls()).toEqual([expect.stringMatching(handoffAddress(server.url))]);
  const [opened = ''] = await app.openedUrls();
  expect(opened).not.toContain(token);
  expect(await spendHandoff(server, opened)).toMatchObject({ next: '/settings', me: 200, again: 401 });
  await app.signedIn.signOutButton.click();
  await expect(app.loginWindow.heading).toBeVisible();
  await expect(app.page.getByRole('form', { name: en.signIn.heading }).getByText(en.signIn.signedOut, { exact: true })).toBeVisible();
  await expect(app.loginWindow.username).toHaveValue(account.username);
  // Ended where it matters: the server refuses the token, and the keychain holds nothing of it.
  expect(await meStatus(server, token)).toBe(401);
  expect(await keptSession(keychainService, server.url)).toBeNull();
  expect(await keptSignOuts(keychainService)).toEqual([]);
  await app.restart();
  await expect(app.loginWindow.heading).toBeVisible();
});
