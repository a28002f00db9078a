import { describe, expect, it } from 'vitest';
import { toView, type ViewContext } from '../../../../electron/signin/to-view.js';
import { allStates, codeRequired, idle, server, signedIn } from './fixtures.js';

const info = { url: server.url, name: 'Acme', settingsUrl: `${server.url}/settings`, providers: [], ssoRequiredForAll: false };
const context: ViewContext = { canKeepSignedIn: true, info, passwordSignIn: true, preselectedProvider: null, trust: { allowed: true, maxDays: null } };

describe('toView', () => {
  it('never hands the renderer a token or a challenge id', () => {
    for (const state of allStates) {
      const text = JSON.stringify(toView(state, context));
      expect(text).not.toContain('tok_secret');
      expect(text).not.toContain('ch_1');
    }
  });

  it('names the server only with /info from that same server', () => {
    expect(toView(idle, context)).toMatchObject({ server: { url: server.url, name: 'Acme', locked: false } });
    expect(toView(idle, { ...context, info: { ...info, url: 'https://other.example' } })).toMatchObject({ server: { name: null } });
    expect(toView(idle, { ...context, info: null })).toMatchObject({ server: { name: null } });
  });

  it('shows the waiting states as busy versions of their views', () => {
    expect(toView({ ...idle, kind: 'submittingCredentials' }, context)).toMatchObject({ kind: 'signIn', busy: true, problem: null });
    expect(toView({ ...codeRequired, kind: 'submittingCode' }, context)).toMatchObject({ kind: 'code', busy: true, digits: 6 });
    expect(toView({ ...signedIn, kind: 'signingOut' }, context)).toMatchObject({ kind: 'signedIn', busy: true });
    expect(toView({ kind: 'restoring', server, username: 'ada' }, context)).toEqual({ kind: 'starting' });
  });

  it('tells the code window about this computer’s clock only when it is more than a minute off the server’s', () => {
    expect(toView(codeRequired, context)).toMatchObject({ kind: 'code', computerClockOffset: null });
    expect(toView({ ...codeRequired, clockOffset: 60_000 }, context)).toMatchObject({ computerClockOffset: null });
    expect(toView({ ...codeRequired, clockOffset: -59_000 }, context)).toMatchObject({ computerClockOffset: null });
    expect(toView({ ...codeRequired, clockOffset: 61_000 }, context)).toMatchObject({ computerClockOffset: 61 });
    expect(toView({ ...codeRequired, clockOffset: -4 * 60_000 }, context)).toMatchObject({ computerClockOffset: -240 });
  });

  it('offers "Don’t ask for a code on this computer" for the lower of policy’s and the server’s days, and not where either says no', () => {
    const withDays = (serverDays: number) => ({ ...codeRequired, challenge: { ...codeRequired.challenge, trustedComputerDays: serverDays } });
    expect(toView(withDays(30), context)).toMatchObject({ kind: 'code', trustDays: 30 });
    expect(toView(withDays(30), { ...context, trust: { allowed: true, maxDays: 7 } })).toMatchObject({ trustDays: 7 });
    expect(toView(withDays(5), { ...context, trust: { allowed: true, maxDays: 7 } })).toMatchObject({ trustDays: 5 });
    expect(toView(withDays(0), context)).toMatchObject({ trustDays: null });
    expect(toView(withDays(30), { ...context, trust: { allowed: false, maxDays: 7 } })).toMatchObject({ trustDays: null });
  });

  it('tells the signed-in view about this computer’s trust, and nothing about it otherwise', () => {
    expect(toView(signedIn, context)).toMatchObject({ kind: 'signedIn', trustedComputer: null });
    const trusted = { ...signedIn, trustedComputer: { until: signedIn.expiresAt, codeSkipped: true } };
    expect(toView(trusted, context)).toMatchObject({ trustedComputer: { until: signedIn.expiresAt, codeSkipped: true } });
  });

  it('does not offer "Keep me signed in" where it cannot work', () => {
    expect(toView({ ...idle, keepSignedIn: true }, { ...context, canKeepSignedIn: false })).toMatchObject({
      keepSignedIn: false,
      canKeepSignedIn: false,
    });
  });

  describe('the ways to sign in', () => {
    const providers = [
      { id: 'contoso', displayName: 'Contoso', startUrl: `${server.url}/api/v1/auth/sso/contoso/start` },
      { id: 'partner', displayName: 'Partner', startUrl: `${server.url}/api/v1/auth/sso/partner/start` },
    ];
    const withProviders: ViewContext = { ...context, info: { ...info, providers } };

    it('offers no buttons until the server has said which providers it has', () => {
      expect(toView(idle, { ...context, info: null })).toMatchObject({ providers: null, focusProvider: null });
      expect(toView(idle, context)).toMatchObject({ providers: [], focusProvider: null });
    });

    it('gives focus back to the provider a browser sign-in went to, however it ended', () => {
      const back = { ...idle, lastProvider: 'partner' };
      expect(toView(back, withProviders)).toMatchObject({ focusProvider: 'partner' });
      expect(toView({ ...back, problem: { kind: 'timeout' } }, withProviders)).toMatchObject({ focusProvider: 'partner' });
      // A provider the server no longer lists: the first one it does.
      expect(toView({ ...idle, lastProvider: 'gone', problem: { kind: 'ssoExpired' } }, withProviders)).toMatchObject({ focusProvider: 'contoso' });
    });

    it('sends an account that may not use the provider back to its password, and a wrong password to the form', () => {
      const ssoOff = { ...idle, lastProvider: 'contoso', problem: { kind: 'ssoNotAllowed', reason: 'ssoOff' } as const };
      expect(toView(ssoOff, withProviders)).toMatchObject({ focusProvider: null });
      const preselected = { ...withProviders, preselectedProvider: 'partner' };
      expect(toView({ ...idle, problem: { kind: 'invalidCredentials' } }, preselected)).toMatchObject({ providersFirst: true, focusProvider: null });
      expect(toView({ ...idle, problem: { kind: 'ssoRequired' } }, preselected)).toMatchObject({ focusProvider: 'partner' });
    });

    it('never hands the renderer a start URL', () => {
      expect(JSON.stringify(toView(idle, withProviders))).not.toContain('/start');
    });
  });
});
