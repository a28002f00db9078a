import { hashToken, randomToken } from '../../crypto/tokens.js';
import type { SessionRow } from '../rows.js';
import type { Sessions } from '../store.js';
import type { Db } from './database.js';
import { sql } from './statements.js';

/** Opaque random tokens; only their SHA-256 is stored, so the database cannot replay a session. */
export function sqliteSessions(db: Db): Sessions {
  const find = sql(
    db,
    'SELECT token_hash AS tokenHash, user_id AS userId, kind, expires_at AS expiresAt FROM sessions WHERE token_hash = ? AND expires_at > ? AND (idle_expires_at IS NULL OR idle_expires_at >= ?)',
  );
  return {
    findByHash: async (tokenHash, now) => find.get(tokenHash, now, now) as SessionRow | undefined,
    create: async (userId, kind, now, ttlSeconds) => {
      const token = randomToken('sgs');
      const tokenHash = hashToken(token);
      const expiresAt = now + ttlSeconds * 1000;
      sql(db, 'INSERT INTO sessions (token_hash, user_id, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(tokenHash, userId, kind, now, expiresAt);
      return { token, tokenHash, expiresAt };
    },
    delete: async (tokenHash) => sql(db, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash).changes === 1,
    consumeEnrollment: async (tokenHash) => sql(db, "DELETE FROM sessions WHERE token_hash = ? AND kind = 'enrollment'").run(tokenHash).changes === 1,
    deleteForUser: async (userId, exceptTokenHash) => {
      sql(db, 'DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?').run(userId, exceptTokenHash ?? null);
    },
    deleteEnrollmentForUser: async (userId) => {
      sql(db, "DELETE FROM sessions WHERE user_id = ? AND kind = 'enrollment'").run(userId);
    },
    deleteExpired: async (now) => {
      sql(db, 'DELETE FROM sessions WHERE expires_at <= ? OR idle_expires_at < ?').run(now, now);
    },
    holdInBrowser: async (tokenHash, idleUntil) => {
      sql(db, 'UPDATE sessions SET idle_expires_at = ? WHERE token_hash = ?').run(idleUntil, tokenHash);
    },
    useInBrowser: async (tokenHash, now, idleUntil) =>
      sql(db, 'UPDATE sessions SET idle_expires_at = MAX(idle_expires_at, ?) WHERE token_hash = ? AND expires_at > ? AND idle_expires_at >= ?').run(idleUntil, tokenHash, now, now)
        .changes === 1,
  };
}
