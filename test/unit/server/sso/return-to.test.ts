import { describe, expect, it } from 'vitest';
import { isLoopbackRedirect, parseStart } from '../../../../server/sso/return-to.js';

const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const desktop = { redirect_uri: 'http://127.0.0.1:53123/callback', state: 'app-state-0123456789', code_challenge: challenge, code_challenge_method: 'S256' as const };

describe('the desktop app’s loopback redirect', () => {
  it.each(['http://127.0.0.1:1024/', 'http://127.0.0.1:65535/a', 'http://127.0.0.1:53123/stepgate/sso-callback', 'http://127.0.0.1:53123/cb/', 'http://127.0.0.1:53123/a.b~c_d-e'])(
    'takes %s',
    (uri) => expect(isLoopbackRedirect(uri)).toBe(true),
  );

  it.each([
    'http://127.0.0.1:1023/cb',
    'http://127.0.0.1:65536/cb',
    'http://127.0.0.1:053123/cb',
    'http://127.0.0.1:53123',
    'http://127.0.0.1:53123/./cb',
    'http://127.0.0.1:53123/cb/..',
    'http://127.0.0.1:53123/.hidden',
    'http://127.0.0.1:53123/a//b',
    'http://127.0.0.1:53123/c%62',
    'http://127.0.0.1:53123/cb?x=1',
    'http://127.0.0.1:53123/cb#x',
    'HTTP://127.0.0.1:53123/cb',
    'http://127.000.000.001:53123/cb',
    'http://localhost:53123/cb',
    ' http://127.0.0.1:53123/cb',
    'http://127.0.0.1:53123/cb ',
  ])('refuses %s', (uri) => expect(isLoopbackRedirect(uri)).toBe(false));
});

describe('where a sign-in started', () => {
  it('is the desktop app when the four RFC 8252 parameters come together', () => {
    expect(parseStart(desktop)).toEqual({
      kind: 'ok',
      returnTo: { kind: 'desktop', redirectUri: desktop.redirect_uri, state: desktop.state, codeChallenge: challenge },
    });
  });

  it('is a browser page otherwise, the settings page unless one is named', () => {
    expect(parseStart({})).toEqual({ kind: 'ok', returnTo: { kind: 'browser', next: '/settings' } });
    expect(parseStart({ next: '/admin' })).toEqual({ kind: 'ok', returnTo: { kind: 'browser', next: '/admin' } });
  });

  it('names each missing or wrong part', () => {
    expect(parseStart({ redirect_uri: 'http://localhost:5000/cb', state: desktop.state })).toEqual({
      kind: 'invalid',
      fields: {
        redirect_uri: expect.stringMatching(/^must be http:\/\/127\.0\.0\.1:PORT\/PATH/) as unknown,
        code_challenge: 'is required with the other loopback sign-in parameters',
        code_challenge_method: 'is required with the other loopback sign-in parameters',
      },
    });
    expect(parseStart({ ...desktop, next: '/admin' })).toEqual({ kind: 'invalid', fields: { next: 'is not allowed with redirect_uri' } });
    expect(parseStart({ next: '/signin' })).toEqual({ kind: 'invalid', fields: { next: 'must be /enroll, /settings or /admin' } });
  });
});
