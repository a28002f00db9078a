import type { RecoveryCodeRow } from '../rows.js';
import type { RecoveryCodes } from '../store.js';
import type { Db } from './database.js';
import { sql } from './statements.js';

/**
 * An account has at most one set of recovery codes: made with its first confirmed authenticator,
 * replaced by regeneration, gone with its last authenticator. Each write that makes a set is
 * conditional, so two racing units cannot both show a set of which only one works.
 */
export function sqliteRecoveryCodes(db: Db): RecoveryCodes {
  // One statement inserts the whole set (the hashes as a JSON array); SQLite evaluates the
  // condition before it inserts any row, so the set goes in whole or not at all.
  const insertSet = (condition: string) =>
    sql(db, `INSERT INTO recovery_codes (user_id, code_hash, created_at) SELECT @userId, value, @now FROM json_each(@hashes) WHERE ${condition}`);
  const noSetYet = 'NOT EXISTS (SELECT 1 FROM recovery_codes WHERE user_id = @userId)';
  const hasAuthenticator = 'EXISTS (SELECT 1 FROM authenticators WHERE user_id = @userId AND confirmed_at IS NOT NULL)';
  return {
    unused: async (userId) => sql(db, 'SELECT id, code_hash AS codeHash FROM recovery_codes WHERE user_id = ? AND used_at IS NULL').all(userId) as RecoveryCodeRow[],
    countUnused: async (userId) => (sql(db, 'SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NULL').get(userId) as { n: number }).n,
    hasSet: async (userId) => sql(db, 'SELECT 1 FROM recovery_codes WHERE user_id = ? LIMIT 1').get(userId) !== undefined,
    createFirstSet: async (userId, hashes, now) => insertSet(`${noSetYet} AND ${hasAuthenticator}`).run({ userId, hashes: JSON.stringify(hashes), now }).changes > 0,
    replaceSet: async (userId, hashes, now) => {
      // Without an authenticator the account should hold no codes anyway: the delete is right either way.
      sql(db, 'DELETE FROM recovery_codes WHERE user_id = ?').run(userId);
      return insertSet(hasAuthenticator).run({ userId, hashes: JSON.stringify(hashes), now }).changes > 0;
    },
    // A regeneration deletes the old rows and SQLite may give a new code the id an old one had: the
    // hash beside the id keeps an old code from spending (or passing as) a new one.
    markUsed: async (row, now) => sql(db, 'UPDATE recovery_codes SET used_at = ? WHERE id = ? AND code_hash = ? AND used_at IS NULL').run(now, row.id, row.codeHash).changes === 1,
    deleteAll: async (userId) => {
      sql(db, 'DELETE FROM recovery_codes WHERE user_id = ?').run(userId);
    },
  };
}
