/**
 * How single sign-on's rows map to their tables' columns, for both stores: the select lists (aliased to
 * the rows' names; both SQLite and PostgreSQL read the quoted aliases), the values of an insert in its
 * column order, and the rows rebuilt from what a select returns. A column changes here once.
 */
import type { ReturnTo, SsoProviderRow, SsoTransactionRow } from './rows.js';

type Value = string | number | Buffer | null;

export const PROVIDER_SELECT = `id, display_name AS "displayName", issuer, client_id AS "clientId", client_auth AS "clientAuth", key_id AS "keyId", scopes,
  username_claim AS "usernameClaim", unknown_users AS "unknownUsers", credential_ciphertext AS "credentialCiphertext", created_at AS "createdAt"`;

/** sso_providers' columns in the order of providerValues. */
export const PROVIDER_INSERT_COLUMNS =
  'id, display_name, issuer, client_id, client_auth, credential_ciphertext, key_id, scopes, username_claim, unknown_users, created_at';

export const providerValues = (p: SsoProviderRow): readonly Value[] => [
  p.id,
  p.displayName,
  p.issuer,
  p.clientId,
  p.clientAuth,
  p.credentialCiphertext,
  p.keyId ?? null,
  p.scopes.join(' '),
  p.usernameClaim,
  p.unknownUsers,
  p.createdAt,
];

export type ProviderColumns = Omit<SsoProviderRow, 'keyId' | 'scopes'> & { keyId: string | null; scopes: string };
export const toProvider = ({ keyId, scopes, ...r }: ProviderColumns): SsoProviderRow => ({ ...r, keyId: keyId ?? undefined, scopes: scopes.split(' ') });

export const IDENTITY_SELECT = 'issuer, subject, user_id AS "userId", provider_id AS "providerId", linked_at AS "linkedAt", last_used_at AS "lastUsedAt"';

export const TRANSACTION_SELECT = `state_hash AS "stateHash", provider_id AS "providerId", binding_hash AS "bindingHash", sealed_checks AS "sealedChecks", kind,
  app_redirect_uri AS "redirectUri", app_state AS "state", app_code_challenge AS "codeChallenge", next_path AS "next", created_at AS "createdAt", expires_at AS "expiresAt"`;

/** sso_transactions' columns in the order of transactionValues. */
export const TRANSACTION_INSERT_COLUMNS =
  'state_hash, provider_id, binding_hash, sealed_checks, kind, app_redirect_uri, app_state, app_code_challenge, next_path, created_at, expires_at';

export function transactionValues(t: SsoTransactionRow): readonly Value[] {
  const app = t.returnTo.kind === 'desktop' ? t.returnTo : undefined;
  return [
    t.stateHash,
    t.providerId,
    t.bindingHash,
    t.sealedChecks,
    t.returnTo.kind,
    app?.redirectUri ?? null,
    app?.state ?? null,
    app?.codeChallenge ?? null,
    t.returnTo.kind === 'browser' ? t.returnTo.next : null,
    t.createdAt,
    t.expiresAt,
  ];
}

export type TransactionColumns = Omit<SsoTransactionRow, 'returnTo'> & {
  kind: ReturnTo['kind'];
  redirectUri: string | null;
  state: string | null;
  codeChallenge: string | null;
  next: string | null;
};

export const toTransaction = ({ kind, redirectUri, state, codeChallenge, next, ...r }: TransactionColumns): SsoTransactionRow => ({
  ...r,
  returnTo: kind === 'desktop' ? { kind, redirectUri: redirectUri ?? '', state: state ?? '', codeChallenge: codeChallenge ?? '' } : { kind, next: next ?? '' },
});

export const RESULT_RETURNING = 'user_id AS "userId", provider_id AS "providerId", code_challenge AS "codeChallenge"';
