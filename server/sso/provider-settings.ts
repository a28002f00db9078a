/**
 * What an operator says about an identity provider, in the settings file or with `sso add`:
 * one schema, one set of checks, one normalised shape.
 */
import { Type, type Static } from 'typebox';
import { SsoProviderId } from '../../shared/api/schemas.js';
import { isLoopbackHost } from '../pages/cookie-policy.js';

const strict = { additionalProperties: false } as const;

export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];
export const UNKNOWN_USER_POLICIES = ['refuse', 'create'] as const;
export type UnknownUserPolicy = (typeof UNKNOWN_USER_POLICIES)[number];

export const DEFAULT_SCOPES: readonly string[] = ['openid', 'profile', 'email'];
export const DEFAULT_USERNAME_CLAIM = 'preferred_username';

/** RFC 6749 scope tokens: printable ASCII without space, quote or backslash. */
export const ScopeToken = Type.String({ minLength: 1, maxLength: 64, pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$' });
export const ClaimName = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z_][A-Za-z0-9_.:-]*$' });
export const DisplayName = Type.String({ minLength: 1, maxLength: 64 });
export const ClientId = Type.String({ minLength: 1, maxLength: 256, pattern: '^[\\x21-\\x7E]+$' });
export const KeyId = Type.String({ minLength: 1, maxLength: 256, pattern: '^[\\x21-\\x7E]+$' });

/** A provider in `serve --config FILE`. Secrets are never written in that file: it names a file holding them. */
export const SsoProviderFileEntry = Type.Object(
  {
    id: SsoProviderId,
    displayName: DisplayName,
    issuer: Type.String({ minLength: 1, maxLength: 512 }),
    clientId: ClientId,
    clientAuth: Type.Optional(Type.Union([Type.Literal('client_secret_basic'), Type.Literal('client_secret_post'), Type.Literal('private_key_jwt')])),
    clientSecretFile: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    privateKeyFile: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    keyId: Type.Optional(KeyId),
    scopes: Type.Optional(Type.Array(ScopeToken, { minItems: 1, maxItems: 20 })),
    usernameClaim: Type.Optional(ClaimName),
    unknownUsers: Type.Optional(Type.Union([Type.Literal('refuse'), Type.Literal('create')])),
  },
  strict,
);
export type SsoProviderFileEntry = Static<typeof SsoProviderFileEntry>;

/** Everything but the credential, normalised: what the sign-in needs to know about a provider. */
export interface SsoProviderSettings {
  readonly id: string;
  readonly displayName: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientAuth: ClientAuthMethod;
  readonly keyId: string | undefined;
  readonly scopes: readonly string[];
  readonly usernameClaim: string;
  readonly unknownUsers: UnknownUserPolicy;
}

/**
 * The issuer must be https; plain http only on this computer (a provider under test, a local Keycloak).
 * Returns the reason it cannot be used, or undefined.
 */
export function issuerProblem(issuer: string): string | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return 'must be an https URL (plain http only on loopback)';
  }
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  if (url.search !== '' || url.hash !== '') return 'must not have a query or fragment';
  return undefined;
}

export function scopesProblem(scopes: readonly string[]): string | undefined {
  if (!scopes.includes('openid')) return 'must include openid';
  if (new Set(scopes).size !== scopes.length) return 'must not repeat a scope';
  return undefined;
}

/** Checks beyond the schema, each named by the setting's path. */
export function fileEntryProblems(entry: SsoProviderFileEntry, path: string): readonly string[] {
  const problems: string[] = [];
  const issuer = issuerProblem(entry.issuer);
  if (issuer !== undefined) problems.push(`${path}.issuer: ${issuer}`);
  const scopes = entry.scopes === undefined ? undefined : scopesProblem(entry.scopes);
  if (scopes !== undefined) problems.push(`${path}.scopes: ${scopes}`);
  const hasSecret = entry.clientSecretFile !== undefined;
  const hasKey = entry.privateKeyFile !== undefined;
  if (hasSecret === hasKey) problems.push(`${path}: needs exactly one of clientSecretFile or privateKeyFile`);
  if (hasKey && entry.clientAuth !== undefined && entry.clientAuth !== 'private_key_jwt') {
    problems.push(`${path}.clientAuth: must be private_key_jwt with privateKeyFile`);
  }
  if (hasSecret && entry.clientAuth === 'private_key_jwt') problems.push(`${path}.clientAuth: private_key_jwt needs privateKeyFile`);
  if (!hasKey && entry.keyId !== undefined) problems.push(`${path}.keyId: only with privateKeyFile`);
  return problems;
}

export function settingsFromFileEntry(entry: SsoProviderFileEntry): SsoProviderSettings {
  return {
    id: entry.id,
    displayName: entry.displayName,
    issuer: entry.issuer,
    clientId: entry.clientId,
    clientAuth: entry.privateKeyFile !== undefined ? 'private_key_jwt' : (entry.clientAuth ?? 'client_secret_basic'),
    keyId: entry.keyId,
    scopes: entry.scopes ?? DEFAULT_SCOPES,
    usernameClaim: entry.usernameClaim ?? DEFAULT_USERNAME_CLAIM,
    unknownUsers: entry.unknownUsers ?? 'refuse',
  };
}

/** Where the URL the provider sends people back to: to be registered at the provider, one per Stepgate provider. */
export const callbackPath = (providerId: string): string => `/api/v1/auth/sso/${providerId}/callback`;
export const startPath = (providerId: string): string => `/api/v1/auth/sso/${providerId}/start`;
