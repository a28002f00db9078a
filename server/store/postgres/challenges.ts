import { hashToken, randomToken } from '../../crypto/tokens.js';
import type { ChallengeRow, UserRow } from '../rows.js';
import type { Challenges, Throttle } from '../store.js';
import type { Sql } from './sql.js';
import { USER_COLUMNS } from './users.js';

const LIVE = 'c.id_hash = $1 AND c.expires_at > $2 AND c.attempts_remaining > 0';
const CHALLENGE = 'c.id_hash AS "idHash", c.user_id AS "userId", c.expires_at AS "expiresAt", c.attempts_remaining AS "attemptsRemaining"';

/** Second-step challenges; the id is a bearer secret for the step, so only its hash is stored. */
export function postgresChallenges(db: Sql, throttle: Pick<Throttle, 'claim'>): Challenges {
  const ownerUsername = async (id: string, now: number) =>
    (await db.one<{ username: string }>(`SELECT u.username FROM challenges c JOIN users u ON u.id = c.user_id WHERE ${LIVE}`, [hashToken(id), now]))?.username;
  return {
    create: async (userId, now, ttlSeconds, attempts) => {
      const id = randomToken('ch', 24);
      const expiresAt = now + ttlSeconds * 1000;
      await db.changes('INSERT INTO challenges (id_hash, user_id, created_at, expires_at, attempts_remaining) VALUES ($1, $2, $3, $4, $5)', [
        hashToken(id),
        userId,
        now,
        expiresAt,
        attempts,
      ]);
      return { id, expiresAt };
    },
    ownerUsername,
    findLive: (id, now) => db.one<ChallengeRow>(`SELECT ${CHALLENGE} FROM challenges c WHERE ${LIVE}`, [hashToken(id), now]),
    // The owner first, to know which account to claim; then the challenge and its user again, as they
    // stand once the claim is held (whoever held it before may have spent or consumed the challenge).
    claimLive: async (id, now, accountKey) => {
      const username = await ownerUsername(id, now);
      if (username === undefined) return undefined;
      const account = await throttle.claim(accountKey(username));
      const row = await db.one<ChallengeRow & UserRow>(`SELECT ${CHALLENGE}, ${USER_COLUMNS} FROM challenges c JOIN users u ON u.id = c.user_id WHERE ${LIVE}`, [hashToken(id), now]);
      if (row === undefined) return undefined;
      const { idHash, userId, expiresAt, attemptsRemaining, ...user } = row;
      return { challenge: { idHash, userId, expiresAt, attemptsRemaining }, user, account };
    },
    spendAttempt: async (idHash) =>
      (await db.one<{ left: number }>('UPDATE challenges SET attempts_remaining = attempts_remaining - 1 WHERE id_hash = $1 AND attempts_remaining > 0 RETURNING attempts_remaining AS left', [idHash]))
        ?.left ?? null,
    consume: async (idHash) => (await db.changes('DELETE FROM challenges WHERE id_hash = $1', [idHash])) === 1,
    deleteForUser: async (userId) => {
      await db.changes('DELETE FROM challenges WHERE user_id = $1', [userId]);
    },
    deleteExpired: async (now) => {
      await db.changes('DELETE FROM challenges WHERE expires_at <= $1 OR attempts_remaining <= 0', [now]);
    },
  };
}
