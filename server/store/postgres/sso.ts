/** Single sign-on's tables on PostgreSQL: the same statements as SQLite's (../sqlite/sso.ts), one per operation. */
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
import type { Sql } from './sql.js';

const maybe = <R, T>(row: R | undefined, to: (r: R) => T): T | undefined => (row === undefined ? undefined : to(row));

export function postgresSso(db: Sql): Sso {
  return {
    providers: {
      all: async () => (await db.rows<ProviderColumns>(`SELECT ${PROVIDER_SELECT} FROM sso_providers ORDER BY id COLLATE "C"`)).map(toProvider),
      insert: async (p) =>
        (await db.changes(
          `INSERT INTO sso_providers (${PROVIDER_INSERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
          providerValues(p),
        )) === 1,
      delete: async (id) => (await db.changes('DELETE FROM sso_providers WHERE id = $1', [id])) === 1,
    },

    identities: {
      find: (issuer, subject) => db.one<SsoIdentityRow>(`SELECT ${IDENTITY_SELECT} FROM sso_identities WHERE issuer = $1 AND subject = $2`, [issuer, subject]),
      ofUser: (userId) => db.rows<SsoIdentityRow>(`SELECT ${IDENTITY_SELECT} FROM sso_identities WHERE user_id = $1 ORDER BY issuer COLLATE "C"`, [userId]),
      ofUserAt: (userId, issuer) => db.one<SsoIdentityRow>(`SELECT ${IDENTITY_SELECT} FROM sso_identities WHERE user_id = $1 AND issuer = $2`, [userId, issuer]),
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
      find: async (stateHash) => maybe(await db.one<TransactionColumns>(`SELECT ${TRANSACTION_SELECT} FROM sso_transactions WHERE state_hash = $1`, [stateHash]), toTransaction),
      insert: async (t) => {
        await db.changes(`INSERT INTO sso_transactions (${TRANSACTION_INSERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, transactionValues(t));
      },
      take: async (stateHash) => maybe(await db.one<TransactionColumns>(`DELETE FROM sso_transactions WHERE state_hash = $1 RETURNING ${TRANSACTION_SELECT}`, [stateHash]), toTransaction),
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
        db.one<SsoResultRow>(`DELETE FROM sso_results WHERE code_hash = $1 AND expires_at > $2 RETURNING ${RESULT_RETURNING}`, [
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
