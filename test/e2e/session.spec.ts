import { en } from '../../shared/messages/en.js';
import { currentCode, enrolledAccount, plainAccount } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { codeInput, expectSignedIn, signInWithPassword } from './support/steps.js';

test('"Keep me signed in" survives a restart', async ({ server, launch }) => {
  const account = await enrolledAccount(server);
  const app = await launch();
  await signInWithPassword(app.page, account, { keepSignedIn: true });
  const window = await app.codeWindow();
  await expect(codeInput(window)).toBeFocused();
  await window.keyboard.type(currentCode(server, account.secret));
  await expectSignedIn(app.page, account);
  await expect(app.page.getByText(en.signedIn.remembered)).toBeVisible();
  await app.restart();
  await expectSignedIn(app.page, account);
});

test('without "Keep me signed in" a restart asks again, with the username filled in', async ({ server, launch }) => {
  const account = await plainAccount(server);
  const app = await launch();
  await signInWithPassword(app.page, account);
  await expectSignedIn(app.page, account);
  await expect(app.page.getByText(en.signedIn.notRemembered)).toBeVisible();
  await app.restart();
  await expect(app.page.getByLabel(en.signIn.username)).toHaveValue(account.username);
  await expect(app.page.getByLabel(en.signIn.password)).toBeFocused();
});

test('signs out, forgets the kept session, and opens two-factor settings in the browser', async ({ server, launch }) => {
  const account = await plainAccount(server);
  const app = await launch();
  await signInWithPassword(app.page, account, { keepSignedIn: true });
  await expectSignedIn(app.page, account);
  await app.page.getByRole('button', { name: en.signedIn.manage }).click();
  await expect.poll(() => app.openedUrls()).toEqual([`${server.url}/settings`]);
  await app.page.getByRole('button', { name: en.signedIn.signOut }).click();
  await expect(app.page.getByRole('heading', { name: en.signIn.heading })).toBeVisible();
  await expect(app.page.getByLabel(en.signIn.username)).toHaveValue(account.username);
  await app.restart();
  await expect(app.page.getByRole('heading', { name: en.signIn.heading })).toBeVisible();
});
