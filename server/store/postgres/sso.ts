/** Single sign-on's tables on PostgreSQL: the same statements as SQLite's (../sqlite/sso.ts), one per operation. */
import type { SsoMode } from '../../../shared/api/schemas.js';
import { DEFAULT_SSO_MODE, type ReturnTo, type SsoIdentityRow, type SsoProviderRow, type SsoResultRow, type SsoTransactionRow } from '../rows.js';
import type { Sso } from '../store.js';
import type { Sql } from './sql.js';

const PROVIDER = `id, display_name AS "displayName", issuer, client_id AS "clientId", client_auth AS "clientAuth", key_id AS "keyId", scopes,
  username_claim AS "usernameClaim", unknown_users AS "unknownUsers", credential_ciphertext AS "credentialCiphertext", created_at AS "createdAt"`;
const IDENTITY = 'issuer, subject, user_id AS "userId", provider_id AS "providerId", linked_at AS "linkedAt", last_used_at AS "lastUsedAt"';
const TRANSACTION = `state_hash AS "stateHash", provider_id AS "providerId", binding_hash AS "bindingHash", sealed_checks AS "sealedChecks", kind,
  app_redirect_uri AS "redirectUri", app_state AS "state", app_code_challenge AS "codeChallenge", next_path AS "next", created_at AS "createdAt", expires_at AS "expiresAt"`;

type RawProvider = Omit<SsoProviderRow, 'keyId' | 'scopes'> & { keyId: string | null; scopes: string };
const toProvider = ({ keyId, scopes, ...r }: RawProvider): SsoProviderRow => ({ ...r, keyId: keyId ?? undefined, scopes: scopes.split(' ') });

type RawTransaction = Omit<SsoTransactionRow, 'returnTo'> & {
  kind: ReturnTo['kind'];
  redirectUri: string | null;
  state: string | null;
  codeChallenge: string | null;
  next: string | null;
};
const toTransaction = ({ kind, redirectUri, state, codeChallenge, next, ...r }: RawTransaction): SsoTransactionRow => ({
  ...r,
  returnTo: kind === 'desktop' ? { kind, redirectUri: redirectUri ?? '', state: state ?? '', codeChallenge: codeChallenge ?? '' } : { kind, next: next ?? '' },
});
const maybe = <R, T>(row: R | undefined, to: (r: R) => T): T | undefined => (row === undefined ? undefined : to(row));

export function postgresSso(db: Sql): Sso {
  return {
    providers: {
      all: async () => (await db.rows<RawProvider>(`SELECT ${PROVIDER} FROM sso_providers ORDER BY id COLLATE "C"`)).map(toProvider),
      insert: async (p) =>
        (await db.changes(
          `INSERT INTO sso_providers (id, display_name, issuer, client_id, client_auth, credential_ciphertext, key_id, scopes, username_claim, unknown_users, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
          [p.id, p.displayName, p.issuer, p.clientId, p.clientAuth, p.credentialCiphertext, p.keyId ?? null, p.scopes.join(' '), p.usernameClaim, p.unknownUsers, p.createdAt],
        )) === 1,
      delete: async (id) => (await db.changes('DELETE FROM sso_providers WHERE id = $1', [id])) === 1,
    },

    identities: {
      find: (issuer, subject) => db.one<SsoIdentityRow>(`SELECT ${IDENTITY} FROM sso_identities WHERE issuer = $1 AND subject = $2`, [issuer, subject]),
      ofUser: (userId) => db.rows<SsoIdentityRow>(`SELECT ${IDENTITY} FROM sso_identities WHERE user_id = $1 ORDER BY issuer COLLATE "C"`, [userId]),
      ofUserAt: (userId, issuer) => db.one<SsoIdentityRow>(`SELECT ${IDENTITY} FROM sso_identities WHERE user_id = $1 AND issuer = $2`, [userId, issuer]),
      link: async (row) =>
        (await db.changes('INSERT INTO sso_identities (issuer, subject, user_id, provider_id, linked_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
          row.issuer,
          row.subject,
          row.userId,
          row.providerId,
          row.linkedAt,
        ])) === 1,
      touch: async (issuer, subject, now) => {
        await db.changes('UPDATE sso_identities SET last_used_at = $3 WHERE issuer = $1 AND subject = $2', [issuer, subject, now]);
      },
      unlink: async (userId, issuer) => (await db.changes('DELETE FROM sso_identities WHERE user_id = $1 AND issuer = $2', [userId, issuer])) === 1,
    },

    modes: {
      of: async (userId) => (await db.one<{ mode: SsoMode }>('SELECT mode FROM sso_user_modes WHERE user_id = $1', [userId]))?.mode ?? DEFAULT_SSO_MODE,
      set: async (userId, mode) => {
        await db.changes('INSERT INTO sso_user_modes (user_id, mode) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET mode = excluded.mode', [userId, mode]);
      },
    },

    transactions: {
      find: async (stateHash) => maybe(await db.one<RawTransaction>(`SELECT ${TRANSACTION} FROM sso_transactions WHERE state_hash = $1`, [stateHash]), toTransaction),
      insert: async (t) => {
        const app = t.returnTo.kind === 'desktop' ? t.returnTo : undefined;
        await db.changes(
          `INSERT INTO sso_transactions (state_hash, provider_id, binding_hash, sealed_checks, kind, app_redirect_uri, app_state, app_code_challenge, next_path, created_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
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
          ],
        );
      },
      take: async (stateHash) => maybe(await db.one<RawTransaction>(`DELETE FROM sso_transactions WHERE state_hash = $1 RETURNING ${TRANSACTION}`, [stateHash]), toTransaction),
      deleteForProvider: async (providerId) => {
        await db.changes('DELETE FROM sso_transactions WHERE provider_id = $1', [providerId]);
      },
      deleteExpired: async (now) => {
        await db.changes('DELETE FROM sso_transactions WHERE expires_at <= $1', [now]);
      },
    },

    results: {
      insert: async (r) => {
        await db.changes('INSERT INTO sso_results (code_hash, user_id, provider_id, code_challenge, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          r.codeHash,
          r.userId,
          r.providerId,
          r.codeChallenge,
          r.now,
          r.expiresAt,
        ]);
      },
      take: (codeHash, now) =>
        db.one<SsoResultRow>('DELETE FROM sso_results WHERE code_hash = $1 AND expires_at > $2 RETURNING user_id AS "userId", provider_id AS "providerId", code_challenge AS "codeChallenge"', [
          codeHash,
          now,
        ]),
      deleteForUser: async (userId) => {
        await db.changes('DELETE FROM sso_results WHERE user_id = $1', [userId]);
      },
      deleteForProvider: async (providerId) => {
        await db.changes('DELETE FROM sso_results WHERE provider_id = $1', [providerId]);
      },
      deleteExpired: async (now) => {
        await db.changes('DELETE FROM sso_results WHERE expires_at <= $1', [now]);
      },
    },
  };
}
