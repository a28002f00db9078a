/**
 * The relying party's checks on what comes back from the provider. The browser signs in on the real
 * provider's pages; the test holds the provider's answer back and delivers it to Stepgate itself, so it
 * can replay it, alter it, or send it late or from elsewhere.
 *
 * Where the real provider cannot be made to misbehave (an ID token with the wrong nonce, audience,
 * issuer or signature), the second suite puts a stand-in at exactly one boundary: the token endpoint's
 * answer, re-signed after one change. Expiry needs no stand-in: Stepgate's clock is moved instead.
 */
import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticatedResponse } from '../../../../shared/api/schemas.js';
import { ok } from '../../../support/http-client.js';
import { startLoopbackApp, type LoopbackApp } from '../../../support/sso/loopback-app.js';
import {
  callback,
  exchange,
  linkedAccount,
  providerAccount,
  providerAnswer,
  redirectedTo,
  startByHand,
  startSsoSetup,
  type SsoSetup,
} from '../../../support/sso/sso-setup.js';
import { rsaSigningKey, type TokenBody } from '../../../support/sso/test-provider.js';
import { createUser } from '../../../support/totp.js';

/** A desktop sign-in up to the provider's answer, which is returned unused with the binding cookie. */
async function answered(setup: SsoSetup, providerId: string, user: { readonly id: string; readonly username: string }): Promise<{ app: LoopbackApp; answer: URL; binding: string }> {
  const app = await startLoopbackApp();
  await app.close();
  const { res, location, binding } = await startByHand(setup, providerId, app.startQuery());
  expect(res.status).toBe(302);
  const answer = await providerAnswer(setup, location, await linkedAccount(setup, providerId, user));
  return { app, answer, binding };
}

const withState = (url: URL, state: string): URL => {
  const copy = new URL(url);
  copy.searchParams.set('state', state);
  return copy;
};

describe('answers from the real provider', () => {
  let setup: SsoSetup;
  beforeAll(async () => {
    setup = await startSsoSetup({
      connections: [{ id: 'idp' }, { id: 'idp-other' }, { id: 'idp-email', usernameClaim: 'email' }],
      provider: { idTokenTtlSeconds: 60 },
    });
  });
  afterAll(async () => {
    await setup.close();
  });

  it('completes when the answer is delivered as it came', async () => {
    const user = await createUser(setup.server);
    const { app, answer, binding } = await answered(setup, 'idp', user);
    const back = redirectedTo(await callback(answer, binding));
    expect(`${back.origin}${back.pathname}`).toBe(app.redirectUri);
    expect(back.searchParams.get('state')).toBe(app.state);
    ok(await exchange(setup, back.searchParams.get('code') ?? '', app.codeVerifier), 200, AuthenticatedResponse);
  });

  it('refuses a wrong state, and the sign-in it did not match is still good', async () => {
    const user = await createUser(setup.server);
    const { app, answer, binding } = await answered(setup, 'idp', user);
    const wrong = redirectedTo(await callback(withState(answer, 'sst_not-the-state-that-was-sent'), binding));
    expect(wrong.pathname).toBe('/signin');
    expect(wrong.searchParams.get('sso_error')).toBe('sso_state_invalid');
    expect(wrong.searchParams.get('reason')).toBe('unknown_state');

    const right = redirectedTo(await callback(answer, binding));
    expect(right.searchParams.get('code')).toMatch(/^ssr_/);
    expect(right.searchParams.get('state')).toBe(app.state);
  });

  it('refuses the same answer twice', async () => {
    const user = await createUser(setup.server);
    const { answer, binding } = await answered(setup, 'idp', user);
    expect(redirectedTo(await callback(answer, binding)).searchParams.get('code')).toMatch(/^ssr_/);
    const replay = redirectedTo(await callback(answer, binding));
    expect(replay.searchParams.get('sso_error')).toBe('sso_state_invalid');
    expect(replay.searchParams.get('code')).toBeNull();
  });

  it('the same answer delivered several times at once completes once', async () => {
    const user = await createUser(setup.server);
    const { answer, binding } = await answered(setup, 'idp', user);
    const ends = (await Promise.all(Array.from({ length: 4 }, () => callback(answer, binding)))).map(redirectedTo);
    expect(ends.filter((end) => end.searchParams.get('code') !== null)).toHaveLength(1);
    expect(ends.filter((end) => end.searchParams.get('sso_error') === 'sso_state_invalid')).toHaveLength(3);
  });

  it('a used authorization code slipped into another sign-in is refused by the provider', async () => {
    const user = await createUser(setup.server);
    const first = await answered(setup, 'idp', user);
    expect(redirectedTo(await callback(first.answer, first.binding)).searchParams.get('code')).toMatch(/^ssr_/);

    const app = await startLoopbackApp();
    await app.close();
    const second = await startByHand(setup, 'idp', app.startQuery());
    const secondState = new URL(second.location).searchParams.get('state') ?? '';
    const injected = redirectedTo(await callback(withState(first.answer, secondState), second.binding));
    expect(injected.searchParams.get('error')).toBe('sso_provider_error');
    expect(injected.searchParams.get('reason')).toBe('code_rejected');
    expect(injected.searchParams.get('state')).toBe(app.state);
  });

  it('refuses an answer delivered by a browser that did not start the sign-in, spending and revealing nothing', async () => {
    const user = await createUser(setup.server);
    const { app, answer, binding } = await answered(setup, 'idp', user);
    for (const other of [undefined, 'ssb_the-binding-of-another-browser']) {
      const refused = redirectedTo(await callback(answer, other));
      expect(refused.pathname).toBe('/signin');
      expect(refused.searchParams.get('sso_error')).toBe('sso_state_invalid');
      expect(refused.searchParams.get('reason')).toBe('other_browser');
      expect(refused.searchParams.get('state')).toBeNull();
    }
    expect(redirectedTo(await callback(answer, binding)).searchParams.get('state')).toBe(app.state);
  });

  it('refuses an answer delivered to another provider’s callback', async () => {
    const user = await createUser(setup.server);
    const { answer, binding } = await answered(setup, 'idp', user);
    const elsewhere = new URL(answer);
    elsewhere.pathname = elsewhere.pathname.replace('/sso/idp/', '/sso/idp-other/');
    const refused = redirectedTo(await callback(elsewhere, binding));
    expect(refused.searchParams.get('error')).toBe('sso_state_invalid');
    expect(refused.searchParams.get('reason')).toBe('other_provider');
  });

  it('refuses an expired ID token (Stepgate’s clock past its expiry, the sign-in itself still within 5 minutes)', async () => {
    const user = await createUser(setup.server);
    // The test clock stands still: from the real time now, so the provider's real-time token is 60 s old at most when it moves on.
    setup.server.clock.set(Date.now());
    const { answer, binding } = await answered(setup, 'idp', user);
    setup.server.clock.advance(120_000);
    try {
      const refused = redirectedTo(await callback(answer, binding));
      expect(refused.searchParams.get('error')).toBe('sso_token_invalid');
      expect(refused.searchParams.get('reason')).toBe('expired');
    } finally {
      setup.server.clock.set(Date.now());
    }
  });

  it('times out after 5 minutes with sso_expired', async () => {
    const user = await createUser(setup.server);
    const { app, answer, binding } = await answered(setup, 'idp', user);
    setup.server.clock.advance(5 * 60_000 + 1000);
    try {
      const late = redirectedTo(await callback(answer, binding));
      expect(late.searchParams.get('error')).toBe('sso_expired');
      expect(late.searchParams.get('state')).toBe(app.state);
    } finally {
      setup.server.clock.set(Date.now());
    }
  });

  it('an e-mail address the provider marks unverified names no account', async () => {
    const user = await createUser(setup.server, { username: `mail${Date.now()}@example.test` });
    const app = await startLoopbackApp();
    await app.close();
    const { location, binding } = await startByHand(setup, 'idp-email', app.startQuery());
    const account = providerAccount(setup, 'whoever', { email: user.username, email_verified: false });
    const refused = redirectedTo(await callback(await providerAnswer(setup, location, account), binding));
    expect(refused.searchParams.get('error')).toBe('sso_unknown_user');
    expect(refused.searchParams.get('reason')).toBe('email_unverified');
  });
});

describe('the naming claim from the UserInfo endpoint', () => {
  let setup: SsoSetup;
  beforeAll(async () => {
    // The provider keeps profile claims out of the ID token, as OpenID Connect Core 5.4 lets it.
    setup = await startSsoSetup({ connections: [{ id: 'idp' }], provider: { claimsInIdToken: false } });
  });
  afterAll(async () => {
    await setup.close();
  });

  it('signs in when only UserInfo names the user', async () => {
    const user = await createUser(setup.server);
    const { app, answer, binding } = await answered(setup, 'idp', user);
    const back = redirectedTo(await callback(answer, binding));
    const session = ok(await exchange(setup, back.searchParams.get('code') ?? '', app.codeVerifier), 200, AuthenticatedResponse).session;
    expect(session.user.id).toBe(user.id);
  });
});

describe('ID tokens a real provider would not issue (token endpoint stand-in)', () => {
  type Tamper = { readonly claims?: (c: JWTPayload) => JWTPayload; readonly key?: ReturnType<typeof rsaSigningKey>; readonly kid?: string };
  let tamper: Tamper | undefined;
  let setup: SsoSetup;

  /** Re-signs the real provider's ID token after one change: its claims, or the key that signs it. */
  const tamperTokens = async (body: TokenBody): Promise<TokenBody> => {
    if (tamper === undefined || typeof body['id_token'] !== 'string') return body;
    const token = body['id_token'];
    const claims = tamper.claims?.(decodeJwt(token)) ?? decodeJwt(token);
    const key = tamper.key ?? setup.provider.signingKey;
    const kid = tamper.kid ?? decodeProtectedHeader(token).kid ?? '';
    const signed = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(await importJWK(key, 'RS256'));
    return { ...body, id_token: signed };
  };

  beforeAll(async () => {
    setup = await startSsoSetup({ connections: [{ id: 'idp' }], provider: { tamperTokens } });
  });
  afterAll(async () => {
    await setup.close();
  });

  const attempt = async (change: Tamper | undefined): Promise<URL> => {
    tamper = change;
    try {
      const user = await createUser(setup.server);
      const { answer, binding } = await answered(setup, 'idp', user);
      return redirectedTo(await callback(answer, binding));
    } finally {
      tamper = undefined;
    }
  };

  it('the stand-in itself changes nothing when asked to change nothing', async () => {
    const back = await attempt({});
    expect(back.searchParams.get('code')).toMatch(/^ssr_/);
  });

  it.each([
    ['a wrong nonce', { claims: (c: JWTPayload) => ({ ...c, nonce: 'a-nonce-from-another-sign-in' }) }, 'nonce'],
    ['a wrong audience', { claims: (c: JWTPayload) => ({ ...c, aud: 'some-other-client' }) }, 'audience'],
    ['a wrong issuer', { claims: (c: JWTPayload) => ({ ...c, iss: 'https://impostor.example' }) }, 'issuer'],
    ['an expiry in the past', { claims: (c: JWTPayload) => ({ ...c, exp: Math.floor(Date.now() / 1000) - 3600 }) }, 'expired'],
    ['a signature by another key under the provider’s key id', { key: rsaSigningKey() }, 'signature'],
    ['a signature by a key the provider does not publish', { key: rsaSigningKey('unknown-key'), kid: 'unknown-key' }, 'signature'],
  ] as const)('refuses an ID token with %s', async (_what, change, reason) => {
    const refused = await attempt(change);
    expect(refused.searchParams.get('error')).toBe('sso_token_invalid');
    expect(refused.searchParams.get('reason')).toBe(reason);
    expect(refused.searchParams.get('code')).toBeNull();
  });
});
