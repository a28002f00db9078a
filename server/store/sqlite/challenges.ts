import { hashToken, randomToken } from '../../crypto/tokens.js';
import type { ChallengeRow } from '../rows.js';
import type { Challenges } from '../store.js';
import type { Db } from './database.js';
import { sql } from './statements.js';

/** Second-step challenges; the id is a bearer secret for the step, so only its hash is stored. */
export function sqliteChallenges(db: Db): Challenges {
  const find = sql(
    db,
    `SELECT id_hash AS idHash, user_id AS userId, expires_at AS expiresAt, attempts_remaining AS attemptsRemaining
     FROM challenges WHERE id_hash = ? AND expires_at > ? AND attempts_remaining > 0`,
  );
  const owner = sql(
    db,
    `SELECT u.username FROM challenges c JOIN users u ON u.id = c.user_id
     WHERE c.id_hash = ? AND c.expires_at > ? AND c.attempts_remaining > 0`,
  );
  const spend = sql(db, 'UPDATE challenges SET attempts_remaining = attempts_remaining - 1 WHERE id_hash = ? AND attempts_remaining > 0 RETURNING attempts_remaining AS left');
  return {
    create: async (userId, now, ttlSeconds, attempts) => {
      const id = randomToken('ch', 24);
      const expiresAt = now + ttlSeconds * 1000;
      sql(db, 'INSERT INTO challenges (id_hash, user_id, created_at, expires_at, attempts_remaining) VALUES (?, ?, ?, ?, ?)').run(hashToken(id), userId, now, expiresAt, attempts);
      return { id, expiresAt };
    },
    ownerUsername: async (id, now) => (owner.get(hashToken(id), now) as { username: string } | undefined)?.username,
    findLive: async (id, now) => find.get(hashToken(id), now) as ChallengeRow | undefined,
    spendAttempt: async (idHash) => (spend.get(idHash) as { left: number } | undefined)?.left ?? null,
    consume: async (idHash) => sql(db, 'DELETE FROM challenges WHERE id_hash = ?').run(idHash).changes === 1,
    deleteForUser: async (userId) => {
      sql(db, 'DELETE FROM challenges WHERE user_id = ?').run(userId);
    },
    deleteExpired: async (now) => {
      sql(db, 'DELETE FROM challenges WHERE expires_at <= ? OR attempts_remaining <= 0').run(now);
    },
  };
}
