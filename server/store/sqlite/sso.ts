/** Single sign-on's tables: providers added with `sso add`, linked identities, modes, sign-ins under way, result codes. */
import type { SsoMode } from '../../../shared/api/schemas.js';
import { DEFAULT_SSO_MODE, type SsoIdentityRow, type SsoResultRow } from '../rows.js';
import {
  IDENTITY_SELECT,
  PROVIDER_INSERT_COLUMNS,
  PROVIDER_SELECT,
  providerValues,
  RESULT_RETURNING,
  toProvider,
  toTransaction,
  TRANSACTION_INSERT_COLUMNS,
  TRANSACTION_SELECT,
  transactionValues,
  type ProviderColumns,
  type TransactionColumns,
} from '../sso-columns.js';
import type { Sso } from '../store.js';
import type { Db } from './database.js';
import { sql } from './statements.js';

export function sqliteSso(db: Db): Sso {
  return {
    providers: {
      all: async () => (sql(db, `SELECT ${PROVIDER_SELECT} FROM sso_providers ORDER BY id`).all() as ProviderColumns[]).map(toProvider),
      insert: async (p) =>
        sql(db, `INSERT INTO sso_providers (${PROVIDER_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`).run(...providerValues(p))
          .changes === 1,
      delete: async (id) => sql(db, 'DELETE FROM sso_providers WHERE id = ?').run(id).changes === 1,
    },

    identities: {
      find: async (issuer, subject) =>
        sql(db, `SELECT ${IDENTITY_SELECT} FROM sso_identities WHERE issuer = ? AND subject = ?`).get(issuer, subject) as SsoIdentityRow | undefined,
      ofUser: async (userId) => sql(db, `SELECT ${IDENTITY_SELECT} FROM sso_identities WHERE user_id = ? ORDER BY issuer`).all(userId) as SsoIdentityRow[],
      ofUserAt: async (userId, issuer) =>
        sql(db, `SELECT ${IDENTITY_SELECT} FROM sso_identities WHERE user_id = ? AND issuer = ?`).get(userId, issuer) as SsoIdentityRow | undefined,
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
        const r = sql(db, `SELECT ${TRANSACTION_SELECT} FROM sso_transactions WHERE state_hash = ?`).get(stateHash) as TransactionColumns | undefined;
        return r && toTransaction(r);
      },
      insert: async (t) => {
        sql(db, `INSERT INTO sso_transactions (${TRANSACTION_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...transactionValues(t));
      },
      take: async (stateHash) => {
        const r = sql(db, `DELETE FROM sso_transactions WHERE state_hash = ? RETURNING ${TRANSACTION_SELECT}`).get(stateHash) as TransactionColumns | undefined;
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
          `DELETE FROM sso_results WHERE code_hash = ? AND expires_at > ? RETURNING ${RESULT_RETURNING}`,
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
