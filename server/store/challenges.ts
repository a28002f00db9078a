import type { Db } from '../db/database.js';
import { sql } from '../db/statements.js';
import { hashToken, randomToken } from '../crypto/tokens.js';

export interface ChallengeRow {
  readonly idHash: string;
  readonly userId: string;
  readonly expiresAt: number;
  readonly attemptsRemaining: number;
}

/** Second-step challenges; the id is a bearer secret for the step, so only its hash is stored. */
export function challengesStore(db: Db) {
  const find = sql(db, 
    `SELECT id_hash AS idHash, user_id AS userId, expires_at AS expiresAt, attempts_remaining AS attemptsRemaining
     FROM challenges WHERE id_hash = ? AND expires_at > ? AND attempts_remaining > 0`,
  );
  return {
    create: (userId: string, now: number, ttlSeconds: number, attempts: number) => {
      const id = randomToken('ch', 24);
      const expiresAt = now + ttlSeconds * 1000;
      sql(db, 'INSERT INTO challenges (id_hash, user_id, created_at, expires_at, attempts_remaining) VALUES (?, ?, ?, ?, ?)').run(
        hashToken(id),
        userId,
        now,
        expiresAt,
        attempts,
      );
      return { id, expiresAt } as const;
    },
    /** Who a live challenge belongs to, in one statement: the key that orders checks per account. */
    ownerUsername: (id: string, now: number): string | undefined =>
      (
        sql(db, 
          `SELECT u.username FROM challenges c JOIN users u ON u.id = c.user_id
           WHERE c.id_hash = ? AND c.expires_at > ? AND c.attempts_remaining > 0`,
        ).get(hashToken(id), now) as { username: string } | undefined
      )?.username,
    findLive: (id: string, now: number): ChallengeRow | undefined => find.get(hashToken(id), now) as ChallengeRow | undefined,
    /** Spends one attempt; returns what is left, or null if the challenge was already gone. */
    spendAttempt: (idHash: string): number | null => {
      const row = sql(db, 'UPDATE challenges SET attempts_remaining = attempts_remaining - 1 WHERE id_hash = ? AND attempts_remaining > 0 RETURNING attempts_remaining AS left')
        .get(idHash) as { left: number } | undefined;
      return row ? row.left : null;
    },
    /** True for exactly one caller: success consumes the challenge. */
    consume: (idHash: string): boolean => sql(db, 'DELETE FROM challenges WHERE id_hash = ?').run(idHash).changes === 1,
    deleteForUser: (userId: string): void => {
      sql(db, 'DELETE FROM challenges WHERE user_id = ?').run(userId);
    },
    deleteExpired: (now: number): void => {
      sql(db, 'DELETE FROM challenges WHERE expires_at <= ? OR attempts_remaining <= 0').run(now);
    },
  };
}
export type ChallengesStore = ReturnType<typeof challengesStore>;
