import { nameKey, type AuthenticatorRow } from '../rows.js';
import type { Authenticators } from '../store.js';
import type { Db } from './database.js';
import { sql } from './statements.js';

const COLUMNS = `id, user_id AS userId, name, secret_ciphertext AS secretCiphertext, created_at AS createdAt,
  confirmed_at AS confirmedAt, pending_expires_at AS pendingExpiresAt,
  confirm_attempts_remaining AS confirmAttemptsRemaining, last_used_step AS lastUsedStep, last_used_at AS lastUsedAt`;

export function sqliteAuthenticators(db: Db): Authenticators {
  const confirmed = sql(db, `SELECT ${COLUMNS} FROM authenticators WHERE user_id = ? AND confirmed_at IS NOT NULL ORDER BY created_at`);
  const acceptStep = sql(
    db,
    'UPDATE authenticators SET last_used_step = ?, last_used_at = ? WHERE id = ? AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < ?)',
  );
  return {
    confirmed: async (userId) => confirmed.all(userId) as AuthenticatorRow[],
    countConfirmed: async (userId) =>
      (sql(db, 'SELECT COUNT(*) AS n FROM authenticators WHERE user_id = ? AND confirmed_at IS NOT NULL').get(userId) as { n: number }).n,
    find: async (userId, id, now) =>
      sql(db, `SELECT ${COLUMNS} FROM authenticators WHERE user_id = ? AND id = ? AND (confirmed_at IS NOT NULL OR pending_expires_at > ?)`).get(userId, id, now) as
        | AuthenticatorRow
        | undefined,
    nameTaken: async (userId, name, now) =>
      sql(db, 'SELECT 1 FROM authenticators WHERE user_id = ? AND name_key = ? AND (confirmed_at IS NOT NULL OR pending_expires_at > ?)').get(userId, nameKey(name), now) !==
      undefined,
    countLive: async (userId, now) =>
      (sql(db, 'SELECT COUNT(*) AS n FROM authenticators WHERE user_id = ? AND (confirmed_at IS NOT NULL OR pending_expires_at > ?)').get(userId, now) as { n: number }).n,
    insertPending: async (row) => {
      sql(
        db,
        `INSERT INTO authenticators (id, user_id, name, name_key, secret_ciphertext, created_at, pending_expires_at, confirm_attempts_remaining)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(row.id, row.userId, row.name, nameKey(row.name), row.secretCiphertext, row.now, row.expiresAt, row.attempts);
    },
    confirm: async (userId, id, step, now) =>
      sql(
        db,
        `UPDATE authenticators SET confirmed_at = ?, pending_expires_at = NULL, created_at = ?, last_used_step = ?
         WHERE user_id = ? AND id = ? AND confirmed_at IS NULL AND pending_expires_at > ?`,
      ).run(now, now, step, userId, id, now).changes === 1,
    spendConfirmAttempt: async (id) => {
      const row = sql(
        db,
        'UPDATE authenticators SET confirm_attempts_remaining = confirm_attempts_remaining - 1 WHERE id = ? AND confirmed_at IS NULL RETURNING confirm_attempts_remaining AS left',
      ).get(id) as { left: number } | undefined;
      const left = row?.left ?? 0;
      if (left <= 0) sql(db, 'DELETE FROM authenticators WHERE id = ? AND confirmed_at IS NULL').run(id);
      return left;
    },
    acceptStep: async (id, step, now) => acceptStep.run(step, now, id, step).changes === 1,
    delete: async (userId, id) => sql(db, 'DELETE FROM authenticators WHERE user_id = ? AND id = ?').run(userId, id).changes === 1,
    deleteAll: async (userId) => sql(db, 'DELETE FROM authenticators WHERE user_id = ?').run(userId).changes,
    deleteExpiredPending: async (now) => {
      sql(db, 'DELETE FROM authenticators WHERE confirmed_at IS NULL AND pending_expires_at <= ?').run(now);
    },
  };
}
