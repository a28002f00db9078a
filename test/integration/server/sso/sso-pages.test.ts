/**
 * The browser pages' SSO sign-in in Chromium: the start URL without a loopback redirect ends in the
 * pages' cookie session, on the page the person came from; failures come back to /signin with a code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeResponse } from '../../../../shared/api/schemas.js';
import { CONTINUE_PAGE_CSP } from '../../../../server/sso/continue-page.js';
import { shape } from '../../../support/http-client.js';
import { cancelAtProvider, signInAtProvider } from '../../../support/sso/browser.js';
import { linkedAccount, startSsoSetup, type SsoSetup } from '../../../support/sso/sso-setup.js';
import { createTotpUser, createUser } from '../../../support/totp.js';

describe('browser pages SSO sign-in', () => {
  let setup: SsoSetup;
  beforeAll(async () => {
    setup = await startSsoSetup({ connections: [{ id: 'idp' }] });
    await setup.server.setEnvironment({ totpEnabled: true });
  });
  afterAll(async () => {
    await setup.close();
  });

  it('ends with a cookie session on the page the person came from, without a code for a TOTP user', async () => {
    const user = await createTotpUser(setup.server);
    const context = await setup.newContext();
    try {
      const page = await context.newPage();
      await page.goto(setup.startUrl('idp', 'next=%2Fadmin'));
      await signInAtProvider(page, await linkedAccount(setup, 'idp', user));
      await page.waitForURL((url) => url.pathname === '/admin', { timeout: 10_000 });

      const cookie = (await context.cookies(setup.server.url)).find((c) => c.name === 'stepgate_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      // The page's own requests carry the session: the person is signed in here.
      const me = await page.evaluate(async () => {
        const res = await fetch('/api/v1/me');
        return { status: res.status, body: (await res.json()) as unknown };
      });
      expect(me.status).toBe(200);
      expect(shape(MeResponse, me.body).user.username).toBe(user.username);
    } finally {
      await context.close();
    }
  });

  it('goes to the settings page when no page was named, through a continue page under its own policy', async () => {
    const user = await createUser(setup.server);
    const context = await setup.newContext();
    try {
      const page = await context.newPage();
      await page.goto(setup.startUrl('idp'));
      const continued = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/v1/auth/sso/idp/callback');
      await signInAtProvider(page, await linkedAccount(setup, 'idp', user));
      expect((await continued).headers()['content-security-policy']).toBe(CONTINUE_PAGE_CSP);
      await page.waitForURL((url) => url.pathname === '/settings', { timeout: 10_000 });
      expect(await page.evaluate(async () => (await fetch('/api/v1/me')).status)).toBe(200);
    } finally {
      await context.close();
    }
  });

  it('a cancelled sign-in comes back to /signin with sso_error and the page to return to', async () => {
    const context = await setup.newContext();
    try {
      const page = await context.newPage();
      await page.goto(setup.startUrl('idp', 'next=%2Fsettings'));
      await cancelAtProvider(page);
      await page.waitForURL((url) => url.pathname === '/signin', { timeout: 10_000 });
      const url = new URL(page.url());
      expect(url.searchParams.get('sso_error')).toBe('sso_cancelled');
      expect(url.searchParams.get('next')).toBe('/settings');
      expect((await context.cookies(setup.server.url)).map((c) => c.name)).not.toContain('stepgate_session');
    } finally {
      await context.close();
    }
  });
});
