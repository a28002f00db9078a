import type { Db } from '../db/database.js';
import { sql } from '../db/statements.js';

export interface RecoveryCodeRow {
  readonly id: number;
  readonly codeHash: string;
}

export function recoveryCodesStore(db: Db) {
  return {
    unused: (userId: string): readonly RecoveryCodeRow[] =>
      sql(db, 'SELECT id, code_hash AS codeHash FROM recovery_codes WHERE user_id = ? AND used_at IS NULL').all(userId) as RecoveryCodeRow[],
    countUnused: (userId: string): number =>
      (sql(db, 'SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NULL').get(userId) as { n: number }).n,
    /** The new set replaces the old one in one transaction: the old codes stop working at once. */
    replace: (userId: string, hashes: readonly string[], now: number): void => {
      db.transaction(() => {
        sql(db, 'DELETE FROM recovery_codes WHERE user_id = ?').run(userId);
        const insert = sql(db, 'INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (?, ?, ?)');
        for (const h of hashes) insert.run(userId, h, now);
      })();
    },
    /** True for exactly one caller: each code works once, even under racing requests. */
    markUsed: (id: number, now: number): boolean =>
      sql(db, 'UPDATE recovery_codes SET used_at = ? WHERE id = ? AND used_at IS NULL').run(now, id).changes === 1,
    deleteAll: (userId: string): void => {
      sql(db, 'DELETE FROM recovery_codes WHERE user_id = ?').run(userId);
    },
  };
}
export type RecoveryCodesStore = ReturnType<typeof recoveryCodesStore>;
