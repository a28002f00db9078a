import type { Db } from '../db/database.js';
import { sql } from '../db/statements.js';

/** A desktop sign-in's one-time result code, bound to the app's PKCE challenge; only its hash is stored. */
export interface ResultRow {
  readonly userId: string;
  readonly providerId: string;
  readonly codeChallenge: string;
}

export function resultsStore(db: Db) {
  return {
    insert: (r: ResultRow & { readonly codeHash: string; readonly now: number; readonly expiresAt: number }): void => {
      sql(db, 'INSERT INTO sso_results (code_hash, user_id, provider_id, code_challenge, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        r.codeHash,
        r.userId,
        r.providerId,
        r.codeChallenge,
        r.now,
        r.expiresAt,
      );
    },
    /** The conditional delete that spends a code: a row for exactly one caller, none once used or expired. */
    take: (codeHash: string, now: number): ResultRow | undefined =>
      sql(
        db,
        'DELETE FROM sso_results WHERE code_hash = ? AND expires_at > ? RETURNING user_id AS userId, provider_id AS providerId, code_challenge AS codeChallenge',
      ).get(codeHash, now) as ResultRow | undefined,
    deleteForUser: (userId: string): void => {
      sql(db, 'DELETE FROM sso_results WHERE user_id = ?').run(userId);
    },
    deleteForProvider: (providerId: string): void => {
      sql(db, 'DELETE FROM sso_results WHERE provider_id = ?').run(providerId);
    },
    deleteExpired: (now: number): void => {
      sql(db, 'DELETE FROM sso_results WHERE expires_at <= ?').run(now);
    },
  };
}
export type ResultsStore = ReturnType<typeof resultsStore>;
