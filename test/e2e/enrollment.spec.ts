import { plainAccount } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { signInWithPassword } from './support/steps.js';

test('sends an account without an authenticator to the browser, says what happened, and leads back to sign in', async ({ server, launch, t }) => {
  const account = await plainAccount(server, { totpRequired: true });
  const app = await launch();
  await signInWithPassword(app.page, account, { t });
  await expect(app.page.getByRole('heading', { name: t.enrollment.heading })).toBeVisible();
  await expect(app.page.getByText(t.enrollment.body)).toBeVisible();
  const open = app.page.getByRole('button', { name: t.enrollment.open });
  await expect(open).toBeFocused();
  await open.click();
  await expect.poll(() => app.openedUrls()).toEqual([`${server.url}/enroll`]);
  // What happened and what to do next, read out; focus on the next action.
  await expect(app.page.getByRole('status').filter({ hasText: t.enrollment.opened })).toBeVisible();
  const back = app.page.getByRole('button', { name: t.enrollment.backToSignIn });
  await expect(back).toBeFocused();
  await app.page.keyboard.press('Enter');
  await expect(app.page.getByLabel(t.signIn.username)).toHaveValue(account.username);
  await expect(app.page.getByLabel(t.signIn.password, { exact: true })).toBeFocused();
});
