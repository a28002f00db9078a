import { en } from '../../shared/messages/en.js';
import { plainAccount } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { signInWithPassword } from './support/steps.js';

test('sends an account without an authenticator to the browser to set one up', async ({ server, launch }) => {
  const account = await plainAccount(server, { totpRequired: true });
  const app = await launch();
  await signInWithPassword(app.page, account);
  await expect(app.page.getByRole('heading', { name: en.enrollment.heading })).toBeVisible();
  await expect(app.page.getByText(en.enrollment.body)).toBeVisible();
  await app.page.getByRole('button', { name: en.enrollment.open }).click();
  await expect.poll(() => app.openedUrls()).toEqual([`${server.url}/enroll`]);
  await app.page.getByRole('button', { name: en.enrollment.tryAgain }).click();
  await expect(app.page.getByLabel(en.signIn.username)).toHaveValue(account.username);
});
