import type { Db } from '../db/database.js';
import { sql } from '../db/statements.js';

export interface AuthenticatorRow {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly secretCiphertext: Buffer;
  readonly createdAt: number;
  readonly confirmedAt: number | null;
  readonly pendingExpiresAt: number | null;
  readonly confirmAttemptsRemaining: number;
  readonly lastUsedStep: number | null;
  readonly lastUsedAt: number | null;
}

const COLUMNS = `id, user_id AS userId, name, secret_ciphertext AS secretCiphertext, created_at AS createdAt,
  confirmed_at AS confirmedAt, pending_expires_at AS pendingExpiresAt,
  confirm_attempts_remaining AS confirmAttemptsRemaining, last_used_step AS lastUsedStep, last_used_at AS lastUsedAt`;

export const nameKey = (name: string): string => name.normalize('NFKC').trim().toLowerCase();

/** Additional data for the secret's encryption: the row's identity. */
export const secretAad = (userId: string, authenticatorId: string): string => `stepgate/totp-secret/v1/${userId}/${authenticatorId}`;

export function authenticatorsStore(db: Db) {
  return {
    confirmed: (userId: string): readonly AuthenticatorRow[] =>
      sql(db, `SELECT ${COLUMNS} FROM authenticators WHERE user_id = ? AND confirmed_at IS NOT NULL ORDER BY created_at`).all(userId) as AuthenticatorRow[],
    countConfirmed: (userId: string): number =>
      (sql(db, 'SELECT COUNT(*) AS n FROM authenticators WHERE user_id = ? AND confirmed_at IS NOT NULL').get(userId) as { n: number }).n,
    /** A confirmed one, or a pending one that has not expired. */
    find: (userId: string, id: string, now: number): AuthenticatorRow | undefined =>
      sql(db, `SELECT ${COLUMNS} FROM authenticators WHERE user_id = ? AND id = ? AND (confirmed_at IS NOT NULL OR pending_expires_at > ?)`)
        .get(userId, id, now) as AuthenticatorRow | undefined,
    nameTaken: (userId: string, name: string, now: number): boolean =>
      sql(db, 'SELECT 1 FROM authenticators WHERE user_id = ? AND name_key = ? AND (confirmed_at IS NOT NULL OR pending_expires_at > ?)')
        .get(userId, nameKey(name), now) !== undefined,
    countLive: (userId: string, now: number): number =>
      (
        sql(db, 'SELECT COUNT(*) AS n FROM authenticators WHERE user_id = ? AND (confirmed_at IS NOT NULL OR pending_expires_at > ?)')
          .get(userId, now) as { n: number }
      ).n,
    insertPending: (row: { id: string; userId: string; name: string; secretCiphertext: Buffer; now: number; expiresAt: number; attempts: number }): void => {
      sql(db, 
        `INSERT INTO authenticators (id, user_id, name, name_key, secret_ciphertext, created_at, pending_expires_at, confirm_attempts_remaining)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(row.id, row.userId, row.name, nameKey(row.name), row.secretCiphertext, row.now, row.expiresAt, row.attempts);
    },
    /** Confirms a pending one, recording the confirming code's step so that code cannot sign in afterwards. */
    confirm: (userId: string, id: string, step: number, now: number): boolean =>
      sql(db, 
          `UPDATE authenticators SET confirmed_at = ?, pending_expires_at = NULL, created_at = ?, last_used_step = ?
           WHERE user_id = ? AND id = ? AND confirmed_at IS NULL AND pending_expires_at > ?`,
        )
        .run(now, now, step, userId, id, now).changes === 1,
    /** Spends a confirmation attempt; a pending authenticator out of attempts is deleted. Returns what is left. */
    spendConfirmAttempt: (id: string): number => {
      const row = sql(db, 'UPDATE authenticators SET confirm_attempts_remaining = confirm_attempts_remaining - 1 WHERE id = ? AND confirmed_at IS NULL RETURNING confirm_attempts_remaining AS left')
        .get(id) as { left: number } | undefined;
      const left = row?.left ?? 0;
      if (left <= 0) sql(db, 'DELETE FROM authenticators WHERE id = ? AND confirmed_at IS NULL').run(id);
      return left;
    },
    /**
     * Records an accepted code, atomically: true for exactly one caller per step, so a code
     * replayed, even by two racing requests, is accepted once.
     */
    acceptStep: (id: string, step: number, now: number): boolean =>
      sql(db, 'UPDATE authenticators SET last_used_step = ?, last_used_at = ? WHERE id = ? AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < ?)')
        .run(step, now, id, step).changes === 1,
    delete: (userId: string, id: string): boolean =>
      sql(db, 'DELETE FROM authenticators WHERE user_id = ? AND id = ?').run(userId, id).changes === 1,
    deleteAll: (userId: string): number => sql(db, 'DELETE FROM authenticators WHERE user_id = ?').run(userId).changes,
    deleteExpiredPending: (now: number): void => {
      sql(db, 'DELETE FROM authenticators WHERE confirmed_at IS NULL AND pending_expires_at <= ?').run(now);
    },
  };
}
export type AuthenticatorsStore = ReturnType<typeof authenticatorsStore>;
