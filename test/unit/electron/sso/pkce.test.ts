import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { isSameState, newBrowserSignInSecrets, s256Challenge } from '../../../../electron/sso/pkce.js';
import { PkceCodeChallenge, PkceCodeVerifier, SsoStartQuery } from '../../../../shared/api/schemas.js';

describe('PKCE and state for a browser sign-in', () => {
  it('derives the S256 challenge as RFC 7636 appendix B does', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a verifier, challenge and state the server accepts: 43 unreserved characters, 256 random bits each', () => {
    const secrets = newBrowserSignInSecrets();
    expect(secrets.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secrets.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secrets.codeChallenge).toBe(s256Challenge(secrets.codeVerifier));
    expect(Value.Check(PkceCodeVerifier, secrets.codeVerifier)).toBe(true);
    expect(Value.Check(PkceCodeChallenge, secrets.codeChallenge)).toBe(true);
    expect(Value.Check(SsoStartQuery, { state: secrets.state })).toBe(true);
  });

  it('draws the verifier and the state from separate random bytes, fresh for every sign-in', () => {
    const drawn: number[] = [];
    const secrets = newBrowserSignInSecrets((size) => {
      drawn.push(size);
      return Buffer.alloc(size, drawn.length);
    });
    expect(drawn).toEqual([32, 32]);
    expect(secrets.state).not.toBe(secrets.codeVerifier);
    const many = Array.from({ length: 50 }, () => newBrowserSignInSecrets());
    expect(new Set(many.map((s) => s.state)).size).toBe(50);
    expect(new Set(many.map((s) => s.codeVerifier)).size).toBe(50);
  });

  it('accepts only the very same state', () => {
    const { state } = newBrowserSignInSecrets();
    expect(isSameState(state, state)).toBe(true);
    expect(isSameState(`${state}x`, state)).toBe(false);
    expect(isSameState(state.slice(0, -1), state)).toBe(false);
    expect(isSameState(`${state.slice(0, -1)}${state.endsWith('A') ? 'B' : 'A'}`, state)).toBe(false);
    expect(isSameState('', state)).toBe(false);
  });
});
