import type { RecoveryCodeRow } from '../rows.js';
import type { RecoveryCodes } from '../store.js';
import type { Sql } from './sql.js';

const NO_SET_YET = 'NOT EXISTS (SELECT 1 FROM recovery_codes WHERE user_id = $1)';
const HAS_AUTHENTICATOR = 'EXISTS (SELECT 1 FROM authenticators WHERE user_id = $1 AND confirmed_at IS NOT NULL)';

/**
 * An account has at most one set of recovery codes (see the SQLite store). Each write that makes a set
 * is one statement whose condition is evaluated before it inserts a row; two units racing from two
 * processes are serializable transactions, so one of them runs again and sees the other's set.
 */
export function postgresRecoveryCodes(db: Sql): RecoveryCodes {
  const insertSet = async (condition: string, userId: string, hashes: readonly string[], now: number) =>
    (await db.changes(`INSERT INTO recovery_codes (user_id, code_hash, created_at) SELECT $1, hash, $3 FROM unnest($2::text[]) AS hash WHERE ${condition}`, [userId, hashes, now])) > 0;
  return {
    unused: (userId) => db.rows<RecoveryCodeRow>('SELECT id, code_hash AS "codeHash" FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL', [userId]),
    countUnused: async (userId) => (await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL', [userId]))?.n ?? 0,
    hasSet: async (userId) => (await db.one('SELECT 1 FROM recovery_codes WHERE user_id = $1 LIMIT 1', [userId])) !== undefined,
    createFirstSet: (userId, hashes, now) => insertSet(`${NO_SET_YET} AND ${HAS_AUTHENTICATOR}`, userId, hashes, now),
    replaceSet: async (userId, hashes, now) => {
      await db.changes('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
      return insertSet(HAS_AUTHENTICATOR, userId, hashes, now);
    },
    // Ids are never reused here, but the hash beside the id keeps the rule the same as SQLite's.
    markUsed: async (row, now) =>
      (await db.changes('UPDATE recovery_codes SET used_at = $3 WHERE id = $1 AND code_hash = $2 AND used_at IS NULL', [row.id, row.codeHash, now])) === 1,
    deleteAll: async (userId) => {
      await db.changes('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
    },
  };
}
