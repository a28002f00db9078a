import { auditEventsOf } from '../support/audit-trail.js';
import { handoffAddress, spendHandoff } from './support/handoff.js';
import { plainAccount } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';

test('sends an account without an authenticator to the browser, says what happened, and leads back to sign in', async ({ server, launch, t }) => {
  const account = await plainAccount(server, { totpRequired: true });
  const app = await launch();
  await app.loginWindow.signIn(account);
  await expect(app.enrollmentNeeded.heading).toBeVisible();
  await expect(app.page.getByText(t.enrollment.body)).toBeVisible();
  const open = app.enrollmentNeeded.openSetUpPageButton;
  await expect(open).toBeFocused();
  await open.click();
  // The browser opens on a one-time hand-off of the password step, never on the session itself.
  await expect.poll(() => app.openedUrls()).toEqual([expect.stringMatching(handoffAddress(server.url))]);
  const [opened = ''] = await app.openedUrls();
  // The server sent the account to enrollment and signed no one in: set-up happens in the browser.
  expect(await auditEventsOf(server, account.username)).toEqual(['enrollment_required', 'handoff_issued']);
  // The browser that spends it may set up an authenticator, and nothing more; the code then works no more.
  const browserSide = await spendHandoff(server, opened);
  expect(browserSide).toEqual({ next: '/enroll', me: 403, addAuthenticator: 201, again: 401 });
  // What happened and what to do next, read out; focus on the next action.
  await expect(app.page.getByRole('status').filter({ hasText: t.enrollment.opened })).toBeVisible();
  const back = app.enrollmentNeeded.backToSignInButton;
  await expect(back).toBeFocused();
  await app.page.keyboard.press('Enter');
  await expect(app.loginWindow.username).toHaveValue(account.username);
  await expect(app.loginWindow.password).toBeFocused();
});
