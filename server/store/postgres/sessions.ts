import { hashToken, randomToken } from '../../crypto/tokens.js';
import type { SessionRow } from '../rows.js';
import type { Sessions } from '../store.js';
import type { Sql } from './sql.js';

/** Opaque random tokens; only their SHA-256 is stored, so the database cannot replay a session. */
export function postgresSessions(db: Sql): Sessions {
  return {
    findByHash: (tokenHash, now) =>
      db.one<SessionRow>('SELECT token_hash AS "tokenHash", user_id AS "userId", kind, expires_at AS "expiresAt" FROM sessions WHERE token_hash = $1 AND expires_at > $2 AND (idle_expires_at IS NULL OR idle_expires_at >= $2)', [
        tokenHash,
        now,
      ]),
    create: async (userId, kind, now, ttlSeconds) => {
      const token = randomToken('sgs');
      const tokenHash = hashToken(token);
      const expiresAt = now + ttlSeconds * 1000;
      await db.changes('INSERT INTO sessions (token_hash, user_id, kind, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [tokenHash, userId, kind, now, expiresAt]);
      return { token, tokenHash, expiresAt };
    },
    delete: async (tokenHash) => (await db.changes('DELETE FROM sessions WHERE token_hash = $1', [tokenHash])) === 1,
    consumeEnrollment: async (tokenHash) => (await db.changes("DELETE FROM sessions WHERE token_hash = $1 AND kind = 'enrollment'", [tokenHash])) === 1,
    deleteForUser: async (userId, exceptTokenHash) => {
      await db.changes('DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [userId, exceptTokenHash ?? null]);
    },
    deleteEnrollmentForUser: async (userId) => {
      await db.changes("DELETE FROM sessions WHERE user_id = $1 AND kind = 'enrollment'", [userId]);
    },
    deleteExpired: async (now) => {
      await db.changes('DELETE FROM sessions WHERE expires_at <= $1 OR idle_expires_at < $1', [now]);
    },
    holdInBrowser: async (tokenHash, idleUntil) => {
      await db.changes('UPDATE sessions SET idle_expires_at = $2 WHERE token_hash = $1', [tokenHash, idleUntil]);
    },
    // One statement checks and moves the limit, so two processes using it at once cannot revive an idle one;
    // GREATEST keeps a process with a clock behind the others from taking a later use back.
    useInBrowser: async (tokenHash, now, idleUntil) =>
      (await db.changes(
        'UPDATE sessions SET idle_expires_at = GREATEST(idle_expires_at, $3) WHERE token_hash = $1 AND expires_at > $2 AND idle_expires_at >= $2',
        [tokenHash, now, idleUntil],
      )) === 1,
  };
}
