/**
 * Browser sign-in as a person meets it, in the language the browser asks for: empty fields named
 * and focused, focus back in the password after a wrong one, the password shown on request, the
 * code step with the same six boxes, and the help page behind "Can't use your authenticator app?".
 */
import type { Locator, Page } from '@playwright/test';
import { messagesFor, pagesMessagesFor } from '../../shared/messages/catalogue.js';
import { LANGUAGES } from '../../shared/messages/language.js';
import { snap } from '../support/gallery.js';
import { movePageClock } from '../support/page-clock.js';
import { challengeFor, codeNow, createTotpUser, createUser, PERIOD_MS, submitCode, unrelatedCode } from '../support/totp.js';
import { expectStatus } from '../support/http-client.js';
import { expectNoAxeViolations } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import { signOut } from './support/steps.js';

const BROWSER_LOCALE = { en: 'en-GB', fi: 'fi-FI' } as const;

for (const language of LANGUAGES) {
  const t = messagesFor(language);
  const p = pagesMessagesFor(language);

  /** Signs in with the password on /signin; resolves with the code field, focused. */
  const toCodeStep = async (page: Page, user: { readonly username: string; readonly password: string }): Promise<Locator> => {
    await page.goto('/signin');
    await page.getByLabel(t.signIn.username).fill(user.username);
    await page.getByLabel(t.signIn.password, { exact: true }).fill(user.password);
    await page.keyboard.press('Enter');
    const code = page.getByRole('textbox', { name: t.code.label(6) });
    await expect(code).toBeFocused();
    return code;
  };

  test.describe(`in ${language}`, () => {
    test.use({ locale: BROWSER_LOCALE[language] });

    test('names empty fields, refocuses the password after a wrong one, and signs in with a code', async ({ page, server }) => {
      const user = await createTotpUser(server);
      const response = await page.goto('/signin');
      expect(response?.headers()['content-language']).toBe(language);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page).toHaveTitle(p.title.signIn);
      const username = page.getByLabel(t.signIn.username);
      const password = page.getByLabel(t.signIn.password, { exact: true });
      await expect(username).toBeFocused();

      await page.keyboard.press('Enter');
      await expect(page.getByRole('alert')).toHaveText(t.signIn.usernameRequired);
      await expect(username).toBeFocused();
      await page.keyboard.type(user.username);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alert')).toHaveText(t.signIn.passwordRequired);
      await expect(password).toBeFocused();

      await page.keyboard.type('not the password');
      await page.getByRole('button', { name: t.signIn.showPassword }).click();
      await expect(password).toHaveAttribute('type', 'text');
      await page.getByRole('button', { name: t.signIn.submit }).click();
      await expect(page.getByRole('alert')).toHaveText(t.problem({ kind: 'invalidCredentials' }, Date.now()));
      await expect(password).toBeFocused();
      await expect(password).toHaveAttribute('type', 'password');

      await page.keyboard.type(user.password);
      await page.keyboard.press('Enter');
      const code = page.getByRole('textbox', { name: t.code.label(6) });
      await expect(code).toBeFocused();
      await expect(page.getByRole('link', { name: t.code.help })).toHaveAttribute('href', '/help');
      await expectNoAxeViolations(page, `code step (${language})`);
      await page.keyboard.type(codeNow(server, user.secret));
      server.clock.advance(PERIOD_MS);
      await expect(page).toHaveURL(/\/settings$/);
      await expect(page.getByRole('heading', { name: p.settings.heading, level: 1 })).toBeVisible();
    });

    test('says when a code was just used, and when the phone’s clock looks wrong, with focus back in the code', async ({ page, server }) => {
      const user = await createTotpUser(server);
      // The code just used elsewhere, in this same time step.
      const used = codeNow(server, user.secret);
      expectStatus(await submitCode(server, (await challengeFor(server, user.username, user.password)).id, used), 200);
      const code = await toCodeStep(page, user);
      await page.keyboard.type(used);
      await expect(page.getByRole('alert')).toHaveText(t.problem({ kind: 'wrongCode', attemptsRemaining: 4, reason: 'already_used' }, Date.now()));
      await expect(code).toBeFocused();
      await expect(code).toHaveValue('');
      // A phone four minutes slow.
      await page.keyboard.type(codeNow(server, user.secret, -4 * 60_000));
      await expect(page.getByRole('alert')).toHaveText(t.problem({ kind: 'wrongCode', attemptsRemaining: 3, reason: 'clock_skew' }, Date.now()));
      await expect(code).toBeFocused();
      await expectNoAxeViolations(page, `code step: phone clock (${language})`);
    });

    test('an expired request replaces the wrong code said before it; a wrong recovery code gets its own words', async ({ page, server }) => {
      const user = await createTotpUser(server);
      const code = await toCodeStep(page, user);
      await page.getByRole('button', { name: t.code.useRecovery }).click();
      const recovery = page.getByRole('textbox', { name: t.code.recoveryLabel });
      await expect(recovery).toBeFocused();
      await page.getByRole('button', { name: t.code.recoverySubmit }).click();
      const empty = page.getByText(t.code.recoveryRequired);
      await expect(empty).toBeVisible();
      await recovery.fill('zzzz-zzzz-zzzz');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alert')).toHaveText(t.problem({ kind: 'wrongRecoveryCode', attemptsRemaining: 4, reason: 'incorrect' }, Date.now()));
      await expect(empty).toHaveCount(0);
      await expect(recovery).toBeFocused();
      await snap(page, 'pages', 'Code step: wrong recovery code');

      await page.getByRole('button', { name: t.code.useAuthenticator }).click();
      await expect(code).toBeFocused();
      await page.keyboard.type(unrelatedCode(user.secret, server.clock.now()));
      await expect(page.getByRole('alert')).toHaveText(t.problem({ kind: 'wrongCode', attemptsRemaining: 3, reason: 'incorrect' }, Date.now()));
      await movePageClock(page, 10 * 60_000);
      await expect(page.locator('#code-problem')).toHaveText(t.problem({ kind: 'challengeExpired' }, Date.now()));
      await expect(page.getByRole('button', { name: t.code.startAgain })).toBeFocused();
      await snap(page, 'pages', 'Code step: expired after a wrong code');
    });

    test('the help page says what to do without the authenticator app', async ({ page }) => {
      await page.goto('/help');
      await expect(page.getByRole('heading', { name: p.help.heading, level: 1 })).toBeVisible();
      await expect(page.getByText(p.help.recovery(t.code.useRecovery))).toBeVisible();
      await expectNoAxeViolations(page, `help (${language})`);
    });
  });
}

test('a page the browser asks for in a language Stepgate does not speak comes in English, with the favicon', async ({ page, server }) => {
  await page.setExtraHTTPHeaders({ 'accept-language': 'de-DE,de;q=0.9' });
  const response = await page.goto('/signin');
  expect(response?.headers()['content-language']).toBe('en');
  expect(response?.headers()['vary']).toContain('Accept-Language');
  const icon = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    const res = await fetch(link?.href ?? '/none');
    return { status: res.status, type: res.headers.get('content-type') };
  });
  expect(icon).toEqual({ status: 200, type: 'image/svg+xml' });
  expect((await fetch(`${server.url}/favicon.ico`)).status).toBe(200);
});

test('says "You are signed out" after signing out, with focus in the form', async ({ page, server }) => {
  const user = await createUser(server);
  const t = messagesFor('en');
  await page.goto('/signin');
  await page.getByLabel(t.signIn.username).fill(user.username);
  await page.getByLabel(t.signIn.password, { exact: true }).fill(user.password);
  await page.getByRole('button', { name: t.signIn.submit }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await signOut(page);
  await expect(page.getByRole('form', { name: t.signIn.heading }).getByText(t.signIn.signedOut)).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(t.signIn.signedOut);
  await expect(page.getByLabel(t.signIn.username)).toBeFocused();
});
