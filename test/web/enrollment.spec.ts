/**
 * Enrollment in the browser alone: sign-in that needs enrollment leads straight into it, the key
 * the page shows gives working codes, a wrong code keeps the QR code and the name, recovery codes
 * must be acknowledged, and the next sign-in asks for a code. Keyboard only.
 */
import { Secret, TOTP } from 'otpauth';
import { en } from '../../shared/messages/en.js';
import { pagesEn } from '../../shared/messages/pages-en.js';
import { apiClient, ok } from '../support/http-client.js';
import { codeNow, createUser, PERIOD_MS } from '../support/totp.js';
import { LoginResponse } from '../../shared/api/schemas.js';
import { expectNoAxeViolations } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import { readManualKey, saveRecoveryCodes, signInWithCode, signInWithPassword, signOut } from './support/steps.js';

test('a person sets up an authenticator from the page, keyboard only, and then signs in with its code', async ({ page, server }) => {
  const user = await createUser(server, { totpRequired: true });

  // Arriving at /settings without a session leads to sign-in and back.
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/signin\?next=%2Fsettings$/);
  await expectNoAxeViolations(page, 'sign-in');
  await expect(page.getByLabel(en.signIn.username)).toBeFocused();
  await page.keyboard.type(user.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');

  // enrollment_required: straight into enrollment.
  await expect(page).toHaveURL(/\/enroll$/);
  const name = page.getByLabel(pagesEn.enroll.nameLabel);
  await expect(name).toBeFocused();
  await expect(name).toHaveAccessibleDescription(new RegExp(pagesEn.enroll.nameHint.slice(0, 40)));
  await expectNoAxeViolations(page, 'enrollment: name');
  await page.keyboard.type('Stepgate – test phone');
  await page.keyboard.press('Enter');

  const qr = page.getByRole('img', { name: pagesEn.enroll.qrAlt('Stepgate – test phone') });
  await expect(qr).toBeVisible();
  // Keyboard: Tab to "Enter the key manually instead" and open it.
  const showKey = page.getByRole('button', { name: pagesEn.enroll.showKey });
  for (let i = 0; i < 5 && !(await showKey.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(showKey).toBeFocused();
  await page.keyboard.press('Enter');
  const shownKey = await page.locator('.setup-key').innerText();
  expect(shownKey.split(/\s+/).every((g) => g.length <= 4)).toBe(true);
  const secret = shownKey.replace(/\s+/g, '');
  await expectNoAxeViolations(page, 'enrollment: QR code and key');

  // A wrong code: told so, and the QR code and name stay for the next try.
  const codeBox = page.getByRole('textbox', { name: pagesEn.enroll.codeLabel(6) });
  await codeBox.focus();
  const right = new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: server.clock.now() });
  const wrong = right === '000000' ? '111111' : '000000';
  await page.keyboard.type(wrong);
  await expect(page.getByRole('alert')).toContainText(pagesEn.enroll.wrongCode(4));
  await expect(qr).toBeVisible();
  await expect(codeBox).toBeFocused();
  await expect(codeBox).toHaveValue('');
  await page.keyboard.type(right);
  server.clock.advance(PERIOD_MS);

  // Recovery codes: shown once, and Continue waits for the acknowledgement.
  await expect(page.getByRole('heading', { name: pagesEn.recovery.heading })).toBeVisible();
  await expectNoAxeViolations(page, 'enrollment: recovery codes');
  await page.getByRole('button', { name: pagesEn.recovery.continue }).press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: pagesEn.recovery.mustAcknowledge })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: pagesEn.recovery.download }).press('Enter');
  expect((await download).suggestedFilename()).toBe(pagesEn.recovery.fileName);
  await saveRecoveryCodes(page);
  await expect(page.getByRole('status').filter({ hasText: pagesEn.enroll.saved('Stepgate – test phone') })).toBeVisible();
  await expectNoAxeViolations(page, 'enrollment: saved');
  await page.getByRole('link', { name: pagesEn.enroll.toSettings }).press('Enter');
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('rowheader', { name: 'Stepgate – test phone' })).toBeVisible();

  // The next sign-in asks for a code, and the app's code opens the account; the API agrees.
  await signOut(page);
  const api = apiClient(server.api);
  expect(ok(await api.post('/auth/login', { body: { username: user.username, password: user.password } }), 200, LoginResponse).status).toBe('totp_required');
  await signInWithCode(page, server, user, secret);
});

test('enrollment on the key alone: the same key as the QR code carries', async ({ page, server }) => {
  const user = await createUser(server, { totpRequired: true });
  await page.goto('/enroll');
  await expect(page).toHaveURL(/\/signin\?next=%2Fenroll$/);
  await page.getByLabel(en.signIn.username).fill(user.username);
  await page.getByLabel(en.signIn.password).fill(user.password);
  await page.getByRole('button', { name: en.signIn.submit }).click();
  await page.getByLabel(pagesEn.enroll.nameLabel).fill('Laptop app');
  await page.getByRole('button', { name: pagesEn.enroll.continue }).click();
  const key = await readManualKey(page);
  const qr = await page.getByRole('img', { name: pagesEn.enroll.qrAlt('Laptop app') }).getAttribute('src');
  expect(qr).toMatch(/^data:image\/png;base64,/);
  expect(key).toMatch(/^[A-Z2-7]{32,}$/);
  expect(page.url()).not.toContain(key);
});

test('each step gets focus, and the QR code, the manual key and the page name the account alike', async ({ page, server }) => {
  const user = await createUser(server, { totpRequired: true });
  const t = pagesEn.enroll;
  await signInWithPassword(page, user.username, user.password, '/signin?next=%2Fenroll');
  await expect(page).toHaveURL(/\/enroll$/);
  await expect(page.getByLabel(t.nameLabel)).toHaveAccessibleDescription(t.nameHint);
  await page.getByLabel(t.nameLabel).fill('Work phone');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/authenticators') && r.request().method() === 'POST');
  await page.keyboard.press('Enter');
  const { otpauthUri } = (await (await created).json()) as { otpauthUri: string };

  // The new step's heading has focus, so a screen reader starts reading there.
  await expect(page.getByRole('heading', { name: t.scanHeading })).toBeFocused();
  // What the QR code holds is what the page says the app will show, and what the manual panel gives.
  const label = new URL(otpauthUri).pathname.slice(1).split(':').map(decodeURIComponent);
  expect(label).toEqual(['Stepgate', user.username]);
  const shown = `Stepgate (${user.username})`;
  await expect(page.getByText(t.appLabel(shown))).toBeVisible();
  await page.getByRole('button', { name: t.showKey }).click();
  await expect(page.getByRole('button', { name: t.showKey })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#manual-key')).toContainText(`${t.accountLabel}${shown}`);
  await expect(page.locator('#manual-key')).not.toContainText('Work phone');

  const secret = (await page.locator('.setup-key').innerText()).replace(/\s+/g, '');
  await page.getByRole('textbox', { name: t.codeLabel(6) }).click();
  await page.keyboard.type(codeNow(server, secret));
  await expect(page.getByRole('heading', { name: pagesEn.recovery.heading })).toBeFocused();
  await page.getByRole('button', { name: pagesEn.recovery.continue }).press('Enter');
  await expect(page.getByRole('alert')).toHaveText(pagesEn.recovery.mustAcknowledge);
  await expect(page.getByRole('checkbox', { name: pagesEn.recovery.acknowledge })).toBeFocused();
});
