/**
 * Two-factor settings in the browser: a second authenticator whose codes work as well as the
 * first one's, removing one (and what the confirmation says), recovery codes that work once,
 * and new recovery codes replacing the old.
 */
import { en } from '../../shared/messages/en.js';
import { pagesEn } from '../../shared/messages/pages-en.js';
import { apiClient, fails } from '../support/http-client.js';
import { challengeFor, codeNow, createTotpUser, submitCode } from '../support/totp.js';
import { expectNoAxeViolations } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import { enrollOnPage, saveRecoveryCodes, signInWithCode, signInWithPassword, signOut } from './support/steps.js';

const t = pagesEn.settings;

test('a second authenticator: both give working codes; removing one stops its codes', async ({ page, server }) => {
  const user = await createTotpUser(server, { totpRequired: true, authenticatorName: 'Phone' });
  await signInWithCode(page, server, user, user.secret);
  await expectNoAxeViolations(page, 'settings');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'settings, dark theme');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('link', { name: t.addAnother }).click();
  const laptop = await enrollOnPage(page, server, 'Laptop');
  // Not the first authenticator: no new recovery codes.
  await expect(page.getByRole('status').filter({ hasText: pagesEn.enroll.saved('Laptop') })).toBeVisible();
  await expect(page.getByRole('heading', { name: pagesEn.recovery.heading })).toHaveCount(0);
  await page.getByRole('link', { name: pagesEn.enroll.toSettings }).click();
  await expect(page.getByRole('rowheader')).toHaveText(['Phone', 'Laptop']);

  await signOut(page);
  await signInWithCode(page, server, user, laptop);
  await signOut(page);
  await signInWithCode(page, server, user, user.secret);
  // Each row says when it was last used.
  await expect(page.getByRole('row', { name: /Laptop/ })).not.toContainText(t.never);

  // Removing the phone: the confirmation says to remove it from the app too; not the last one.
  await page.getByRole('button', { name: t.removeLabel('Phone') }).click();
  const dialog = page.getByRole('dialog', { name: t.removeHeading('Phone') });
  await expect(dialog).toContainText(t.removeBody);
  await expect(dialog).not.toContainText(t.removeLastRequired);
  await expectNoAxeViolations(page, 'settings: remove confirmation');
  await expect(dialog.getByRole('button', { name: pagesEn.cancel })).toBeFocused();
  await dialog.getByRole('button', { name: t.removeConfirm }).click();
  await expect(page.getByRole('status').filter({ hasText: t.removed('Phone') })).toBeVisible();
  await expect(page.getByRole('rowheader')).toHaveText(['Laptop']);

  const challenge = await challengeFor(server, user.username, user.password);
  fails(await submitCode(server, challenge.id, codeNow(server, user.secret)), 401, 'invalid_code');

  // The last one, with TOTP required: the confirmation says set-up will be asked for again.
  await page.getByRole('button', { name: t.removeLabel('Laptop') }).click();
  await expect(page.getByRole('dialog')).toContainText(t.removeLastRequired);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('recovery codes work once, and new ones replace the old', async ({ page, server }) => {
  const user = await createTotpUser(server);
  const [first, second] = user.recoveryCodes;
  if (first === undefined || second === undefined) throw new Error('expected recovery codes');

  await signInWithPassword(page, user.username, user.password);
  await page.getByRole('button', { name: en.code.useRecovery }).click();
  await expect(page.getByRole('heading', { name: en.code.recoveryHeading })).toBeVisible();
  await expectNoAxeViolations(page, 'sign-in: recovery code');
  await page.getByRole('textbox', { name: en.code.recoveryLabel }).fill(first);
  await page.getByRole('button', { name: en.code.recoverySubmit }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByText(t.recoveryLeft(user.recoveryCodes.length - 1))).toBeVisible();

  await signOut(page);
  await signInWithPassword(page, user.username, user.password);
  await page.getByRole('button', { name: en.code.useRecovery }).click();
  await page.getByRole('textbox', { name: en.code.recoveryLabel }).fill(first);
  await page.getByRole('button', { name: en.code.recoverySubmit }).click();
  await expect(page.getByRole('alert')).toContainText('That recovery code is not right');
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole('textbox', { name: en.code.recoveryLabel })).toBeFocused();
  await page.getByRole('textbox', { name: en.code.recoveryLabel }).fill(second);
  await page.getByRole('button', { name: en.code.recoverySubmit }).click();
  await expect(page).toHaveURL(/\/settings$/);

  // New codes: confirmed first, shown once, acknowledged; the old ones stop working.
  await page.getByRole('button', { name: t.regenerate }).click();
  await expect(page.getByRole('dialog')).toContainText(t.regenerateBody);
  await page.getByRole('button', { name: t.regenerateConfirm }).click();
  const fresh = await saveRecoveryCodes(page);
  expect(fresh).not.toContain(user.recoveryCodes[2]);
  await expect(page.getByText(t.recoveryLeft(fresh.length))).toBeVisible();

  const api = apiClient(server.api);
  const challenge = await challengeFor(server, user.username, user.password);
  fails(await api.post('/auth/recovery', { body: { challengeId: challenge.id, recoveryCode: user.recoveryCodes[2] } }), 401, 'invalid_code');
});
