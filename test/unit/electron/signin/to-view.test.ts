import { describe, expect, it } from 'vitest';
import { toView } from '../../../../electron/signin/to-view.js';
import { allStates, codeRequired, idle, server, signedIn } from './fixtures.js';

const context = { canKeepSignedIn: true, info: { url: server.url, name: 'Acme', settingsUrl: `${server.url}/settings` } };

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
    expect(toView(idle, { ...context, info: { ...context.info, url: 'https://other.example' } })).toMatchObject({ server: { name: null } });
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

  it('does not offer "Keep me signed in" where it cannot work', () => {
    expect(toView({ ...idle, keepSignedIn: true }, { ...context, canKeepSignedIn: false })).toMatchObject({
      keepSignedIn: false,
      canKeepSignedIn: false,
    });
  });
});
