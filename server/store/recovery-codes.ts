import type { Db } from '../db/database.js';
import { sql } from '../db/statements.js';

export interface RecoveryCodeRow {
  readonly id: number;
  readonly codeHash: string;
}

/**
 * An account has at most one set of recovery codes: made with its first confirmed authenticator,
 * replaced by regeneration, gone with its last authenticator. Each write that makes a set is
 * conditional, so two racing requests cannot both show a set of which only one works.
 */
export function recoveryCodesStore(db: Db) {
  // One statement inserts the whole set (the hashes as a JSON array); SQLite evaluates the
  // condition before it inserts any row, so the set goes in whole or not at all.
  const insertSet = (condition: string) =>
    sql(db, `INSERT INTO recovery_codes (user_id, code_hash, created_at) SELECT @userId, value, @now FROM json_each(@hashes) WHERE ${condition}`);
  const noSetYet = 'NOT EXISTS (SELECT 1 FROM recovery_codes WHERE user_id = @userId)';
  const hasAuthenticator = 'EXISTS (SELECT 1 FROM authenticators WHERE user_id = @userId AND confirmed_at IS NOT NULL)';
  return {
    unused: (userId: string): readonly RecoveryCodeRow[] =>
      sql(db, 'SELECT id, code_hash AS codeHash FROM recovery_codes WHERE user_id = ? AND used_at IS NULL').all(userId) as RecoveryCodeRow[],
    countUnused: (userId: string): number =>
      (sql(db, 'SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NULL').get(userId) as { n: number }).n,
    /** Whether the account has a set (used codes count: they belong to the set). */
    hasSet: (userId: string): boolean => sql(db, 'SELECT 1 FROM recovery_codes WHERE user_id = ? LIMIT 1').get(userId) !== undefined,
    /** The account's first set, only if it has none and has a confirmed authenticator; true when written. */
    createFirstSet: (userId: string, hashes: readonly string[], now: number): boolean =>
      insertSet(`${noSetYet} AND ${hasAuthenticator}`).run({ userId, hashes: JSON.stringify(hashes), now }).changes > 0,
    /**
     * A new set in place of the old one, only while the account has a confirmed authenticator; true when
     * written. The caller's transaction makes the old codes stop working in the same commit.
     */
    replaceSet: (userId: string, hashes: readonly string[], now: number): boolean => {
      // Without an authenticator the account should hold no codes anyway: the delete is right either way.
      sql(db, 'DELETE FROM recovery_codes WHERE user_id = ?').run(userId);
      return insertSet(hasAuthenticator).run({ userId, hashes: JSON.stringify(hashes), now }).changes > 0;
    },
    /**
     * True for exactly one caller: each code works once, even under racing requests. The row is named by
     * its id and its hash together: a regeneration deletes the old rows and SQLite may give a new code
     * the id an old one had, and an old code must not spend (or pass as) a new one.
     */
    markUsed: (row: RecoveryCodeRow, now: number): boolean =>
      sql(db, 'UPDATE recovery_codes SET used_at = ? WHERE id = ? AND code_hash = ? AND used_at IS NULL').run(now, row.id, row.codeHash).changes === 1,
    deleteAll: (userId: string): void => {
      sql(db, 'DELETE FROM recovery_codes WHERE user_id = ?').run(userId);
    },
  };
}
export type RecoveryCodesStore = ReturnType<typeof recoveryCodesStore>;
