/** Single sign-on's tables: providers added with `sso add`, linked identities, modes, sign-ins under way, result codes. */
import type { SsoMode } from '../../../shared/api/schemas.js';
import { DEFAULT_SSO_MODE, type ReturnTo, type SsoIdentityRow, type SsoProviderRow, type SsoResultRow, type SsoTransactionRow } from '../rows.js';
import type { Sso } from '../store.js';
import type { Db } from './database.js';
import { sql } from './statements.js';

interface RawProvider {
  id: string;
  display_name: string;
  issuer: string;
  client_id: string;
  client_auth: SsoProviderRow['clientAuth'];
  credential_ciphertext: Buffer;
  key_id: string | null;
  scopes: string;
  username_claim: string;
  unknown_users: SsoProviderRow['unknownUsers'];
  created_at: number;
}

const toProvider = (r: RawProvider): SsoProviderRow => ({
  id: r.id,
  displayName: r.display_name,
  issuer: r.issuer,
  clientId: r.client_id,
  clientAuth: r.client_auth,
  keyId: r.key_id ?? undefined,
  scopes: r.scopes.split(' '),
  usernameClaim: r.username_claim,
  unknownUsers: r.unknown_users,
  credentialCiphertext: r.credential_ciphertext,
  createdAt: r.created_at,
});

interface RawTransaction {
  state_hash: string;
  provider_id: string;
  binding_hash: string;
  sealed_checks: Buffer;
  kind: 'desktop' | 'browser';
  app_redirect_uri: string | null;
  app_state: string | null;
  app_code_challenge: string | null;
  next_path: string | null;
  created_at: number;
  expires_at: number;
}

function toTransaction(r: RawTransaction): SsoTransactionRow {
  const returnTo: ReturnTo =
    r.kind === 'desktop'
      ? { kind: 'desktop', redirectUri: r.app_redirect_uri ?? '', state: r.app_state ?? '', codeChallenge: r.app_code_challenge ?? '' }
      : { kind: 'browser', next: r.next_path ?? '' };
  return {
    stateHash: r.state_hash,
    providerId: r.provider_id,
    bindingHash: r.binding_hash,
    sealedChecks: r.sealed_checks,
    returnTo,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  };
}

const IDENTITY_COLUMNS = 'issuer, subject, user_id AS userId, provider_id AS providerId, linked_at AS linkedAt, last_used_at AS lastUsedAt';

export function sqliteSso(db: Db): Sso {
  return {
    providers: {
      all: async () => (sql(db, 'SELECT * FROM sso_providers ORDER BY id').all() as RawProvider[]).map(toProvider),
      insert: async (p) =>
        sql(
          db,
          `INSERT INTO sso_providers (id, display_name, issuer, client_id, client_auth, credential_ciphertext, key_id, scopes, username_claim, unknown_users, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
        ).run(p.id, p.displayName, p.issuer, p.clientId, p.clientAuth, p.credentialCiphertext, p.keyId ?? null, p.scopes.join(' '), p.usernameClaim, p.unknownUsers, p.createdAt)
          .changes === 1,
      delete: async (id) => sql(db, 'DELETE FROM sso_providers WHERE id = ?').run(id).changes === 1,
    },

    identities: {
      find: async (issuer, subject) =>
        sql(db, `SELECT ${IDENTITY_COLUMNS} FROM sso_identities WHERE issuer = ? AND subject = ?`).get(issuer, subject) as SsoIdentityRow | undefined,
      ofUser: async (userId) => sql(db, `SELECT ${IDENTITY_COLUMNS} FROM sso_identities WHERE user_id = ? ORDER BY issuer`).all(userId) as SsoIdentityRow[],
      ofUserAt: async (userId, issuer) =>
        sql(db, `SELECT ${IDENTITY_COLUMNS} FROM sso_identities WHERE user_id = ? AND issuer = ?`).get(userId, issuer) as SsoIdentityRow | undefined,
      link: async (row) =>
        sql(db, 'INSERT INTO sso_identities (issuer, subject, user_id, provider_id, linked_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
          row.issuer,
          row.subject,
          row.userId,
          row.providerId,
          row.linkedAt,
        ).changes === 1,
      touch: async (issuer, subject, now) => {
        sql(db, 'UPDATE sso_identities SET last_used_at = ? WHERE issuer = ? AND subject = ?').run(now, issuer, subject);
      },
      unlink: async (userId, issuer) => sql(db, 'DELETE FROM sso_identities WHERE user_id = ? AND issuer = ?').run(userId, issuer).changes === 1,
    },

    modes: {
      of: async (userId) => (sql(db, 'SELECT mode FROM sso_user_modes WHERE user_id = ?').get(userId) as { mode: SsoMode } | undefined)?.mode ?? DEFAULT_SSO_MODE,
      set: async (userId, mode) => {
        sql(db, 'INSERT INTO sso_user_modes (user_id, mode) VALUES (?, ?) ON CONFLICT(user_id) DO UPDATE SET mode = excluded.mode').run(userId, mode);
      },
    },

    transactions: {
      find: async (stateHash) => {
        const r = sql(db, 'SELECT * FROM sso_transactions WHERE state_hash = ?').get(stateHash) as RawTransaction | undefined;
        return r && toTransaction(r);
      },
      insert: async (t) => {
        const app = t.returnTo.kind === 'desktop' ? t.returnTo : undefined;
        sql(
          db,
          `INSERT INTO sso_transactions (state_hash, provider_id, binding_hash, sealed_checks, kind, app_redirect_uri, app_state, app_code_challenge, next_path, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
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
        );
      },
      take: async (stateHash) => {
        const r = sql(db, 'DELETE FROM sso_transactions WHERE state_hash = ? RETURNING *').get(stateHash) as RawTransaction | undefined;
        return r && toTransaction(r);
      },
      deleteForProvider: async (providerId) => {
        sql(db, 'DELETE FROM sso_transactions WHERE provider_id = ?').run(providerId);
      },
      deleteExpired: async (now) => {
        sql(db, 'DELETE FROM sso_transactions WHERE expires_at <= ?').run(now);
      },
    },

    results: {
      insert: async (r) => {
        sql(db, 'INSERT INTO sso_results (code_hash, user_id, provider_id, code_challenge, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)').run(
          r.codeHash,
          r.userId,
          r.providerId,
          r.codeChallenge,
          r.now,
          r.expiresAt,
        );
      },
      take: async (codeHash, now) =>
        sql(
          db,
          'DELETE FROM sso_results WHERE code_hash = ? AND expires_at > ? RETURNING user_id AS userId, provider_id AS providerId, code_challenge AS codeChallenge',
        ).get(codeHash, now) as SsoResultRow | undefined,
      deleteForUser: async (userId) => {
        sql(db, 'DELETE FROM sso_results WHERE user_id = ?').run(userId);
      },
      deleteForProvider: async (providerId) => {
        sql(db, 'DELETE FROM sso_results WHERE provider_id = ?').run(providerId);
      },
      deleteExpired: async (now) => {
        sql(db, 'DELETE FROM sso_results WHERE expires_at <= ?').run(now);
      },
    },
  };
}
