/**
 * The relying-party side of OpenID Connect, done by openid-client: discovery, the authorization
 * request (code flow, PKCE S256, state, nonce) and the code exchange with the ID token validated
 * (issuer, audience, expiry, nonce, and its signature against the provider's JWKS). This module only
 * chooses settings and turns the library's errors into named failures.
 */
import * as oidc from 'openid-client';
import { isLoopbackHost } from '../pages/cookie-policy.js';
import { importSigningKey, type Credential } from './credentials.js';
import type { SsoProviderSettings } from './provider-settings.js';
import { SsoFailure } from './sso-failure.js';

/** Seconds any one request to a provider may take. */
const PROVIDER_TIMEOUT_SECONDS = 10;
/** Discovery documents are fetched again after this long, or at once after a failure. */
const METADATA_TTL_MS = 3600_000;

export interface ProviderChecks {
  readonly codeVerifier: string;
  readonly nonce: string;
}

export interface VerifiedIdentity {
  readonly issuer: string;
  readonly subject: string;
  /** The ID token's claims, completed from the UserInfo endpoint when the naming claim is not in the token. */
  readonly claims: Readonly<Record<string, unknown>>;
}

interface Cached {
  readonly issuer: string;
  readonly metadata: oidc.ServerMetadata;
  readonly fetchedAt: number;
  jwks: oidc.ExportedJWKSCache | undefined;
}

const insecure = (issuer: string): boolean => {
  const url = new URL(issuer);
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
};

async function clientAuth(method: SsoProviderSettings['clientAuth'], credential: Credential, keyId: string | undefined): Promise<oidc.ClientAuth> {
  switch (method) {
    case 'client_secret_basic':
    case 'client_secret_post': {
      if (credential.kind !== 'client_secret') throw new SsoFailure('sso_provider_error', 'configuration');
      return method === 'client_secret_basic' ? oidc.ClientSecretBasic(credential.secret) : oidc.ClientSecretPost(credential.secret);
    }
    case 'private_key_jwt': {
      if (credential.kind !== 'private_key') throw new SsoFailure('sso_provider_error', 'configuration');
      const { key } = await importSigningKey(credential.pem);
      return oidc.PrivateKeyJwt(keyId === undefined ? key : { key, kid: keyId });
    }
  }
}

/** Which check an ID token or token response failed, from openid-client's error codes. */
export function failureOf(error: unknown): SsoFailure {
  if (error instanceof SsoFailure) return error;
  if (error instanceof oidc.ResponseBodyError) {
    return new SsoFailure('sso_provider_error', error.error === 'invalid_grant' ? 'code_rejected' : 'token_error');
  }
  if (error instanceof oidc.ClientError) {
    const inner = error.cause as { message?: string; cause?: { claim?: string } } | undefined;
    const claim = inner?.cause?.claim;
    switch (error.code) {
      case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED':
        return new SsoFailure('sso_token_invalid', claim === 'nonce' ? 'nonce' : claim === 'iss' ? 'issuer' : claim === 'aud' || claim === 'azp' ? 'audience' : 'claims');
      case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
        return new SsoFailure('sso_token_invalid', claim === 'exp' ? 'expired' : 'timestamps');
      case 'OAUTH_KEY_SELECTION_FAILED':
        return new SsoFailure('sso_token_invalid', 'signature');
      case 'OAUTH_INVALID_RESPONSE':
        return new SsoFailure('sso_token_invalid', inner?.message === 'JWT signature verification failed' ? 'signature' : 'malformed');
      case 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED':
        return new SsoFailure('sso_provider_error', 'mismatch');
      default:
        return new SsoFailure('sso_provider_error', 'bad_response');
    }
  }
  if (error instanceof oidc.AuthorizationResponseError) return new SsoFailure('sso_provider_error', 'authorization_error');
  // Node's fetch fails with this TypeError when it cannot connect; a timeout aborts it.
  const unreachable =
    (error instanceof TypeError && error.message === 'fetch failed') || (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'));
  return new SsoFailure('sso_provider_error', unreachable ? 'unreachable' : 'unexpected');
}

export function oidcClients(now: () => number) {
  const cache = new Map<string, Cached>();

  const metadata = async (provider: SsoProviderSettings): Promise<Cached> => {
    const hit = cache.get(provider.id);
    if (hit !== undefined && hit.issuer === provider.issuer && Date.now() - hit.fetchedAt < METADATA_TTL_MS) return hit;
    cache.delete(provider.id);
    let discovered: oidc.Configuration;
    try {
      discovered = await oidc.discovery(new URL(provider.issuer), provider.clientId, undefined, undefined, {
        execute: insecure(provider.issuer) ? [oidc.allowInsecureRequests] : [],
        timeout: PROVIDER_TIMEOUT_SECONDS,
      });
    } catch (error) {
      const failure = failureOf(error);
      throw new SsoFailure('sso_provider_error', failure.reason === 'unreachable' ? 'unreachable' : 'discovery');
    }
    const entry: Cached = { issuer: provider.issuer, metadata: discovered.serverMetadata(), fetchedAt: Date.now(), jwks: undefined };
    cache.set(provider.id, entry);
    return entry;
  };

  /** A configuration per use: the server's clock (which tests move) is the one ID token times are checked against. */
  const configuration = async (provider: SsoProviderSettings, credential: Credential, cached: Cached): Promise<oidc.Configuration> => {
    const skew = Math.round((now() - Date.now()) / 1000);
    const config = new oidc.Configuration(cached.metadata, provider.clientId, { [oidc.clockSkew]: skew }, await clientAuth(provider.clientAuth, credential, provider.keyId));
    config.timeout = PROVIDER_TIMEOUT_SECONDS;
    if (insecure(provider.issuer)) oidc.allowInsecureRequests(config);
    // Verify the ID token's signature with the provider's keys too, not only the TLS connection it came over.
    oidc.enableNonRepudiationChecks(config);
    if (cached.jwks !== undefined) oidc.setJwksCache(config, cached.jwks);
    return config;
  };

  return {
    async authorizationUrl(
      provider: SsoProviderSettings,
      credential: Credential,
      request: { readonly redirectUri: string; readonly state: string; readonly nonce: string; readonly codeChallenge: string },
    ): Promise<URL> {
      const cached = await metadata(provider);
      const config = await configuration(provider, credential, cached);
      return oidc.buildAuthorizationUrl(config, {
        response_type: 'code',
        redirect_uri: request.redirectUri,
        scope: provider.scopes.join(' '),
        state: request.state,
        nonce: request.nonce,
        code_challenge: request.codeChallenge,
        code_challenge_method: 'S256',
      });
    },

    /** Exchanges the code and validates the ID token; `callbackUrl` is the public callback URL with the provider's query. */
    async complete(provider: SsoProviderSettings, credential: Credential, callbackUrl: URL, state: string, checks: ProviderChecks): Promise<VerifiedIdentity> {
      const cached = await metadata(provider);
      const config = await configuration(provider, credential, cached);
      try {
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (idToken === undefined) throw new SsoFailure('sso_token_invalid', 'missing');
        let claims: Record<string, unknown> = { ...idToken };
        if (claims[provider.usernameClaim] === undefined && cached.metadata.userinfo_endpoint !== undefined) {
          // OpenID Connect Core 5.4: profile and email claims may be served only by the UserInfo endpoint.
          const info = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
          claims = { ...info, ...idToken };
        }
        return { issuer: idToken.iss, subject: idToken.sub, claims };
      } catch (error) {
        const failure = failureOf(error);
        // A key the cached JWKS lacks, or a provider that moved: look everything up afresh next time.
        if (failure.reason === 'signature' || failure.reason === 'unreachable') cache.delete(provider.id);
        throw failure;
      } finally {
        const jwks = oidc.getJwksCache(config);
        if (jwks !== undefined && cache.get(provider.id) === cached) cached.jwks = jwks;
      }
    },
  };
}
export type OidcClients = ReturnType<typeof oidcClients>;
