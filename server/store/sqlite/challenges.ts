import { hashToken, randomToken } from '../../crypto/tokens.js';
import type { ChallengeRow } from '../rows.js';
import type { Challenges, Throttle } from '../store.js';
import type { Db } from './database.js';
import { sql } from './statements.js';
import { toUser, type RawUser } from './users.js';

/** Second-step challenges; the id is a bearer secret for the step, so only its hash is stored. */
export function sqliteChallenges(db: Db, throttle: Pick<Throttle, 'claim'>): Challenges {
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
  const live = sql(
    db,
    `SELECT c.id_hash AS idHash, c.expires_at AS expiresAt, c.attempts_remaining AS attemptsRemaining, u.*
     FROM challenges c JOIN users u ON u.id = c.user_id
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
    // One statement for the challenge and its user: units run one at a time here, so nothing can change
    // between it and the claim.
    claimLive: async (id, now, accountKey) => {
      const row = live.get(hashToken(id), now) as (RawUser & { idHash: string; expiresAt: number; attemptsRemaining: number }) | undefined;
      if (row === undefined) return undefined;
      const user = toUser(row);
      return {
        challenge: { idHash: row.idHash, userId: user.id, expiresAt: row.expiresAt, attemptsRemaining: row.attemptsRemaining },
        user,
        account: await throttle.claim(accountKey(user.username)),
      };
    },
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
