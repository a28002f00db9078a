/**
 * Signing in through the system browser, as the flow runs it: the real loopback listener, a "browser"
 * that is a plain HTTP request to the address the app handed out, and the server's answers scripted.
 */
import { describe, expect, it } from 'vitest';
import { returnPageWords } from '../../../../electron/signin/sign-in-flow.js';
import { s256Challenge } from '../../../../electron/sso/pkce.js';
import type { InfoResponse } from '../../../../shared/api/schemas.js';
import { en } from '../../../../shared/messages/en.js';
import { fi } from '../../../../shared/messages/fi.js';
import { apiError, session } from './fixtures.js';
import { info, settle, setup } from './flow-harness.js';

const START = 'https://id.example.com/api/v1/auth/sso';
const withProviders: InfoResponse = {
  ...info,
  sso: {
    enabled: true,
    requiredForAll: false,
    providers: [
      { id: 'contoso', displayName: 'Contoso', startUrl: `${START}/contoso/start` },
      { id: 'partner', displayName: 'Partner', startUrl: `${START}/partner/start` },
    ],
  },
};

type Harness = ReturnType<typeof setup>;

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await settle();
  if (!check()) throw new Error(`never happened: ${what}`);
}

/** Clicks "Sign in with …" and returns what the system browser was asked to open. */
async function startBrowserSignIn(t: Harness, providerId = 'contoso', keepSignedIn = false) {
  if (t.flow.current.kind === 'starting') {
    await t.flow.start();
    await settle();
  }
  const before = t.opened.length;
  void t.flow.handle({ type: 'signInWithProvider', providerId, keepSignedIn });
  await until(() => t.opened.length > before, 'the browser opened');
  const url = new URL(t.opened.at(-1) ?? '');
  const redirectUri = url.searchParams.get('redirect_uri') ?? '';
  const state = url.searchParams.get('state') ?? '';
  /** The browser arriving at the app's loopback listener with `query` beside our state. */
  const returnWith = (query: string, withState = state) => fetch(`${redirectUri}?${query}${withState === '' ? '' : `&state=${withState}`}`);
  return { url, redirectUri, state, returnWith };
}

describe('SignInFlow: signing in through the browser', () => {
  it('the browser’s last page says the sign-in goes on in the app, or, where the app cannot come to the front (Wayland), to switch back to it', async () => {
    for (const [raisesItself, text] of [
      [undefined, en.browserReturnPage.done],
      [true, en.browserReturnPage.done],
      [false, en.browserReturnPage.doneSwitchBack],
    ] as const) {
      const t = setup({ serverInfo: withProviders, ...(raisesItself === undefined ? {} : { raisesItself }) });
      const browser = await startBrowserSignIn(t);
      const page = await browser.returnWith('code=ssr_result-1');
      const body = await page.text();
      expect(body).toContain(text);
      expect(body).not.toContain(raisesItself === false ? en.browserReturnPage.done : en.browserReturnPage.doneSwitchBack);
      await until(() => t.broughtToFront() === 1, 'the app asked to come to the front');
    }
  });

  it('words the Switch-back page in Finnish too', () => {
    expect(returnPageWords('fi', false)).toEqual({
      lang: 'fi',
      title: fi.windowTitle.signIn,
      done: fi.browserReturnPage.doneSwitchBack,
      failed: fi.browserReturnPage.failed,
      notOurs: fi.browserReturnPage.notOurs,
    });
    expect(returnPageWords('fi', true).done).toBe(fi.browserReturnPage.done);
  });

  it('offers the server’s providers, in its order, after the password form', async () => {
    const t = setup({ serverInfo: withProviders });
    await t.flow.start();
    await settle();
    expect(t.flow.view.flow).toMatchObject({
      kind: 'signIn',
      providers: [
        { id: 'contoso', displayName: 'Contoso' },
        { id: 'partner', displayName: 'Partner' },
      ],
      passwordSignIn: true,
      providersFirst: false,
      focusProvider: null,
    });
    expect(JSON.stringify(t.flow.view)).not.toContain('startUrl');
  });

  it('opens the start URL with a fresh loopback address, state and S256 challenge, and signs in with the exchanged result: no code step', async () => {
    const t = setup({ serverInfo: withProviders });
    const browser = await startBrowserSignIn(t, 'contoso', true);
    expect(`${browser.url.origin}${browser.url.pathname}`).toBe(`${START}/contoso/start`);
    expect(browser.url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(browser.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/stepgate\/sso$/);
    expect(t.flow.view.flow).toEqual({ kind: 'browserSignIn', server: { url: 'https://id.example.com', name: 'Acme', locked: false }, provider: 'Contoso', finishing: false });

    const page = await browser.returnWith('code=ssr_result-1');
    expect(page.status).toBe(200);
    await until(() => t.calls.some((c) => c.method === 'exchangeSsoResult'), 'the exchange');
    expect(t.broughtToFront()).toBe(1);
    expect(t.flow.view.flow).toMatchObject({ kind: 'browserSignIn', finishing: true });
    const exchange = t.calls.find((c) => c.method === 'exchangeSsoResult')?.body as { code: string; codeVerifier: string };
    expect(exchange.code).toBe('ssr_result-1');
    // Only the app holds the verifier; the browser saw its challenge.
    expect(s256Challenge(exchange.codeVerifier)).toBe(browser.url.searchParams.get('code_challenge'));
    expect(browser.url.toString()).not.toContain(exchange.codeVerifier);

    await t.answer('exchangeSsoResult', { ok: true, value: { status: 'authenticated', session } });
    await until(() => t.flow.view.flow.kind === 'signedIn' && t.flow.view.flow.remembered, 'signed in and kept');
    expect(t.flow.view.flow).toMatchObject({ kind: 'signedIn', username: 'ada', remembered: true });
    expect(t.credentials.entries.get('session@https://id.example.com')).toBe(session.token);
    expect(t.credentials.entries.get('username@https://id.example.com')).toBe('ada');
    expect(t.calls.map((c) => c.method)).toEqual([]);
    expect(t.logs.join('\n')).not.toMatch(/ssr_result|tok_secret/);
  });

  it('comes back to the form with the named problem, focus on that provider, when the sign-in ended at the provider', async () => {
    const t = setup({ serverInfo: withProviders });
    const browser = await startBrowserSignIn(t, 'partner');
    await browser.returnWith('error=sso_unknown_user&reason=email_unverified');
    await until(() => t.flow.view.flow.kind === 'signIn', 'back on the form');
    expect(t.flow.view.flow).toMatchObject({ problem: { kind: 'ssoUnknownUser', reason: 'emailUnverified' }, focusProvider: 'partner' });
    expect(t.broughtToFront()).toBe(1);
    expect(t.logs).toContain('browser sign-in with "partner" ended: sso_unknown_user (email_unverified)');
  });

  it('names the refusal of an identity not linked to the account it names', async () => {
    const t = setup({ serverInfo: withProviders });
    const browser = await startBrowserSignIn(t, 'partner');
    await browser.returnWith('error=sso_link_required&reason=not_linked');
    await until(() => t.flow.view.flow.kind === 'signIn', 'back on the form');
    expect(t.flow.view.flow).toMatchObject({ problem: { kind: 'ssoLinkRequired' }, focusProvider: 'partner' });
  });

  it('ignores a return whose state is not ours and keeps waiting for the real one', async () => {
    const t = setup({ serverInfo: withProviders });
    const browser = await startBrowserSignIn(t);
    expect((await browser.returnWith('code=ssr_forged', 'x'.repeat(43))).status).toBe(400);
    await settle();
    expect(t.flow.view.flow).toMatchObject({ kind: 'browserSignIn', finishing: false });
    expect(t.calls).toEqual([]);
    await browser.returnWith('code=ssr_real');
    await until(() => t.calls.length === 1, 'the exchange');
    expect(t.calls[0]?.body).toMatchObject({ code: 'ssr_real' });
  });

  it('stops waiting on Cancel: the listener closes and nothing that comes later counts', async () => {
    const t = setup({ serverInfo: withProviders });
    const browser = await startBrowserSignIn(t);
    await t.flow.handle({ type: 'cancel' });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', problem: null, focusProvider: 'contoso' });
    await expect(browser.returnWith('code=ssr_late')).rejects.toThrow();
    await settle();
    expect(t.calls).toEqual([]);
    expect(t.broughtToFront()).toBe(0);
  });

  it('says the sign-in expired when the browser did not come back in time', async () => {
    const t = setup({ serverInfo: withProviders, browserSignInTimeoutMs: 30 });
    const browser = await startBrowserSignIn(t);
    await until(() => t.flow.view.flow.kind === 'signIn', 'back on the form');
    expect(t.flow.view.flow).toMatchObject({ problem: { kind: 'ssoExpired' }, focusProvider: 'contoso' });
    await expect(browser.returnWith('code=ssr_late')).rejects.toThrow();
  });

  it('says so when the system browser could not be opened, and does not keep listening', async () => {
    const listening: string[] = [];
    const t = setup({
      serverInfo: withProviders,
      openExternal: async (url) => {
        listening.push(new URL(url).searchParams.get('redirect_uri') ?? '');
        throw new Error('no browser');
      },
    });
    await t.flow.start();
    await settle();
    await t.flow.handle({ type: 'signInWithProvider', providerId: 'contoso', keepSignedIn: false });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', problem: { kind: 'ssoBrowserFailed' } });
    await expect(fetch(listening[0] ?? '')).rejects.toThrow();
  });

  it('refuses a start URL off the server’s origin without opening anything', async () => {
    const elsewhere: InfoResponse = { ...info, sso: { enabled: true, providers: [{ id: 'contoso', displayName: 'Contoso', startUrl: 'https://phish.example/start' }] } };
    const t = setup({ serverInfo: elsewhere });
    await t.flow.start();
    await settle();
    await t.flow.handle({ type: 'signInWithProvider', providerId: 'contoso', keepSignedIn: false });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', problem: { kind: 'ssoStartRefused' } });
    expect(t.opened).toEqual([]);
  });

  it('does nothing for a provider the server does not offer', async () => {
    const t = setup({ serverInfo: withProviders });
    await t.flow.start();
    await settle();
    await t.flow.handle({ type: 'signInWithProvider', providerId: 'unknown', keepSignedIn: false });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', problem: null });
    expect(t.opened).toEqual([]);
  });

  it('words a result the server refuses, and lets the person start again', async () => {
    const t = setup({ serverInfo: withProviders });
    const browser = await startBrowserSignIn(t);
    await browser.returnWith('code=ssr_spent');
    await until(() => t.calls.length === 1, 'the exchange');
    // The result code is with the server: Cancel cannot drop a session that may already exist.
    await t.flow.handle({ type: 'cancel' });
    expect(t.flow.view.flow).toMatchObject({ kind: 'browserSignIn', finishing: true });
    await t.answer('exchangeSsoResult', apiError('sso_result_invalid'));
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', problem: { kind: 'ssoResultInvalid' }, focusProvider: 'contoso' });
    const again = await startBrowserSignIn(t);
    expect(again.state).not.toBe(browser.state);
    expect(again.url.searchParams.get('code_challenge')).not.toBe(browser.url.searchParams.get('code_challenge'));
  });

  it('stays open while wrong passwords have locked the password form: the provider checks the person itself', async () => {
    const t = setup({ serverInfo: withProviders });
    await t.flow.start();
    await settle();
    void t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'wrong', keepSignedIn: false });
    await t.answer('login', apiError('too_many_attempts', { retryAfter: 60 }));
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', problem: { kind: 'locked' } });
    await t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'right', keepSignedIn: false });
    expect(t.calls).toEqual([]);
    const browser = await startBrowserSignIn(t);
    expect(t.flow.view.flow).toMatchObject({ kind: 'browserSignIn', provider: 'Contoso' });
    await browser.returnWith('error=sso_cancelled');
    await until(() => t.flow.view.flow.kind === 'signIn', 'back on the form');
  });

  it('tells a password sign-in that must use the provider to, with focus on its button', async () => {
    const t = setup({ serverInfo: withProviders });
    await t.flow.start();
    await settle();
    void t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'pw', keepSignedIn: false });
    await t.answer('login', apiError('sso_required'));
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', problem: { kind: 'ssoRequired' }, focusProvider: 'contoso' });
  });
});

describe('SignInFlow: policy for browser sign-in', () => {
  it('puts the preselected provider first, before the form, with focus', async () => {
    const t = setup({ serverInfo: withProviders, ssoProvider: 'partner' });
    await t.flow.start();
    await settle();
    expect(t.flow.view.flow).toMatchObject({
      providers: [{ id: 'partner' }, { id: 'contoso' }],
      providersFirst: true,
      focusProvider: 'partner',
    });
  });

  it('ignores a preselected provider the server does not offer', async () => {
    const t = setup({ serverInfo: withProviders, ssoProvider: 'gone' });
    await t.flow.start();
    await settle();
    expect(t.flow.view.flow).toMatchObject({ providers: [{ id: 'contoso' }, { id: 'partner' }], providersFirst: false, focusProvider: null });
  });

  it('puts the providers first when the server requires them for everyone', async () => {
    const t = setup({ serverInfo: { ...withProviders, sso: { ...withProviders.sso, requiredForAll: true } } });
    await t.flow.start();
    await settle();
    expect(t.flow.view.flow).toMatchObject({ providersFirst: true, focusProvider: 'contoso' });
  });

  it('without password sign-in, sends no password even when asked to', async () => {
    const t = setup({ serverInfo: withProviders, allowPasswordSignIn: false });
    await t.flow.start();
    await settle();
    expect(t.flow.view.flow).toMatchObject({ passwordSignIn: false, providersFirst: true, focusProvider: 'contoso' });
    await t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'pw', keepSignedIn: false });
    expect(t.calls).toEqual([]);
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', busy: false });
  });
});
