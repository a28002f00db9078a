import { describe, expect, it } from 'vitest';
import { browserStartUrl } from '../../../../electron/sso/start-url.js';
import { parseStart } from '../../../../server/sso/return-to.js';

const parameters = {
  redirectUri: 'http://127.0.0.1:49152/stepgate/sso',
  state: 'S'.repeat(43),
  codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
};

describe('the address the system browser opens', () => {
  it('is the server’s start URL with the four loopback parameters, as the server reads them', () => {
    const url = new URL(browserStartUrl('https://id.example.com/api/v1/auth/sso/entra/start', parameters) ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('https://id.example.com/api/v1/auth/sso/entra/start');
    const query = Object.fromEntries(url.searchParams);
    expect(query).toEqual({
      redirect_uri: parameters.redirectUri,
      state: parameters.state,
      code_challenge: parameters.codeChallenge,
      code_challenge_method: 'S256',
    });
    expect(parseStart(query)).toEqual({
      kind: 'ok',
      returnTo: { kind: 'desktop', redirectUri: parameters.redirectUri, state: parameters.state, codeChallenge: parameters.codeChallenge },
    });
  });

  it('replaces rather than repeats a parameter the server’s URL already names, and refuses what is not an address', () => {
    const url = new URL(browserStartUrl('https://id.example.com/start?state=theirs&lang=fi', parameters) ?? '');
    expect(url.searchParams.getAll('state')).toEqual([parameters.state]);
    expect(url.searchParams.get('lang')).toBe('fi');
    expect(browserStartUrl('not an address', parameters)).toBeNull();
  });
});
