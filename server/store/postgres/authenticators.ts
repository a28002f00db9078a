import { nameKey, type AuthenticatorRow } from '../rows.js';
import type { Authenticators } from '../store.js';
import type { Sql } from './sql.js';

const COLUMNS = `id, user_id AS "userId", name, secret_ciphertext AS "secretCiphertext", created_at AS "createdAt",
  confirmed_at AS "confirmedAt", pending_expires_at AS "pendingExpiresAt",
  confirm_attempts_remaining AS "confirmAttemptsRemaining", last_used_step AS "lastUsedStep", last_used_at AS "lastUsedAt"`;
const LIVE = '(confirmed_at IS NOT NULL OR pending_expires_at > $2)';

const count = async (db: Sql, text: string, values: readonly unknown[]) => (await db.one<{ n: number }>(text, values))?.n ?? 0;

export function postgresAuthenticators(db: Sql): Authenticators {
  return {
    confirmed: (userId) => db.rows<AuthenticatorRow>(`SELECT ${COLUMNS} FROM authenticators WHERE user_id = $1 AND confirmed_at IS NOT NULL ORDER BY created_at`, [userId]),
    countConfirmed: (userId) => count(db, 'SELECT COUNT(*) AS n FROM authenticators WHERE user_id = $1 AND confirmed_at IS NOT NULL', [userId]),
    find: (userId, id, now) => db.one<AuthenticatorRow>(`SELECT ${COLUMNS} FROM authenticators WHERE user_id = $1 AND ${LIVE} AND id = $3`, [userId, now, id]),
    nameTaken: async (userId, name, now) => (await db.one(`SELECT 1 FROM authenticators WHERE user_id = $1 AND ${LIVE} AND name_key = $3`, [userId, now, nameKey(name)])) !== undefined,
    countLive: (userId, now) => count(db, `SELECT COUNT(*) AS n FROM authenticators WHERE user_id = $1 AND ${LIVE}`, [userId, now]),
    insertPending: async (row) => {
      await db.changes(
        `INSERT INTO authenticators (id, user_id, name, name_key, secret_ciphertext, created_at, pending_expires_at, confirm_attempts_remaining)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [row.id, row.userId, row.name, nameKey(row.name), row.secretCiphertext, row.now, row.expiresAt, row.attempts],
      );
    },
    confirm: async (userId, id, step, now) =>
      (await db.changes(
        `UPDATE authenticators SET confirmed_at = $4, pending_expires_at = NULL, created_at = $4, last_used_step = $3
         WHERE user_id = $1 AND id = $2 AND confirmed_at IS NULL AND pending_expires_at > $4`,
        [userId, id, step, now],
      )) === 1,
    spendConfirmAttempt: async (id) => {
      const row = await db.one<{ left: number }>(
        'UPDATE authenticators SET confirm_attempts_remaining = confirm_attempts_remaining - 1 WHERE id = $1 AND confirmed_at IS NULL RETURNING confirm_attempts_remaining AS left',
        [id],
      );
      const left = row?.left ?? 0;
      if (left <= 0) await db.changes('DELETE FROM authenticators WHERE id = $1 AND confirmed_at IS NULL', [id]);
      return left;
    },
    acceptStep: async (id, step, now) =>
      (await db.changes(
        'UPDATE authenticators SET last_used_step = $2, last_used_at = $3 WHERE id = $1 AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $2)',
        [id, step, now],
      )) === 1,
    delete: async (userId, id) => (await db.changes('DELETE FROM authenticators WHERE user_id = $1 AND id = $2', [userId, id])) === 1,
    deleteAll: (userId) => db.changes('DELETE FROM authenticators WHERE user_id = $1', [userId]),
    deleteExpiredPending: async (now) => {
      await db.changes('DELETE FROM authenticators WHERE confirmed_at IS NULL AND pending_expires_at <= $1', [now]);
    },
  };
}
