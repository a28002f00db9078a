/**
 * What the login window offers under each policy and server answer, as rendered markup (focus and
 * announcements are the end-to-end specs' part): the provider buttons by their exact names, where
 * they stand, and what is left when policy hides the password.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FlowView } from '../../../../shared/ipc/view.js';
import { en } from '../../../../shared/messages/en.js';
import { LoginView, type LoginViewModel } from '../../../../renderer/views/LoginView.js';

const base: LoginViewModel = {
  kind: 'signIn',
  server: { url: 'https://id.example.com', name: 'Acme', locked: false },
  username: '',
  keepSignedIn: false,
  canKeepSignedIn: true,
  busy: false,
  problem: null,
  signedOut: null,
  providers: [
    { id: 'contoso', displayName: 'Contoso' },
    { id: 'partner', displayName: 'Partner & Co' },
  ],
  passwordSignIn: true,
  providersFirst: false,
  focusProvider: null,
};

const render = (view: Partial<Extract<FlowView, { kind: 'signIn' }>>) => renderToStaticMarkup(createElement(LoginView, { view: { ...base, ...view }, send: () => undefined }));
const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]);

describe('LoginView', () => {
  it('says how the last sign-out ended: done, not confirmed by the server yet, or confirmed since', () => {
    expect(render({ signedOut: 'confirmed' })).toContain(en.signIn.signedOut);
    const unconfirmed = render({ signedOut: 'unconfirmed' });
    expect(unconfirmed).toContain(en.signIn.signedOutUnconfirmed);
    expect(unconfirmed).not.toContain(`>${en.signIn.signedOut}<`);
    expect(render({ signedOut: 'confirmedLater' })).toContain(en.signIn.signedOutConfirmedLater);
    expect(render({})).not.toContain('status-note');
  });

  it('offers a "Sign in with …" button per provider after the password form, named exactly so', () => {
    const html = render({});
    expect(buttons(html)).toEqual([en.signIn.changeServer, en.signIn.submit, 'Sign in with Contoso', 'Sign in with Partner &amp; Co']);
    expect(html).toContain(`role="group" aria-label="${en.signIn.providers}"`);
    expect(html).toContain('type="password"');
  });

  it('puts the providers first, the first one as the main action, when policy or the server prefers them', () => {
    const html = render({ providersFirst: true });
    expect(buttons(html).slice(1, 3)).toEqual(['Sign in with Contoso', 'Sign in with Partner &amp; Co']);
    expect(html).toMatch(/<button type="button" class="primary"[^>]*>Sign in with Contoso<\/button>/);
  });

  it('without password sign-in shows only the providers and "Keep me signed in", and no field for a password', () => {
    const html = render({ passwordSignIn: false, providersFirst: true });
    expect(buttons(html)).toEqual([en.signIn.changeServer, 'Sign in with Contoso', 'Sign in with Partner &amp; Co']);
    expect(html).not.toMatch(/type="password"|autocomplete="username"/);
    expect(html).toContain(en.signIn.keepSignedIn);
  });

  it('without password sign-in says what it is waiting for, offers to ask again, or says there is no way in', () => {
    expect(render({ passwordSignIn: false, providers: null })).toContain(en.signIn.checkingOptions);
    const unreachable = render({ passwordSignIn: false, providers: null, problem: { kind: 'unreachable' } });
    expect(buttons(unreachable)).toContain(en.signIn.retry);
    expect(render({ passwordSignIn: false, providers: [] })).toContain(en.signIn.noSignInOption);
  });

  it('offers no provider button while the server has not said which there are', () => {
    expect(buttons(render({ providers: null }))).toEqual([en.signIn.changeServer, en.signIn.submit]);
  });
});
